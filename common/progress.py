"""The live training progress bar (images, img/s, ETA) that common.train.train_one_epoch reports to."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:6.1f} img/s" if speed else "    -- img/s", style="cyan")


@contextlib.contextmanager
def progress_bar(total: int | None, label: str, *, console: Console | None = None, enabled: bool = True,
                 refresh_every: float = 0.5) -> Iterator[Callable[[int], None] | None]:
    """A transient rich bar (images, img/s, ETA); yields the `progress` callback for train_one_epoch.

    Redrawn from the training thread at most every `refresh_every` seconds instead of by rich's
    refresh thread: on a busy 2-core site a second Python thread competing for the GIL and the
    cores slows the training loop measurably (bench/train_step.py). Yields None, so the loop
    makes no calls at all, when disabled or when the console is not a terminal (log files).
    """
    if console is None:
        from fedrad.common.clikit import make_console  # typer/click only when a console is made here

        console = make_console()
    if not enabled or not console.is_terminal:
        yield None
        return
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("images"),
                  _RateColumn(), TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=True,
                  auto_refresh=False) as bar:
        task = bar.add_task("train", total=total)
        last = time.monotonic()

        def advance(n: int) -> None:
            nonlocal last
            bar.advance(task, n)
            now = time.monotonic()
            if now - last >= refresh_every:
                last = now
                bar.refresh()

        bar.refresh()
        yield advance


