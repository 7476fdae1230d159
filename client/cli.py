"""Site commands. `app` is mounted as `fedrad client ...`; `tools` are top-level commands
(`fedrad anonymize`, `fedrad label ...`) that a site operator also runs on their own.

Commands import their heavy modules inside the function so `fedrad --help` stays fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(help="Run a hospital site: prepare data, join a federation.", no_args_is_help=True)
tools = typer.Typer()
label_app = typer.Typer(help="Label reports (rule labeler or an OpenAI-compatible LLM) and score labels.",
                        no_args_is_help=True)
tools.add_typer(label_app, name="label")

# --- anonymize (anonymization work) ---------------------------------------------------

# --- label (labeling work) ------------------------------------------------------------

# --- client prepare / start -----------------------------------------------------------
