"""fedrad, the one import root: `fedrad.common`, `fedrad.client`, `fedrad.server`, `fedrad.sim`.

In the repository those parts are the top-level folders `common/`, `client/`, `server/`, `sim/`;
pyproject.toml's package-dir maps them under this package, so an install puts only `fedrad` at the
top of site-packages.
"""

from fedrad.common import __version__

__all__ = ["__version__"]
