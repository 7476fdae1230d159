"""One CLI contract (issue 14): one error base class and handler, literal help, whole ids, plain pipes."""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import os
import subprocess
import sys

import pytest
from fedrad.common.clikit import make_console, print_table
from fedrad.common.errors import FedradError

from tests.conftest import ROOT

FEDRAD = [sys.executable, "-m", "fedrad"]
# Exceptions used for control flow inside one module, never shown to a user.
INTERNAL = {"InvalidAnswer", "CallFailed", "BodyTooLarge"}


def _error_classes():
    for part in ("common", "client", "server", "sim"):
        for path in (ROOT / part).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and node.name.endswith(("Error", "Refusal")) \
                        and node.name not in INTERNAL:
                    mod = ".".join(("fedrad", *path.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__")
                    yield mod, node.name


def test_every_error_class_derives_from_the_one_base():
    found = list(_error_classes())
    assert len(found) > 20
    bad = [f"{m}.{n}" for m, n in found if not issubclass(getattr(importlib.import_module(m), n), FedradError)]
    assert not bad, bad


def _run(*args: str, columns: str = "20") -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS=columns, TERM="xterm-256color")
    return subprocess.run([*FEDRAD, *args], capture_output=True, text=True, env=env, timeout=120)


def test_an_error_goes_to_stderr_whole_with_the_exit_code_of_its_kind(tmp_path):
    r = _run("templates", "show", "no-such-region-with-a-long-name", columns="20")
    assert r.returncode == 2 and r.stdout == ""
    line = r.stderr.strip()
    assert line.startswith("error: ") and "no-such-region-with-a-long-name" in line and "\n" not in line, r.stderr
    assert "\x1b[" not in r.stderr


def test_ids_survive_a_pipe_and_a_narrow_terminal():
    r = _run("templates", "show", "elbow", columns="30")
    assert r.returncode == 0
    assert "distal_humerus_fracture_intraarticular" in r.stdout  # whole, greppable
    assert "\x1b[" not in r.stdout and "…" not in r.stdout


def test_help_shows_bracketed_words_literally():
    r = _run("server", "start", "--help", columns="200")
    assert r.returncode == 0 and "[run]" in r.stdout, r.stdout


def test_no_help_text_shows_an_escaped_bracket():
    """Every command's help, in process: defaults read "[default: x]", never typer's "\\[default: x]"."""
    import click
    import typer
    from typer.testing import CliRunner

    from fedrad.cli import app

    def leaves(cmd: click.Command, path: list[str]):
        subs = getattr(cmd, "commands", {})
        yield path
        for name, sub in subs.items():
            yield from leaves(sub, [*path, name])

    runner, shown, defaults = CliRunner(), 0, 0
    for path in leaves(typer.main.get_command(app), []):
        res = runner.invoke(app, [*path, "--help"], terminal_width=200)
        assert res.exit_code == 0, (path, res.output)
        assert "\\[" not in res.output, (path, res.output)
        shown, defaults = shown + 1, defaults + ("[default:" in res.output)
    assert shown > 20 and defaults > 5, (shown, defaults)


def test_every_console_comes_from_the_one_factory():
    """A bare rich Console wraps at 80 columns into a pipe or a log file (a path or id cut in two, grep
    finds nothing) and turns `:ab:` into an emoji: every command prints through clikit.make_console."""
    bare = []
    for part in ("common", "client", "server", "sim", "fedrad"):
        for path in (ROOT / part).rglob("*.py"):
            if path.name == "clikit.py" and part == "common":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and (getattr(node.func, "id", None) == "Console"
                                                   or getattr(node.func, "attr", None) == "Console"):
                    bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bare, bare


def test_tables_never_interpret_markup_or_emoji_and_fold_on_a_terminal():
    fp = "SHA256:9TP7gKuB:ab:A7:51:AB:3E:F0[red]x[/red]" + "Z" * 60
    buf = io.StringIO()
    print_table(("site", "fingerprint"), [("hospital-a", fp)], con=make_console(file=buf))  # not a terminal
    assert fp in buf.getvalue() and "\x1b[" not in buf.getvalue()
    term = io.StringIO()
    con = make_console(file=term, force_terminal=True, width=40, color_system=None)
    print_table(("site", "fingerprint"), [("hospital-a", fp)], con=con)
    folded = "".join(ch for ch in term.getvalue() if ch not in " │┃\n")
    assert fp.replace(" ", "") in folded and "🆎" not in term.getvalue()


def test_a_broken_part_fails_loudly(monkeypatch):
    import fedrad.cli as root

    monkeypatch.setattr(root, "PARTS", [("fedrad.client.no_such_module", "app", None)])
    with pytest.raises(ImportError):
        root._mount()


def test_cli_handler_catches_fedrad_errors_in_process():
    """CliRunner (what most tests use) goes through the same handler as the installed command."""
    from typer.testing import CliRunner

    from fedrad.cli import app

    res = CliRunner().invoke(app, ["templates", "show", "nosuch"])
    assert res.exit_code == 2 and "error: unknown region 'nosuch'" in res.output
    assert inspect.isclass(type(res.exception)) and isinstance(res.exception, SystemExit)


@pytest.mark.parametrize("args", [
    ["doctor", "--role", "hospital"],
    ["client", "start", "--server", "h:1", "--site", ".", "--after-run", "later"],
    ["client", "prepare", ".", "--labeler", "gpt"],
    ["client", "export", ".", "out", "--region", "elbow", "--split", "everything"],
    ["client", "recalibrate", ".", "--model", "m.pt", "--region", "elbow", "--split", "all"],
    ["label", "run", ".", "--response-format", "xml"],
    ["sim", "run", "--preset", "huge"],
    ["sim", "run", "--strategy", "fedsgd"],
])
def test_fixed_choices_are_checked_by_the_parser_and_listed(args):
    """Fixed choices are enums (common.clikit.choices over the values where the rule lives): a wrong value
    is a usage error (exit 2) that lists the choices, before the command runs."""
    from typer.testing import CliRunner

    from fedrad.cli import app

    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2, res.output
    assert f"'{args[-1]}' is not one of" in res.output.replace("\n", " "), res.output
