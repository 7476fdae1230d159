"""`fedrad sim run --preset`: named sizes of the simulation (data only, so the CLI can list them)."""

from __future__ import annotations

from typing import Any

PRESETS: dict[str, dict[str, Any]] = {
    # ResNet18 at 64 px, 4 passes per arm: the whole run in about 8 minutes on 2 idle CPU cores.
    "default": {"sim": {}, "run": {}},
    # The study's sizes, for a GPU machine: 512 px, two views, real epochs.
    "paper": {"sim": {"studies_per_site": 1200, "image_size": 768, "pooled_lr": 1e-4},
              "run": {"arch": "resnet50", "select_round": "best", "lr": 1e-4, "image_size": 512,
                      "num_server_rounds": 25, "local_epochs": 1, "batch_size": 16, "lr_step": 7}},
    # A smoke run for tests and CI: tiny everything, the tiny CNN included (plumbing, not accuracy).
    "tiny": {"sim": {"sites": 2, "studies_per_site": 40, "image_size": 128},
             "run": {"image_size": 32, "num_server_rounds": 2, "batch_size": 8, "arch": "tiny"}},
}
