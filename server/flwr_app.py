"""The Flower app folder that `flwr run` ships (a FAB): a shim, not fedrad's code.

Defined in common.fabshim (one definition shared with the sites' FAB check); re-exported here
for the coordinator's callers.
"""

from __future__ import annotations

from fedrad.common.fabshim import PACKAGE, SHIMS, pyproject, shim_files, write_app_dir

__all__ = ["PACKAGE", "SHIMS", "pyproject", "shim_files", "write_app_dir"]
