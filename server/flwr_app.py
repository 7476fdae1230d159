"""The Flower app folder that `flwr run` ships (a FAB): a shim, not fedrad's code.

Flower imports the ClientApp from the FAB at every site, so whatever is in the FAB executes
there. fedrad ships only two one-line modules that import the *installed* `fedrad.client` and
`fedrad.server` packages: a site runs the fedrad code its operator installed, whatever the coordinator submits.
The app's run-config table is generated from common.runconfig.RunConfig defaults, the one place
where run settings are defined.
"""

from __future__ import annotations

from pathlib import Path

from fedrad.common import __version__
from fedrad.common.fileio import write_text
from fedrad.common.runconfig import RunConfig

PACKAGE = "fedrad_flwr_app"

SHIMS = {
    "__init__.py": '"""fedrad Flower app shim: imports the installed fedrad packages only."""\n',
    # `app = ...` as an assignment: Flower checks the attribute statically before importing.
    "client_app.py": "from fedrad.client import client_app as _installed  # the site's installed fedrad\n\n"
                     "app = _installed.app\n",
    "server_app.py": "from fedrad.server import server_app as _installed  # the coordinator's installed fedrad\n\n"
                     "app = _installed.app\n",
}


def pyproject(defaults: RunConfig | None = None) -> str:
    cfg = (defaults or RunConfig()).to_toml()
    return f'''[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "fedrad-flwr-app"
version = "{__version__}"
description = "fedrad federated run (shim importing the installed fedrad)"
license = "Apache-2.0"
dependencies = []

[tool.hatch.build.targets.wheel]
packages = ["{PACKAGE}"]

[tool.flwr.app]
publisher = "fedrad"

[tool.flwr.app.components]
serverapp = "{PACKAGE}.server_app:app"
clientapp = "{PACKAGE}.client_app:app"

[tool.flwr.app.config]
{cfg}'''


def write_app_dir(dest: str | Path, defaults: RunConfig | None = None) -> Path:
    """Write the shim app folder to `dest` (idempotent); returns it."""
    dest = Path(dest)
    write_text(dest / "pyproject.toml", pyproject(defaults))
    for name, text in SHIMS.items():
        write_text(dest / PACKAGE / name, text)
    return dest
