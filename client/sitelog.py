"""The site's own log, `<site>/.fedrad/logs/site.log`: everything the coordinator is not told.

Full exception text and tracebacks (with paths, study ids, the site folder's name), refused
FABs with their hashes, the environment variable names a ClientApp ran with. It never leaves
the site; the file is 0600 in a 0700 folder (common.sitefiles.work_dir).
"""

from __future__ import annotations

import logging
from pathlib import Path

from fedrad.common.sitefiles import work_dir

LOGGER = "fedrad.site"


def site_log_path(site: str | Path) -> Path:
    return work_dir(site) / "logs" / "site.log"


def site_logger(site: str | Path) -> logging.Logger:
    """A logger that appends to the site's log (one handler per file, however often it is asked)."""
    path = site_log_path(site)
    path.parent.mkdir(parents=True, exist_ok=True)
    log = logging.getLogger(f"{LOGGER}.{abs(hash(str(path.resolve())))}")
    if not any(getattr(h, "baseFilename", None) == str(path.resolve()) for h in log.handlers):
        h = logging.FileHandler(path, encoding="utf-8")
        h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s pid=%(process)d %(message)s"))
        log.addHandler(h)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log
