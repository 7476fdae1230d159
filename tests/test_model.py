"""Model shapes, view/backbone wiring, local-only ImageNet weights, checkpoints and template checks."""

from __future__ import annotations

import dataclasses

import pytest
import torch
import torchvision
from fedrad.common.model import (
    FEATURES,
    CheckpointError,
    CheckpointMismatchError,
    ModelConfig,
    MultiViewResNet,
    WeightsFileError,
    build_model,
    load_checkpoint,
    read_checkpoint,
    save_checkpoint,
)
from fedrad.common.templates import load_template
from torchvision.models import resnet18, resnet50

SIZE = 32


def n_params(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def imagenet_file(tmp_path_factory):
    """A stand-in for torchvision's ImageNet file: a real resnet50 state dict with random weights."""
    torch.manual_seed(123)
    path = tmp_path_factory.mktemp("weights") / "resnet50-local.pth"
    torch.save(resnet50(weights=None).state_dict(), path)
    return path


@pytest.fixture
def no_downloads(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("tried to download weights")

    monkeypatch.setattr(torch.hub, "load_state_dict_from_url", refuse)
    monkeypatch.setattr(torch.hub, "download_url_to_file", refuse)
    monkeypatch.setattr(torchvision.models._api, "load_state_dict_from_url", refuse)


def test_single_view_forward_shape():
    model = MultiViewResNet(num_findings=5, num_views=1)
    assert len(model.backbones) == 1
    out = model(torch.randn(2, 1, 3, SIZE, SIZE))
    assert out.shape == (2, 5)


def test_two_views_separate_vs_shared_backbones():
    separate = MultiViewResNet(num_findings=4, num_views=2)
    shared = MultiViewResNet(num_findings=4, num_views=2, share_backbone=True)
    x = torch.randn(3, 2, 3, SIZE, SIZE)
    assert separate(x).shape == (3, 4)
    assert shared(x).shape == (3, 4)
    assert len(separate.backbones) == 2 and len(shared.backbones) == 1
    head = 2 * FEATURES * 4 + 4  # one linear layer over the concatenated features
    one_backbone = n_params(separate.backbones[0])
    assert n_params(separate) == 2 * one_backbone + head
    assert n_params(shared) == one_backbone + head


def test_features_are_concatenated_in_view_order():
    torch.manual_seed(0)
    x = torch.randn(2, 2, 3, SIZE, SIZE)
    for share in (False, True):
        model = MultiViewResNet(num_findings=3, num_views=2, share_backbone=share).eval()
        with torch.no_grad():
            feats = model.features(x)
            first = model.backbones[0](x[:, 0])
            second = model.backbones[-1](x[:, 1])
        assert feats.shape == (2, 2 * FEATURES)
        torch.testing.assert_close(feats[:, :FEATURES], first)
        torch.testing.assert_close(feats[:, FEATURES:], second)


def test_one_channel_input_and_wrong_shapes():
    model = MultiViewResNet(num_findings=2, num_views=2, channels=1)
    assert all(bb.conv1.in_channels == 1 for bb in model.backbones)
    assert model(torch.randn(2, 2, 1, SIZE, SIZE)).shape == (2, 2)
    with pytest.raises(ValueError, match="1 channel"):
        model(torch.randn(2, 2, 3, SIZE, SIZE))
    with pytest.raises(ValueError, match="2 view"):
        model(torch.randn(2, 1, 1, SIZE, SIZE))
    with pytest.raises(ValueError, match=r"\(B, V, C, H, W\)"):
        model(torch.randn(2, 1, SIZE, SIZE))


def test_channels_last_model_gives_same_output():
    torch.manual_seed(0)
    model = MultiViewResNet(num_findings=2, num_views=2).eval()
    x = torch.randn(2, 2, 3, SIZE, SIZE)
    with torch.no_grad():
        ref = model(x)
        model.to(memory_format=torch.channels_last)
        torch.testing.assert_close(model(x), ref, rtol=1e-4, atol=1e-4)


def test_model_config_from_template_and_validation():
    tpl = load_template("elbow")
    cfg = ModelConfig.from_template(tpl, image_size=64)
    assert cfg.finding_ids == tuple(tpl.ids) and cfg.views == ("ap", "lateral") and cfg.region == "elbow"
    assert ModelConfig.from_dict(cfg.to_dict()) == cfg
    with pytest.raises(ValueError, match="channels"):
        dataclasses.replace(cfg, channels=2)
    with pytest.raises(ValueError, match="policy"):
        dataclasses.replace(cfg, policy="optimistic")
    with pytest.raises(ValueError, match="duplicate"):
        dataclasses.replace(cfg, finding_ids=("fracture", "fracture"))


def test_missing_weights_file_is_a_clear_error(tmp_path, no_downloads):
    path = tmp_path / "nowhere" / "resnet50.pth"
    cfg = ModelConfig(region="clavicle", finding_ids=("a", "b"), views=("ap",), image_size=SIZE, pretrained=str(path))
    with pytest.raises(WeightsFileError, match="not found") as err:
        build_model(cfg)
    assert str(path) in str(err.value)


def test_garbage_weights_files_are_clear_errors(tmp_path, no_downloads):
    junk = tmp_path / "junk.pth"
    junk.write_bytes(b"this is not a torch file")
    other = tmp_path / "other.pth"
    torch.save({"weight": torch.zeros(3)}, other)
    small = tmp_path / "resnet18.pth"
    torch.save(resnet18(weights=None).state_dict(), small)
    cases = [(junk, "not a readable"), (other, "not a resnet50"), (small, "not a resnet50")]
    for path, msg in cases:
        cfg = ModelConfig(region="clavicle", finding_ids=("a",), views=("ap",), image_size=SIZE, pretrained=path)
        with pytest.raises(WeightsFileError, match=msg) as err:
            build_model(cfg)
        assert str(path) in str(err.value)


def test_local_weights_load_into_every_backbone(imagenet_file, no_downloads):
    ref = torch.load(imagenet_file, weights_only=True)
    cfg = ModelConfig(region="elbow", finding_ids=("a", "b"), views=("ap", "lateral"), image_size=SIZE,
                      pretrained=str(imagenet_file))
    model = build_model(cfg)
    for bb in model.backbones:
        sd = bb.state_dict()
        for key in ("conv1.weight", "layer3.2.bn2.running_var", "layer4.2.conv3.weight"):
            torch.testing.assert_close(sd[key], ref[key])
        assert "fc.weight" not in sd


def test_one_channel_weights_sum_rgb_and_match_grey_copied_to_rgb(imagenet_file, no_downloads):
    base = dict(region="clavicle", finding_ids=("a", "b"), views=("ap",), image_size=SIZE,
                pretrained=str(imagenet_file))
    grey = build_model(ModelConfig(channels=1, **base)).eval()
    rgb = build_model(ModelConfig(channels=3, **base)).eval()
    ref = torch.load(imagenet_file, weights_only=True)["conv1.weight"]
    torch.testing.assert_close(grey.backbones[0].conv1.weight, ref.sum(dim=1, keepdim=True))
    x = torch.rand(2, 1, 1, SIZE, SIZE)
    with torch.no_grad():
        f_grey = grey.features(x)
        f_rgb = rgb.features(x.expand(-1, -1, 3, -1, -1))
    torch.testing.assert_close(f_grey, f_rgb, rtol=1e-4, atol=1e-4)


@pytest.fixture(scope="module")
def elbow_checkpoint(tmp_path_factory):
    tpl = load_template("elbow")
    cfg = ModelConfig.from_template(tpl, image_size=SIZE, share_backbone=True, policy="exclusive")
    torch.manual_seed(1)
    model = build_model(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    model(torch.randn(2, 2, 3, SIZE, SIZE)).sum().backward()
    opt.step()
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=7)
    path = tmp_path_factory.mktemp("ckpt") / "checkpoint.pt"
    save_checkpoint(path, model, cfg, optimizer=opt, lr_scheduler=sched, epoch=4,
                    extra={"note": "x", "auc": torch.tensor(0.5).numpy(), "ids": ("a", "b")})
    return path, model, cfg


def test_checkpoint_round_trip(elbow_checkpoint):
    path, model, cfg = elbow_checkpoint
    raw = torch.load(path, weights_only=True)  # plain contents: loadable without trusting pickles
    assert raw["epoch"] == 4 and "optimizer" in raw and "lr_scheduler" in raw
    meta = raw["meta"]
    assert meta["region"] == "elbow" and meta["views"] == ["ap", "lateral"] and meta["policy"] == "exclusive"
    assert meta["finding_ids"] == list(cfg.finding_ids) and meta["share_backbone"] is True
    assert meta["fedrad_version"] and meta["created"]
    assert raw["extra"] == {"note": "x", "auc": 0.5, "ids": ["a", "b"]}
    loaded, lcfg, ckpt = load_checkpoint(path, template=load_template("elbow"))
    assert lcfg == cfg
    for k, v in model.state_dict().items():
        torch.testing.assert_close(loaded.state_dict()[k], v)
    assert not list(path.parent.glob(".*.tmp")), "temp files left behind"


def test_checkpoint_refuses_other_template(elbow_checkpoint):
    path, _, _ = elbow_checkpoint
    with pytest.raises(CheckpointMismatchError, match="region 'elbow' != template region 'thumb'") as err:
        load_checkpoint(path, template=load_template("thumb"))
    assert str(path) in str(err.value)


def test_checkpoint_refuses_reordered_ids_and_other_views(elbow_checkpoint):
    path, _, cfg = elbow_checkpoint
    tpl = load_template("elbow")
    swapped = list(tpl.findings)
    swapped[0], swapped[1] = swapped[1], swapped[0]
    reordered = dataclasses.replace(tpl, findings=tuple(swapped))
    with pytest.raises(CheckpointMismatchError, match="different order.*position 1: 'fracture'"):
        load_checkpoint(path, template=reordered)
    last = tpl.findings[-1].id
    with pytest.raises(CheckpointMismatchError, match=f"not in the template: {last}"):
        load_checkpoint(path, template=dataclasses.replace(tpl, findings=tpl.findings[:-1]))
    extra = dataclasses.replace(tpl.findings[0], id="new_finding")
    with pytest.raises(CheckpointMismatchError, match="not in the checkpoint: new_finding"):
        load_checkpoint(path, template=dataclasses.replace(tpl, findings=tpl.findings + (extra,)))
    with pytest.raises(CheckpointMismatchError, match="views"):
        load_checkpoint(path, template=dataclasses.replace(tpl, views=("ap",)))


def test_unreadable_checkpoints_are_clear_errors(tmp_path):
    with pytest.raises(CheckpointError, match="not found"):
        read_checkpoint(tmp_path / "missing.pt")
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"\x00garbage")
    with pytest.raises(CheckpointError, match="not a readable checkpoint"):
        read_checkpoint(junk)
    plain = tmp_path / "plain.pt"
    torch.save({"model": {}}, plain)
    with pytest.raises(CheckpointError, match="not a fedrad checkpoint"):
        read_checkpoint(plain)


def test_failed_save_keeps_previous_checkpoint(tmp_path, monkeypatch):
    cfg = ModelConfig(region="clavicle", finding_ids=("a",), views=("ap",), image_size=SIZE)
    model = build_model(cfg)
    path = tmp_path / "checkpoint.pt"
    save_checkpoint(path, model, cfg, epoch=0)
    before = path.read_bytes()

    def broken_save(obj, fh, *args, **kwargs):
        fh.write(b"half a checkpoint")
        raise KeyboardInterrupt

    monkeypatch.setattr(torch, "save", broken_save)
    with pytest.raises(KeyboardInterrupt):
        save_checkpoint(path, model, cfg, epoch=1)
    assert path.read_bytes() == before
    assert read_checkpoint(path)["epoch"] == 0
    assert not list(tmp_path.glob(".*.tmp"))


# ----------------------------------------------------------------------------- the model factory


def test_factory_builds_each_registered_arch_with_its_feature_width():
    from fedrad.common.model import ARCHS, list_archs

    assert {"resnet50", "resnet18", "tiny"} <= set(list_archs())
    for arch in ("resnet18", "tiny"):
        cfg = ModelConfig(region="elbow", finding_ids=("a", "b", "c"), views=("ap", "lateral"), image_size=SIZE,
                          arch=arch)
        model = build_model(cfg)
        assert model.head.in_features == 2 * ARCHS[arch].features
        assert model(torch.randn(2, 2, 3, SIZE, SIZE)).shape == (2, 3)
    tiny = build_model(ModelConfig(region="c", finding_ids=("a",), views=("ap",), image_size=SIZE, arch="tiny"))
    assert n_params(tiny) < 100_000  # what makes it fit for tests: kilobytes through Flower, not 90 MB


def test_factory_refuses_unknown_arch_and_weights_for_an_arch_without_them(imagenet_file):
    with pytest.raises(ValueError, match="unknown arch 'vgg'"):
        ModelConfig(region="c", finding_ids=("a",), views=("ap",), image_size=SIZE, arch="vgg")
    with pytest.raises(ValueError, match="has no ImageNet weights"):
        ModelConfig(region="c", finding_ids=("a",), views=("ap",), image_size=SIZE, arch="tiny",
                    pretrained=str(imagenet_file))


def test_checkpoint_keeps_the_arch(tmp_path):
    cfg = ModelConfig(region="clavicle", finding_ids=("a", "b"), views=("ap",), image_size=SIZE, arch="tiny")
    model = build_model(cfg)
    save_checkpoint(tmp_path / "t.pt", model, cfg)
    again, cfg2, _ = load_checkpoint(tmp_path / "t.pt")
    assert cfg2.arch == "tiny" and again.arch == "tiny"
    for a, b in zip(model.state_dict().values(), again.state_dict().values(), strict=True):
        torch.testing.assert_close(a, b)


def test_run_config_carries_arch_and_every_training_knob():
    from fedrad.common.runconfig import RunConfig

    run = RunConfig(arch="tiny", amp=False, seed=7, num_server_rounds=3, local_epochs=2, lr=3e-3, device="cpu")
    assert run.model_config().arch == "tiny"
    t = run.train_config()
    assert (t.epochs, t.amp, t.seed, t.lr, t.device) == (6, False, 7, 3e-3, "cpu")
    assert run.train_config(lr=1.0, epochs=1).lr == 1.0


@pytest.mark.parametrize("name", ["resnet18", "resnet50"])
@pytest.mark.parametrize("channels", [3, 1])
def test_own_resnet_is_torchvisions_bit_for_bit(name, channels):
    """common.resnet replaces torchvision's ResNet to spare every process torchvision's import (~2 s): the same seed
    must give the same parameter names and identical weights, and the same weights the same outputs."""
    import torch.nn as nn
    from fedrad.common.model import _torchvision_resnet

    torch.manual_seed(7)
    ours = _torchvision_resnet(name, channels)
    torch.manual_seed(7)
    theirs = getattr(torchvision.models, name)(weights=None)
    if channels == 1:
        theirs.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    theirs.fc = nn.Identity()
    a, b = ours.state_dict(), theirs.state_dict()
    assert list(a) == list(b)
    assert all(torch.equal(a[k], b[k]) for k in a)
    x = torch.randn(2, channels, 64, 64)
    ours.eval(), theirs.eval()
    with torch.no_grad():
        assert torch.equal(ours(x), theirs(x))


def test_building_a_model_leaves_torchvision_unimported():
    import subprocess
    import sys

    code = ("import sys; from fedrad.common.model import build_model, ModelConfig; "
            "build_model(ModelConfig(region='elbow', finding_ids=('a', 'b'), views=('ap',), image_size=64, "
            "arch='resnet18')); print('torchvision' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
