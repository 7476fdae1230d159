"""Templates: the shipped files match the spec's contract, and bad templates are rejected clearly."""

from __future__ import annotations

import re

import pytest
from fedrad.common.templates import TemplateError, available_regions, load_template, load_template_file, parse_template
from typer.testing import CliRunner

from tests.conftest import SHARED


def _spec_rows() -> dict[str, list[tuple[str, list[str]]]]:
    spec = (SHARED / "spec" / "label-templates.md").read_text()
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for sec in re.split(r"^## ", spec, flags=re.M):
        m = re.match(r"(Clavicle|Elbow|Thumb) \((\d+)\)", sec)
        if not m:
            continue
        rows = []
        for line in sec.splitlines():
            if re.match(r"\| \d+ \|", line):
                _, fid, _, parents = [c.strip() for c in line.strip("|").split("|")]
                rows.append((fid, [p.strip() for p in parents.split(",") if p.strip()]))
        assert len(rows) == int(m.group(2))
        out[m.group(1).lower()] = rows
    return out


def test_shipped_templates_match_spec_contract():
    if not (SHARED / "spec").is_dir():
        pytest.skip("shared spec folder not available")
    spec = _spec_rows()
    assert set(spec) <= set(available_regions())
    for region, rows in spec.items():
        t = load_template(region)
        assert t.ids == [fid for fid, _ in rows], region
        assert [list(f.parents) for f in t.findings] == [ps for _, ps in rows], region
    assert load_template("clavicle").num_views == 1
    assert load_template("elbow").views == ("ap", "lateral")
    assert load_template("thumb").num_views == 2
    assert len(load_template("elbow")) == 29


def test_ancestors_transitive():
    t = load_template("elbow")
    assert t.ancestors("olecranon_fracture_displaced") == ["olecranon_fracture", "ulna_fracture", "fracture"]
    thumb = load_template("thumb")
    assert set(thumb.ancestors("metacarpal1_fracture_comminuted")) == {
        "metacarpal1_fracture", "fracture_comminuted", "fracture"}


BASE = {"region": "knee", "views": ["ap"]}


@pytest.mark.parametrize("findings, message", [
    ([{"id": "a"}, {"id": "a"}], "duplicate id 'a'"),
    ([{"id": "a", "parents": ["zz"]}], "parent 'zz' is not a finding"),
    ([{"id": "a", "parents": ["b"]}, {"id": "b", "parents": ["a"]}], "parent cycle"),
    ([{"id": "a", "parents": ["a"]}], "its own parent"),
    ([{"id": "Bad Id"}], "must use only"),
    ([], "non-empty list"),
])
def test_bad_templates_rejected(findings, message):
    with pytest.raises(TemplateError, match=message):
        parse_template({**BASE, "findings": findings}, source="knee.toml")


def test_bad_template_file_names_file(tmp_path):
    p = tmp_path / "knee.toml"
    p.write_text('region = "knee"\nviews = ["ap"]\n[[findings]]\nid = "a"\nparents = ["nope"]\n')
    with pytest.raises(TemplateError) as exc:
        load_template_file(p)
    assert str(p) in str(exc.value)
    p.write_text("region = = broken")
    with pytest.raises(TemplateError, match="not valid TOML"):
        load_template_file(p)


def test_adding_a_region_is_adding_a_file(tmp_path, monkeypatch):
    (tmp_path / "knee.toml").write_text(
        'region = "knee"\nviews = ["ap", "lateral"]\n[[findings]]\nid = "fracture"\nname = "Fracture"\n'
        '[[findings]]\nid = "patella_fracture"\nparents = ["fracture"]\n')
    monkeypatch.setenv("FEDRAD_TEMPLATE_PATH", str(tmp_path))
    assert "knee" in available_regions()
    assert load_template("knee").ids == ["fracture", "patella_fracture"]
    with pytest.raises(TemplateError, match="unknown region 'hip'"):
        load_template("hip")


def test_templates_cli():
    from fedrad.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["templates", "list"])
    assert res.exit_code == 0, res.output
    for region in ("clavicle", "elbow", "thumb"):
        assert region in res.output
    res = runner.invoke(app, ["templates", "show", "elbow"])
    assert res.exit_code == 0 and "radial_head_fracture" in res.output
    res = runner.invoke(app, ["templates", "show", "hip"])
    assert res.exit_code == 2
