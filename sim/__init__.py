"""fedrad sim part."""
