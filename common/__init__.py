"""fedrad's shared core: templates, labels, policies, model, image IO, metrics, training.

Nothing here imports `client`, `server` or `sim`: every role installs and trusts this part.
"""

__version__ = "0.1.0"
