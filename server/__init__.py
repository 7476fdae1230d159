"""fedrad server part."""
