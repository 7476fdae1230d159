"""The Flower app folder `flwr run` ships (a FAB): fedrad's shim, defined once for both sides.

The coordinator writes these files and submits them (server.flwr_app); a site accepts a FAB only
if its file list and contents are exactly these files for the installed fedrad version
(client.fabcheck). Both read `shim_files`, so the shim and its check cannot drift apart. The
shim itself is two one-line modules that import the *installed* `fedrad.client` / `fedrad.server`;
at a site fedrad's ClientApp launcher never even imports them (it loads the installed ClientApp
directly), so the FAB is only a version-stamped envelope.

The app's run-config table is generated from common.runconfig.RunConfig defaults, the one place
where run settings are defined. No Flower import here (the site's check builds the FAB bytes
with Flower's own builder from these files).
"""

from __future__ import annotations

import shutil
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


def shim_files(defaults: RunConfig | None = None) -> dict[str, str]:
    """{relative POSIX path: text} of the app folder. Sites check FABs against `shim_files()`
    (the default run config): the coordinator must submit it with defaults and pass its settings
    as run-config overrides, which is what `fedrad server start` and `fedrad sim run` do."""
    return {"pyproject.toml": pyproject(defaults), **{f"{PACKAGE}/{name}": text for name, text in SHIMS.items()}}


def write_app_dir(dest: str | Path, defaults: RunConfig | None = None) -> Path:
    """Write the shim app folder to `dest` (idempotent; anything else in it is removed, since
    every file there would travel in the FAB and make the sites refuse it); returns it."""
    dest = Path(dest)
    files = shim_files(defaults)
    if dest.is_dir():
        for p in sorted(dest.rglob("*"), reverse=True):
            rel = p.relative_to(dest).as_posix()
            if p.is_file() and rel not in files:
                p.unlink()
            elif p.is_dir() and not any(f.startswith(rel + "/") for f in files):
                shutil.rmtree(p, ignore_errors=True)
    for rel, text in files.items():
        write_text(dest / rel, text)
    return dest
