"""The `fedrad` command. The product's code lives in `common`, `client`, `server` and `sim`."""

from common import __version__

__all__ = ["__version__"]
