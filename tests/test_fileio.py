"""common/fileio.py: log files as plain text."""

from fedrad.common.fileio import strip_ansi_file


def test_a_finished_log_loses_its_colour_codes_and_nothing_else(tmp_path):
    log = tmp_path / "flower.log"
    log.write_text("\x1b[92mINFO \x1b[0m:      [ROUND 1/2]\n\x1b[1;33mWARNING \x1b[0m: x [y] 12:30\n")
    strip_ansi_file(log)
    assert log.read_text() == "INFO :      [ROUND 1/2]\nWARNING : x [y] 12:30\n"
    plain = tmp_path / "plain.log"
    plain.write_text("no codes [here]\n")
    before = plain.stat().st_mtime_ns
    strip_ansi_file(plain)
    assert plain.read_text() == "no codes [here]\n" and plain.stat().st_mtime_ns == before  # untouched
    strip_ansi_file(tmp_path / "missing.log")  # a run that never started its log: nothing to do
