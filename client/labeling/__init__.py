"""Report -> tri-state labels: the offline rule labeler and the LLM labeler share one interface."""
