"""Live progress of a federated run for a person at a terminal: one line per round.

The ServerApp's recorder appends JSON events to RUN_DIR/progress.jsonl (server.recorder.event);
`fedrad sim run` and `fedrad server start` follow that file and print `format_event` lines, while
Flower's own log goes to RUN_DIR/flower.log. A file rather than Flower's log stream: the lines
do not depend on Flower's log format, and a second terminal can follow a live run with
`tail -f progress.jsonl` or open report.html.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fedrad.server.recorder import PROGRESS


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def _num(v: Any, fmt: str = ".3f") -> str:
    return "n/a" if v is None else format(float(v), fmt)


def format_event(ev: dict[str, Any], label: str = "") -> str | None:
    """The terminal line of one progress event (None: nothing to show)."""
    head = f"{label}: " if label else ""
    kind = ev.get("event")
    if kind == "waiting":
        have = ev.get("have", [])
        names = f": {', '.join(have)}" if have else ""
        return (f"{head}round {ev['round']}/{ev['rounds']}: waiting for sites (have {len(have)}/{ev['need']}"
                f"{names})")
    if kind == "round":
        line = (f"{head}round {ev['round']}/{ev['rounds']} | sites {len(ev.get('replied', []))}/{ev['expected']}"
                f" | train loss {_num(ev.get('train_loss'), '.4f')}")
        if ev.get("val_round", 0) >= 1:
            line += f" | val AUC {_num(ev.get('val_weighted_auc'))} (round-{ev['val_round']} model)"
        if ev["round"] == ev["rounds"] and ev.get("final_val_weighted_auc") is not None:
            line += f" | final model val AUC {_num(ev.get('final_val_weighted_auc'))}"
        line += f" | {_duration(ev.get('seconds'))}"
        line += " | done" if ev["round"] >= ev["rounds"] else f" | ~{_duration(ev.get('eta_s'))} left"
        if ev.get("missing"):
            line += f" | missing: {'; '.join(ev['missing'])}"
        return line
    if kind == "note":
        return f"{head}{ev.get('text', '')}"
    return None


def read_events(path: Path, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Complete event lines after byte `offset`; returns them and the new offset."""
    if not path.is_file():
        return [], offset
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read()
    end = data.rfind(b"\n") + 1  # a line being written is read next time
    events = []
    for line in data[:end].splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return events, offset + end


class Follower:
    """Prints a run's progress lines as they appear (a daemon thread polling progress.jsonl).

    Starts at the file's current end, so a resumed run does not repeat the lines of its first part.
    """

    def __init__(self, run_dir: Path, emit: Callable[[str], None], *, label: str = "", poll: float = 1.0):
        self.path = Path(run_dir) / PROGRESS
        self.emit, self.label, self.poll = emit, label, poll
        self.offset = self.path.stat().st_size if self.path.is_file() else 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> Follower:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop polling and print whatever is left (idempotent)."""
        if not self._stop.is_set():
            self._stop.set()
            if self._thread.is_alive():
                self._thread.join(timeout=5)
        self.flush()

    def __enter__(self) -> Follower:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def flush(self) -> None:
        for line in self.lines():
            self.emit(line)

    def lines(self) -> Iterator[str]:
        events, self.offset = read_events(self.path, self.offset)
        for ev in events:
            text = format_event(ev, self.label)
            if text:
                yield text

    def _run(self) -> None:
        while not self._stop.wait(self.poll):
            self.flush()
