"""A site's own sharing policy: what this hospital allows the federation to do with its model.

The site operator writes `fedrad-site.toml` in the site folder (beside reports.csv); nothing in
a run config can change it, because the coordinator must not decide for a hospital what is
handed to other hospitals (developers' guide: "anything that hands one site's model or numbers
to another site is opt-in by that site's policy"). Missing file = every option off.

    # fedrad-site.toml
    share-local-model = true   # cross-site evaluation: other sites may evaluate our last local model
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from fedrad.common.fileio import read_toml

POLICY_FILE = "fedrad-site.toml"


class SitePolicyError(ValueError):
    """The site's policy file is malformed (named with the offending key)."""


@dataclass(frozen=True)
class SitePolicy:
    share_local_model: bool = False  # our last local model may be evaluated by other sites (cross-site matrix)


def read_site_policy(site: str | os.PathLike) -> SitePolicy:
    """The site's policy; defaults (all off) when `fedrad-site.toml` is absent. Unknown keys and
    non-boolean values are an error: a typo must not silently leave a setting off or on."""
    path = Path(site) / POLICY_FILE
    if not path.is_file():
        return SitePolicy()
    data = read_toml(path, SitePolicyError, "site policy file")
    known = {f.name.replace("_", "-"): f.name for f in fields(SitePolicy)}
    kw = {}
    for key, value in data.items():
        if key not in known:
            raise SitePolicyError(f"{path}: unknown key '{key}' (known: {', '.join(sorted(known))})")
        if not isinstance(value, bool):
            raise SitePolicyError(f"{path}: {key} = {value!r} must be true or false")
        kw[known[key]] = value
    return SitePolicy(**kw)


def write_site_policy(site: str | os.PathLike, policy: SitePolicy) -> Path:
    """Write the policy file (what a site operator would write by hand; the simulation uses it)."""
    from fedrad.common.fileio import write_text

    path = Path(site) / POLICY_FILE
    write_text(path, "".join(f"{f.name.replace('_', '-')} = {'true' if getattr(policy, f.name) else 'false'}\n"
                             for f in fields(SitePolicy)))
    return path
