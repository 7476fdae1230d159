"""The one error base class: every error fedrad raises on purpose is a FedradError.

The CLI's single handler (common.clikit.FedradGroup) turns a FedradError into `error: <message>`
on stderr, whole (never wrapped at the terminal width, never markup), and exits with the error's
`exit_code`; anything else is a bug and keeps its traceback. Each class also derives from the
builtin it always was (ValueError, RuntimeError), so existing `except ValueError` keeps working.

Exit codes, by kind: 1 = a step failed while running (training diverged, a child process died);
2 = bad input (a file, a config value, an argument: the message names file, row and column);
3 = refused (authentication, version, policy: someone must change something before a retry).
"""

from __future__ import annotations

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3


class FedradError(Exception):
    """Base of every deliberate fedrad error; `exit_code` tells the CLI handler how to exit."""

    exit_code: int = EXIT_BAD_INPUT


class FedradRuntimeError(FedradError, RuntimeError):
    """A step failed while running (not the user's input)."""

    exit_code = EXIT_FAILED


class FedradRefusal(FedradError, RuntimeError):
    """Something was refused on purpose (key not enrolled, version mismatch, policy)."""

    exit_code = EXIT_REFUSED
