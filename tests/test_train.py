"""Masked loss, weighted AUC (common.train) and the fit loop (sim.fit) on a learnable toy task."""

from __future__ import annotations

import io
import json
import os
import re

import numpy as np
import pytest
import torch
from fedrad.common.device import autocast, pick_device, seed_everything
from fedrad.common.model import CheckpointError, CheckpointMismatchError, ModelConfig, build_model, load_checkpoint
from fedrad.common.train import (
    TrainConfig,
    TrainingDivergedError,
    evaluate,
    masked_bce_with_logits,
    predict,
    predict_set_bn,
    recalibrate_bn,
)
from fedrad.sim.fit import fit
from rich.console import Console
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

SIZE = 32
IDS = ("square", "bar")
ARCH = "tiny"  # the factory's ~25k-parameter CNN: the loop is what is tested here, not ResNet50
CPU = torch.device("cpu")


pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(autouse=True)
def restore_torch_flags():
    """seed_everything(deterministic=True) flips process-wide switches; give other tests theirs back."""
    det = torch.are_deterministic_algorithms_enabled()
    warn = torch.is_deterministic_algorithms_warn_only_enabled()
    bench, cudnn_det = torch.backends.cudnn.benchmark, torch.backends.cudnn.deterministic
    yield
    torch.use_deterministic_algorithms(det, warn_only=warn)
    torch.backends.cudnn.benchmark, torch.backends.cudnn.deterministic = bench, cudnn_det


def toy_data(n: int, seed: int, views: int = 1) -> TensorDataset:
    """Finding 0: a bright 10x10 square somewhere in view 0; finding 1: a bright bar in the last view."""
    g = torch.Generator().manual_seed(seed)
    y = (torch.rand(n, len(IDS), generator=g) < 0.5).float()
    x = torch.randn(n, views, 3, SIZE, SIZE, generator=g) * 0.5
    for i in range(n):
        r, c = torch.randint(0, SIZE - 12, (2,), generator=g).tolist()
        if y[i, 0]:
            x[i, 0, :, r:r + 10, c:c + 10] += 2.0
        if y[i, 1]:
            x[i, -1, :, 2:5, :] += 2.0
    return TensorDataset(x, y, torch.ones_like(y))


def toy_model_cfg(views: int = 1) -> ModelConfig:
    return ModelConfig(region="toy", finding_ids=IDS, views=("ap", "lateral")[:views], image_size=SIZE, arch=ARCH)


def quiet_cfg(**kw) -> TrainConfig:
    base = dict(device="cpu", batch_size=8, lr=1e-3, progress=False)
    base.update(kw)
    return TrainConfig(**base)


# --------------------------------------------------------------------------- loss and metrics


def manual_bce(logits, targets, mask):
    p = 1 / (1 + np.exp(-logits))
    cell = -(targets * np.log(p) + (1 - targets) * np.log(1 - p))
    return (cell * mask).sum() / mask.sum()


def test_masked_bce_ignores_masked_cells_and_takes_soft_targets():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(6, 4))
    targets = rng.integers(0, 2, size=(6, 4)).astype(float)
    targets[0, 1] = targets[3, 2] = 0.5  # `soft` policy
    mask = np.ones((6, 4))
    mask[1, 0] = mask[4, 3] = mask[5, 1] = 0  # `ignore` policy
    got = masked_bce_with_logits(torch.tensor(logits), torch.tensor(targets), torch.tensor(mask))
    assert got.item() == pytest.approx(manual_bce(logits, targets, mask), rel=1e-6)
    # masked cells really do not count: changing them leaves the loss unchanged
    targets2 = targets.copy()
    targets2[1, 0] = 1 - targets2[1, 0]
    got2 = masked_bce_with_logits(torch.tensor(logits), torch.tensor(targets2), torch.tensor(mask))
    assert got2.item() == pytest.approx(got.item(), rel=1e-9)
    no_mask = masked_bce_with_logits(torch.tensor(logits), torch.tensor(targets), None)
    assert no_mask.item() == pytest.approx(manual_bce(logits, targets, np.ones_like(mask)), rel=1e-6)


def test_all_masked_batch_gives_zero_loss_that_backprops():
    logits = torch.randn(3, 2, requires_grad=True)
    loss = masked_bce_with_logits(logits, torch.ones(3, 2), torch.zeros(3, 2))
    assert loss.item() == 0.0 and loss.requires_grad
    loss.backward()
    assert torch.equal(logits.grad, torch.zeros(3, 2))


def test_masked_bce_rejects_shape_mismatch():
    with pytest.raises(ValueError, match="shape"):
        masked_bce_with_logits(torch.zeros(2, 3), torch.zeros(2, 4), torch.ones(2, 4))


# --------------------------------------------------------------------------- device helpers


def test_set_statistics_scoring_is_one_pass_and_self_consistent():
    """predict_set_bn (bn-local's validation and test sets): every BatchNorm layer ends with the mean and
    unbiased variance of exactly the input it normalises when the model scores the set, the scores are
    predict()'s with those statistics, they do not depend on the loader's batch size, and the data is read
    once (the two-pass recipe reads it twice). Above the size limit it is that two-pass recipe."""
    torch.manual_seed(0)
    model = build_model(toy_model_cfg(views=2))
    start = {k: v.clone() for k, v in model.state_dict().items()}
    ds = toy_data(23, seed=5, views=2)
    reads = {"n": 0}

    class Counted(torch.utils.data.Dataset):
        def __len__(self):
            return len(ds)

        def __getitem__(self, i):
            reads["n"] += 1
            return ds[i]

    scores, y, m = predict_set_bn(model, DataLoader(Counted(), batch_size=4), CPU)
    assert reads["n"] == len(ds) and y.shape == (23, 2) and m.shape == (23, 2)
    assert not model.training
    seen = {}
    bns = [b for b in model.modules() if isinstance(b, torch.nn.modules.batchnorm._BatchNorm)]
    hooks = [b.register_forward_pre_hook(lambda mod, args: seen.__setitem__(mod, args[0].detach().clone()))
             for b in bns]
    again, _, _ = predict(model, DataLoader(ds, batch_size=len(ds)), CPU)
    for h in hooks:
        h.remove()
    assert len(seen) == len(bns) > 0
    for b, inp in seen.items():
        dims = [0, *range(2, inp.dim())]
        torch.testing.assert_close(b.running_mean, inp.mean(dims), atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(b.running_var, inp.var(dims), atol=1e-5, rtol=1e-4)
    np.testing.assert_allclose(scores, again, atol=1e-6)
    other, _, _ = predict_set_bn(model, DataLoader(ds, batch_size=7), CPU)
    np.testing.assert_allclose(other, scores, atol=1e-6)
    # above the size limit: recalibrate_bn over the loader's batches, then predict
    a, b = build_model(toy_model_cfg(views=2)), build_model(toy_model_cfg(views=2))
    a.load_state_dict(start)
    b.load_state_dict(start)
    big, _, _ = predict_set_bn(a, DataLoader(ds, batch_size=4), CPU, max_values=100)
    recalibrate_bn(b, DataLoader(ds, batch_size=4), CPU)
    np.testing.assert_allclose(big, predict(b, DataLoader(ds, batch_size=4), CPU)[0], atol=1e-6)
    assert not np.allclose(big, scores, atol=1e-4)  # the per-batch averages are another estimate


def test_pick_device():
    assert pick_device("cpu") == torch.device("cpu")
    assert pick_device("auto").type in ("cpu", "cuda", "mps")
    if not torch.cuda.is_available():
        with pytest.raises(RuntimeError, match="CUDA is not available"):
            pick_device("cuda")
    with pytest.raises(RuntimeError, match="unknown device"):
        pick_device("tpu-ish")


def test_seed_everything_and_cpu_autocast():
    seed_everything(3, deterministic=True)
    a = torch.rand(4)
    assert torch.are_deterministic_algorithms_enabled() and os.environ.get("CUBLAS_WORKSPACE_CONFIG")
    seed_everything(3)
    assert torch.equal(torch.rand(4), a) and not torch.are_deterministic_algorithms_enabled()
    with autocast(CPU, True):  # mixed precision is CUDA-only: CPU math stays float32
        assert (torch.ones(2, 2) @ torch.ones(2, 2)).dtype == torch.float32


# --------------------------------------------------------------------------- the loop


def test_fit_shows_progress_bar_and_one_line_per_epoch():
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=200)
    mcfg = toy_model_cfg()
    loader = DataLoader(toy_data(8, seed=4), batch_size=4)
    fit(build_model(mcfg), loader, loader, quiet_cfg(epochs=1, progress=True), model_cfg=mcfg, console=console)
    text = buf.getvalue()
    assert "img/s" in text and "images" in text  # the live bar (transient, but drawn)
    assert re.search(r"epoch\s+1/1\s+loss \d\.\d{4}\s+val loss", text)
    assert re.search(r"done.*1 epoch\(s\)", text)


def test_fit_learns_the_toy_task_and_writes_checkpoints(tmp_path):
    seed_everything(0)
    mcfg = toy_model_cfg()
    model = build_model(mcfg)
    train = DataLoader(toy_data(96, seed=0), batch_size=8, shuffle=True)
    val = DataLoader(toy_data(48, seed=1), batch_size=24)
    before = evaluate(model, val, CPU, IDS)
    result = fit(model, train, val, quiet_cfg(epochs=3), out_dir=tmp_path, model_cfg=mcfg)

    assert [h["epoch"] for h in result.history] == [0, 1, 2]
    assert result.best_metric >= 0.8 and result.best_metric > before["weighted_auc"] + 0.2, (before, result.history)
    best_row = max(result.history, key=lambda h: (h["weighted_auc"], h["epoch"]))  # ties go to the later epoch
    assert result.best_epoch == best_row["epoch"]
    # the model ends with the selected epoch's weights, which are also what best.pt holds
    best_model, best_cfg, best_ckpt = load_checkpoint(result.best_path)
    assert best_ckpt["epoch"] == result.best_epoch and best_cfg == mcfg
    for k, v in best_model.state_dict().items():
        torch.testing.assert_close(model.state_dict()[k].cpu(), v)
    scores, targets, mask = predict(model, val, CPU)
    assert scores.shape == (48, 2) and ((scores >= 0) & (scores <= 1)).all() and mask.all()
    assert roc_auc_score(targets, scores, average="weighted") == pytest.approx(result.best_metric, rel=1e-5)
    hist = json.loads((tmp_path / "history.json").read_text())
    assert len(hist["history"]) == 3 and hist["best"]["epoch"] == result.best_epoch
    assert load_checkpoint(result.checkpoint_path)[2]["epoch"] == 2


class InterruptingLoader:
    """A DataLoader that raises KeyboardInterrupt (like Ctrl-C) at a chosen batch of a chosen epoch."""

    def __init__(self, dataset, stop_at: tuple[int, int] | None = None):
        self.inner = DataLoader(dataset, batch_size=8, shuffle=True, generator=torch.Generator())
        self.dataset, self.generator = dataset, self.inner.generator
        self.stop_at, self.epoch = stop_at, -1

    def __iter__(self):
        self.epoch += 1
        for i, batch in enumerate(self.inner):
            if self.stop_at == (self.epoch, i):
                raise KeyboardInterrupt
            yield batch


def _run(tmp, loader, epochs, resume=None):
    seed_everything(7, deterministic=True)
    mcfg = toy_model_cfg(views=2)
    model = build_model(mcfg)
    val = DataLoader(toy_data(12, seed=5, views=2), batch_size=12)
    cfg = quiet_cfg(epochs=epochs, seed=7, deterministic=True)
    return fit(model, loader, val, cfg, out_dir=tmp, model_cfg=mcfg, resume=resume), model


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    out = tmp_path_factory.mktemp("uninterrupted")
    result, model = _run(out, InterruptingLoader(toy_data(16, seed=3, views=2)), epochs=2)
    return out, result, {k: v.clone() for k, v in torch.load(out / "checkpoint.pt", weights_only=True)["model"].items()}


def test_deterministic_runs_give_identical_weights(uninterrupted, tmp_path):
    _, first, first_weights = uninterrupted
    _, _ = _run(tmp_path, InterruptingLoader(toy_data(16, seed=3, views=2)), epochs=2)
    again = torch.load(tmp_path / "checkpoint.pt", weights_only=True)["model"]
    for k, v in first_weights.items():
        assert torch.equal(again[k], v), k


def test_interrupt_keeps_last_checkpoint_and_resume_reproduces_uninterrupted_run(uninterrupted, tmp_path):
    _, full, full_weights = uninterrupted
    loader = InterruptingLoader(toy_data(16, seed=3, views=2), stop_at=(1, 1))
    with pytest.raises(KeyboardInterrupt):
        _run(tmp_path, loader, epochs=2)
    kept = torch.load(tmp_path / "checkpoint.pt", weights_only=True)
    assert kept["epoch"] == 0 and len(kept["extra"]["fit"]["history"]) == 1
    assert not list(tmp_path.glob(".*.tmp"))

    resumed, _ = _run(tmp_path, InterruptingLoader(toy_data(16, seed=3, views=2)), epochs=2,
                      resume=tmp_path / "checkpoint.pt")
    assert resumed.start_epoch == 1 and resumed.epochs_run == 1
    assert [h["val_loss"] for h in resumed.history] == [h["val_loss"] for h in full.history]
    final = torch.load(tmp_path / "checkpoint.pt", weights_only=True)
    assert final["epoch"] == 1
    for k, v in full_weights.items():
        assert torch.equal(final["model"][k], v), k
    # the optimizer really continued: AdamW's step counter covers both epochs (2 batches each)
    steps = {int(s["step"]) for s in final["optimizer"]["state"].values()}
    assert steps == {4}


def test_resume_refuses_best_pt_and_other_configs(uninterrupted):
    out, _, _ = uninterrupted
    mcfg = toy_model_cfg(views=2)
    model = build_model(mcfg)
    loader = DataLoader(toy_data(8, seed=3, views=2), batch_size=8)
    with pytest.raises(CheckpointError, match="no optimizer state"):
        fit(model, loader, loader, quiet_cfg(epochs=3), out_dir=out / "b", model_cfg=mcfg, resume=out / "best.pt")
    other = ModelConfig(region="toy", finding_ids=IDS[::-1], views=mcfg.views, image_size=SIZE, arch=ARCH)
    with pytest.raises(CheckpointMismatchError, match="finding_ids"):
        fit(model, loader, loader, quiet_cfg(epochs=3), out_dir=out / "c", model_cfg=other,
            resume=out / "checkpoint.pt")


def test_diverging_loss_stops_without_overwriting(tmp_path):
    data = toy_data(8, seed=2)
    data.tensors[1][0, 0] = float("nan")
    mcfg = toy_model_cfg()
    loader = DataLoader(data, batch_size=8)
    with pytest.raises(TrainingDivergedError, match="epoch 1: training loss is nan"):
        fit(build_model(mcfg), loader, loader, quiet_cfg(epochs=2), out_dir=tmp_path, model_cfg=mcfg)
    assert not (tmp_path / "checkpoint.pt").exists()


def test_empty_training_loader_is_an_error():
    mcfg = toy_model_cfg()
    empty = DataLoader(TensorDataset(torch.zeros(0, 1, 3, SIZE, SIZE), torch.zeros(0, 2), torch.zeros(0, 2)))
    with pytest.raises(ValueError, match="no batches"):
        fit(build_model(mcfg), empty, empty, quiet_cfg(epochs=1), model_cfg=mcfg)


def test_resume_into_another_folder_with_nothing_left_to_do(uninterrupted, tmp_path):
    out, full, _ = uninterrupted
    mcfg = toy_model_cfg(views=2)
    loader = DataLoader(toy_data(8, seed=3, views=2), batch_size=8)
    again = fit(build_model(mcfg), loader, loader, quiet_cfg(epochs=2), out_dir=tmp_path, model_cfg=mcfg,
                resume=out / "checkpoint.pt")
    assert again.epochs_run == 0 and again.best_epoch == full.best_epoch
    assert (tmp_path / "best.pt").read_bytes() == (out / "best.pt").read_bytes()
    # a different selection metric re-ranks the saved history instead of comparing apples with pears
    by_macro = fit(build_model(mcfg), loader, loader, quiet_cfg(epochs=2, select_metric="macro_auc"),
                   resume=out / "checkpoint.pt", model_cfg=mcfg)
    macros = [h["macro_auc"] for h in full.history]
    assert by_macro.metric_name == "macro_auc" and by_macro.best_metric == max(macros)
    assert by_macro.best_epoch == max(i for i, m in enumerate(macros) if m == max(macros))
