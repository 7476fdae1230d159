"""The layering rule: common imports none of ours; client and server never import each other nor sim."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

PARTS = {"common", "client", "server", "sim"}
FORBIDDEN = {"common": {"client", "server", "sim", "fedrad", "bare"}, "client": {"server", "sim", "fedrad", "bare"},
             "server": {"client", "sim", "fedrad", "bare"}}


def _part_of(module: str) -> str | None:
    """'fedrad.client.x' -> 'client'; 'fedrad' or 'fedrad.cli' -> 'fedrad' (the root CLI); else None."""
    bits = module.split(".")
    if bits[0] != "fedrad":
        return "bare" if bits[0] in PARTS else None  # a bare `import common` is itself a layering bug
    return bits[1] if len(bits) > 1 and bits[1] in PARTS else "fedrad"


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_part_imports_only_what_it_may(part):
    bad = []
    for path in (ROOT / part).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module == "fedrad" and node.level == 0:
                names = [f"fedrad.{a.name}" for a in node.names]  # from fedrad import common
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            bad += [f"{path.relative_to(ROOT)}:{node.lineno} imports {n}" for n in names
                    if _part_of(n) in FORBIDDEN[part]]
    assert not bad, "\n".join(bad)


def test_one_import_root_installed():
    """The distribution puts exactly one package, `fedrad`, at the top of site-packages."""
    import subprocess
    import sys

    drop = repr(str(ROOT))
    code = (f"import importlib.util, sys; sys.path = [p for p in sys.path if p not in ('', '.', {drop})]; "
            "print(importlib.util.find_spec('common') is None, importlib.util.find_spec('fedrad.client') is not None)")
    out = subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"], out
