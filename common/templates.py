"""Region templates: the finding ids every label file, model head and metric table uses.

Templates are data (`common/regions/<region>.toml`), so a new region is a new file. They are
validated on load because a bad template would silently corrupt every label derived from it.
Extra template folders can be added with the FEDRAD_TEMPLATE_PATH environment variable
(os.pathsep-separated), for a site that labels a region fedrad does not ship.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.common.errors import FedradError
from fedrad.common.fileio import read_toml

BUILTIN_DIR = Path(__file__).with_name("regions")
ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


class TemplateError(FedradError, ValueError):
    """A template file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Finding:
    id: str
    name: str
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    region: str
    display_name: str
    views: tuple[str, ...]
    findings: tuple[Finding, ...]
    version: int = 1
    source: str = ""
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def ids(self) -> list[str]:
        return [f.id for f in self.findings]

    @property
    def num_views(self) -> int:
        return len(self.views)

    def __len__(self) -> int:
        return len(self.findings)

    def index(self, finding_id: str) -> int:
        return self._index[finding_id]

    def finding(self, finding_id: str) -> Finding:
        return self.findings[self._index[finding_id]]

    def ancestors(self, finding_id: str) -> list[str]:
        """All transitive parents, nearest first (parent propagation walks this list)."""
        out: list[str] = []
        stack = list(self.finding(finding_id).parents)
        while stack:
            p = stack.pop(0)
            if p not in out:
                out.append(p)
                stack.extend(self.finding(p).parents)
        return out


def parse_template(data: dict, source: str = "<memory>") -> Template:
    """Build and validate a Template from a parsed TOML dict."""

    def fail(msg: str) -> TemplateError:
        return TemplateError(f"{source}: {msg}")

    for key in ("region", "views", "findings"):
        if key not in data:
            raise fail(f"missing required key '{key}'")
    region = data["region"]
    if not isinstance(region, str) or not region or not set(region) <= ID_CHARS:
        raise fail(f"region {region!r} must be a non-empty lower-case identifier")
    views = data["views"]
    if (not isinstance(views, list) or not views or not all(isinstance(v, str) and v for v in views)
            or len(set(views)) != len(views)):
        raise fail(f"views must be a non-empty list of distinct names, got {views!r}")
    raw = data["findings"]
    if not isinstance(raw, list) or not raw:
        raise fail("findings must be a non-empty list of [[findings]] tables")
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or "id" not in item:
            raise fail(f"finding #{i} has no 'id'")
        fid = item["id"]
        if not isinstance(fid, str) or not fid or not set(fid) <= ID_CHARS:
            raise fail(f"finding #{i}: id {fid!r} must use only a-z, 0-9 and _")
        if fid in seen:
            raise fail(f"finding #{i}: duplicate id '{fid}' (first at #{seen[fid]})")
        seen[fid] = i
        parents = item.get("parents", [])
        if isinstance(parents, str):
            parents = [parents] if parents else []
        if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
            raise fail(f"finding '{fid}': parents must be a list of ids")
        findings.append(Finding(id=fid, name=str(item.get("name", fid)), parents=tuple(parents)))
    for f in findings:
        for p in f.parents:
            if p not in seen:
                raise fail(f"finding '{f.id}': parent '{p}' is not a finding of this template")
            if p == f.id:
                raise fail(f"finding '{f.id}' is its own parent")
    _check_acyclic(findings, fail)
    return Template(region=region, display_name=str(data.get("display_name", region.title())),
                    views=tuple(views), findings=tuple(findings), version=int(data.get("version", 1)),
                    source=source, _index={f.id: i for i, f in enumerate(findings)})


def _check_acyclic(findings: list[Finding], fail) -> None:
    parents = {f.id: f.parents for f in findings}
    state: dict[str, int] = {}  # 1 = on stack, 2 = done

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 2:
            return
        if state.get(node) == 1:
            cycle = path[path.index(node):] + [node]
            raise fail("parent cycle: " + " -> ".join(cycle))
        state[node] = 1
        for p in parents[node]:
            visit(p, path + [node])
        state[node] = 2

    for f in findings:
        visit(f.id, [])


def load_template_file(path: str | os.PathLike) -> Template:
    path = Path(path)
    tpl = parse_template(read_toml(path, TemplateError, "template file"), source=str(path))
    if tpl.region != path.stem:
        raise TemplateError(f"{path}: region '{tpl.region}' must match the file name '{path.stem}'")
    return tpl


def template_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("FEDRAD_TEMPLATE_PATH", "").split(os.pathsep) if p]
    return extra + [BUILTIN_DIR]


def _template_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for d in reversed(template_dirs()):  # earlier dirs override later ones
        if d.is_dir():
            for p in sorted(d.glob("*.toml")):
                if "." not in p.stem:  # skip companions such as elbow.lexicon.toml
                    files[p.stem] = p
    return files


def available_regions() -> list[str]:
    return sorted(_template_files())


@functools.cache
def _load_cached(path: str, mtime: float) -> Template:
    return load_template_file(path)


def load_template(region: str) -> Template:
    """The template of a region, by name; unknown regions list what is available."""
    files = _template_files()
    if region not in files:
        raise TemplateError(f"unknown region '{region}'; available: {', '.join(sorted(files)) or 'none'}")
    p = files[region]
    return _load_cached(str(p), p.stat().st_mtime)
