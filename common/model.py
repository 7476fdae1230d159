"""The study's "modified ResNet50", the model factory, and checkpoints.

One backbone per view (elbow/thumb: AP + lateral), pooled features concatenated before one
linear layer with one logit per finding. The backbone architecture comes from a small
registry in the style of torchvision's `get_model` / timm's `create_model`: `resnet50` (the
study's, the default), `resnet18`, and `tiny` (a four-layer CNN of ~25k parameters, so tests
and plumbing checks train real models in milliseconds and ship kilobytes through Flower).
Checkpoints carry the architecture and the template they were trained for (region, finding
ids in order, views), so a model can never be scored against the wrong template: the ids are
the column order of the output layer.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from fedrad.common.errors import FedradError
from fedrad.common.fileio import atomic_open
from fedrad.common.policies import POLICIES
from torch import nn

from fedrad import common  # the package, for its __version__

FEATURES = 2048  # ResNet50's pooled feature width
CHECKPOINT_FORMAT = "fedrad-checkpoint"
CHECKPOINT_VERSION = 1


class WeightsFileError(FedradError, ValueError):
    """A pretrained-weights file is missing, unreadable or not a ResNet50 state dict."""


class CheckpointError(FedradError, ValueError):
    """A checkpoint file is missing, unreadable or malformed."""


class CheckpointMismatchError(CheckpointError):
    """A checkpoint was trained for a different template (region, finding ids or views)."""


@dataclass(frozen=True)
class ModelConfig:
    """Everything needed to rebuild a model with the right head; stored in every checkpoint.

    `pretrained` is a local path to torchvision's ImageNet resnet50 state dict (e.g.
    resnet50-11ad3fa6.pth); it only matters at construction and is never downloaded.
    """

    region: str
    finding_ids: tuple[str, ...]
    views: tuple[str, ...]
    image_size: int
    channels: int = 3
    policy: str = "inclusive"
    share_backbone: bool = False
    pretrained: str | None = None
    template_version: int = 1
    arch: str = "resnet50"
    intensity: str = "none"  # per-image standardization the model was trained with (common.preprocess)

    def __post_init__(self) -> None:
        # Accept lists (from JSON/TOML/checkpoints) but store tuples so configs stay hashable.
        object.__setattr__(self, "finding_ids", tuple(self.finding_ids))
        object.__setattr__(self, "views", tuple(self.views))
        if self.pretrained is not None:
            object.__setattr__(self, "pretrained", os.fspath(self.pretrained))
        if not self.finding_ids:
            raise ValueError("ModelConfig: finding_ids must not be empty")
        if len(set(self.finding_ids)) != len(self.finding_ids):
            raise ValueError(f"ModelConfig: duplicate finding ids in {list(self.finding_ids)}")
        if not self.views:
            raise ValueError("ModelConfig: views must not be empty")
        if self.channels not in (1, 3):
            raise ValueError(f"ModelConfig: channels must be 1 or 3, got {self.channels}")
        if int(self.image_size) < 32:
            raise ValueError(f"ModelConfig: image_size must be at least 32 (ResNet50 downsamples 32x), "
                             f"got {self.image_size}")
        if self.policy not in POLICIES:
            raise ValueError(f"ModelConfig: unknown policy '{self.policy}'; choose one of {', '.join(POLICIES)}")
        from fedrad.common.preprocess import INTENSITY_MODES

        if self.intensity not in INTENSITY_MODES:
            raise ValueError(f"ModelConfig: unknown intensity '{self.intensity}'; choose one of "
                             f"{', '.join(INTENSITY_MODES)}")
        if self.arch not in ARCHS:
            raise ValueError(f"ModelConfig: unknown arch '{self.arch}'; choose one of {', '.join(ARCHS)}")
        if self.pretrained and not ARCHS[self.arch].imagenet:
            raise ValueError(f"ModelConfig: arch '{self.arch}' has no ImageNet weights; pretrained needs "
                             f"one of {', '.join(a for a, s in ARCHS.items() if s.imagenet)}")

    @property
    def num_findings(self) -> int:
        return len(self.finding_ids)

    @property
    def num_views(self) -> int:
        return len(self.views)

    @classmethod
    def from_template(cls, template, image_size: int, **kwargs: Any) -> ModelConfig:
        """The usual way to make a config: the head's columns are the template's ids, in order."""
        return cls(region=template.region, finding_ids=tuple(template.ids), views=tuple(template.views),
                   image_size=image_size, template_version=template.version, **kwargs)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["finding_ids"] = list(self.finding_ids)
        d["views"] = list(self.views)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ModelConfig:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True)
class Arch:
    """A registered backbone: a builder (channels -> module emitting pooled features) and its width."""

    build: Callable[[int], nn.Module]
    features: int
    imagenet: bool  # torchvision publishes ImageNet weights for it (loaded only from a local file)


ARCHS: dict[str, Arch] = {}


def register_arch(name: str, features: int, *, imagenet: bool = False):
    """Decorator adding a backbone builder to the registry (timm's register_model, in small)."""

    def deco(fn: Callable[[int], nn.Module]) -> Callable[[int], nn.Module]:
        if name in ARCHS:
            raise ValueError(f"arch '{name}' is registered twice")
        ARCHS[name] = Arch(fn, features, imagenet)
        return fn

    return deco


def list_archs() -> list[str]:
    return sorted(ARCHS)


def _torchvision_resnet(name: str, channels: int) -> nn.Module:
    """torchvision's ResNet by name, from common.resnet (the same modules and initialisation without
    importing torchvision, whose import costs every model-building process ~2 s: see there)."""
    from fedrad.common import resnet

    net = getattr(resnet, name)()
    if channels == 1:
        net.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    net.fc = nn.Identity()
    return net


@register_arch("resnet50", 2048, imagenet=True)
def _resnet50(channels: int) -> nn.Module:
    return _torchvision_resnet("resnet50", channels)


@register_arch("resnet18", 512, imagenet=True)
def _resnet18(channels: int) -> nn.Module:
    return _torchvision_resnet("resnet18", channels)


@register_arch("tiny", 64)
def _tiny(channels: int) -> nn.Module:
    """Four stride-2 conv blocks and global pooling: learns the synthetic signs, trains in ms."""
    layers: list[nn.Module] = []
    widths = (channels, 16, 32, 64, 64)
    for cin, cout in zip(widths, widths[1:], strict=False):
        layers += [nn.Conv2d(cin, cout, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(cout),
                   nn.ReLU(inplace=True)]
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())


def _backbone(channels: int, arch: str = "resnet50") -> nn.Module:
    if arch not in ARCHS:
        raise ValueError(f"unknown arch '{arch}'; choose one of {', '.join(ARCHS)}")
    return ARCHS[arch].build(channels)


class MultiViewResNet(nn.Module):
    """(B, V, C, H, W) -> (B, K) logits; one backbone per view unless share_backbone."""

    def __init__(self, num_findings: int, num_views: int = 1, channels: int = 3, share_backbone: bool = False,
                 arch: str = "resnet50"):
        super().__init__()
        if num_findings < 1 or num_views < 1:
            raise ValueError(f"need at least one finding and one view, got {num_findings} and {num_views}")
        self.num_findings = num_findings
        self.num_views = num_views
        self.channels = channels
        self.arch = arch
        self.feature_dim = ARCHS[arch].features if arch in ARCHS else 0
        self.share_backbone = share_backbone or num_views == 1
        n_backbones = 1 if self.share_backbone else num_views
        self.backbones = nn.ModuleList([_backbone(channels, arch) for _ in range(n_backbones)])
        self.head = nn.Linear(num_views * self.feature_dim, num_findings)

    def _memory_format(self) -> torch.memory_format:
        # Follow the weights: a model converted with .to(memory_format=channels_last) gets
        # channels_last inputs too, which is what makes oneDNN/cuDNN pick the fast kernels.
        # (conv1 can have one input channel, where both layouts coincide: look at the last conv.)
        w = [p for p in self.backbones[0].parameters() if p.dim() == 4][-1]
        if w.is_contiguous(memory_format=torch.channels_last) and not w.is_contiguous():
            return torch.channels_last
        return torch.contiguous_format

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """(B, V, C, H, W) -> (B, V*F) concatenated pooled features (F = the arch's width), view order kept."""
        if x.dim() != 5:
            raise ValueError(f"expected input of shape (B, V, C, H, W), got {tuple(x.shape)}")
        b, v, c = x.shape[:3]
        if v != self.num_views or c != self.channels:
            raise ValueError(f"model expects {self.num_views} view(s) of {self.channels} channel(s), "
                             f"got input of shape {tuple(x.shape)}")
        fmt = self._memory_format()
        if self.share_backbone:
            # One pass over B*V images is faster than V passes and gives the same features.
            flat = x.reshape(b * v, *x.shape[2:]).contiguous(memory_format=fmt)
            return self.backbones[0](flat).reshape(b, v * self.feature_dim)
        feats = [bb(x[:, i].contiguous(memory_format=fmt)) for i, bb in enumerate(self.backbones)]
        return torch.cat(feats, dim=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def build_model(cfg: ModelConfig) -> MultiViewResNet:
    """A fresh model for `cfg` (the factory: arch from the registry); ImageNet weights only from cfg.pretrained."""
    model = MultiViewResNet(cfg.num_findings, cfg.num_views, cfg.channels, cfg.share_backbone, arch=cfg.arch)
    if cfg.pretrained:
        load_imagenet_weights(model, cfg.pretrained, arch=cfg.arch)
    return model


def read_imagenet_state_dict(path: str | os.PathLike, arch: str = "resnet50") -> dict[str, torch.Tensor]:
    """Read and check a torchvision state dict of `arch` (fc.* may be present; it is dropped)."""
    p = Path(path)
    if not p.is_file():
        raise WeightsFileError(f"{p}: pretrained weights file not found (fedrad never downloads weights; "
                               f"copy torchvision's resnet50 .pth file to this path)")
    try:
        sd = torch.load(p, map_location="cpu", weights_only=True)
    except Exception as exc:  # pickle, zip and weights_only errors all mean the same to the user
        raise WeightsFileError(f"{p}: not a readable PyTorch weights file ({type(exc).__name__}: {exc})") from None
    for key in ("state_dict", "model"):  # common wrappers around a plain state dict
        if isinstance(sd, Mapping) and isinstance(sd.get(key), Mapping):
            sd = sd[key]
    if not isinstance(sd, Mapping):
        raise WeightsFileError(f"{p}: expected a {arch} state dict, found {type(sd).__name__}")
    sd = {(k[7:] if k.startswith("module.") else k): v for k, v in sd.items()}
    with torch.device("meta"):  # shapes only: no memory, no init time
        reference = _backbone(3, arch).state_dict()
    # torchvision's 2017 ImageNet files predate BatchNorm's num_batches_tracked; BatchNorm fills it in.
    missing = [k for k in reference if k not in sd and not k.endswith("num_batches_tracked")]
    if missing:
        raise WeightsFileError(f"{p}: not a {arch} state dict: {len(missing)} of {len(reference)} backbone "
                               f"tensors missing (e.g. {', '.join(missing[:3])})")
    for k, ref in reference.items():
        if k not in sd:
            continue
        t = sd[k]
        if not isinstance(t, torch.Tensor) or tuple(t.shape) != tuple(ref.shape):
            shape = tuple(t.shape) if isinstance(t, torch.Tensor) else type(t).__name__
            raise WeightsFileError(f"{p}: not a {arch} state dict: '{k}' has shape {shape}, "
                                   f"expected {tuple(ref.shape)}")
    return {k: sd[k] for k in reference if k in sd}


def load_imagenet_weights(model: MultiViewResNet, path: str | os.PathLike, arch: str = "resnet50") -> None:
    """Initialise every backbone from ImageNet weights; the head stays freshly initialised.

    A 1-channel model gets conv1 summed over RGB: for a grey image copied to three channels
    that gives exactly the same activations as the 3-channel ImageNet model.
    """
    sd = read_imagenet_state_dict(path, arch)
    if model.channels == 1:
        sd = dict(sd)
        sd["conv1.weight"] = sd["conv1.weight"].sum(dim=1, keepdim=True)
    for bb in model.backbones:
        bb.load_state_dict(sd, strict=True)


# --------------------------------------------------------------------------- checkpoints


def _plain(obj: Any) -> Any:
    """Make `extra` loadable with torch.load(weights_only=True): numpy/paths -> builtins."""
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, torch.Tensor):
        return obj.detach().cpu()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    if obj is None:
        return None
    for kind in (bool, int, float, str):  # exact builtins: subclasses (TorchVersion, IntEnum) would pickle by class
        if isinstance(obj, kind):
            return kind(obj)
    raise TypeError(f"checkpoint extra: cannot store {type(obj).__name__} (use dicts, lists, str, numbers)")


def checkpoint_meta(cfg: ModelConfig) -> dict[str, Any]:
    return {
        "region": cfg.region,
        "finding_ids": list(cfg.finding_ids),
        "views": list(cfg.views),
        "image_size": int(cfg.image_size),
        "channels": int(cfg.channels),
        "policy": cfg.policy,
        "share_backbone": bool(cfg.share_backbone),
        "arch": cfg.arch,
        "intensity": cfg.intensity,
        "template_version": int(cfg.template_version),
        # Provenance only: the file name, not the site's directory layout.
        "pretrained": Path(cfg.pretrained).name if cfg.pretrained else None,
        "fedrad_version": common.__version__,
        "torch_version": str(torch.__version__),
        "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }


def save_checkpoint(path: str | os.PathLike, model: nn.Module, cfg: ModelConfig, *, optimizer=None,
                    lr_scheduler=None, scaler=None, epoch: int | None = None,
                    extra: dict | None = None) -> Path:
    """Atomically write a checkpoint (torchvision-style dict plus a `meta` block); returns the path.

    The file is replaced only after the new one is fully on disk, so Ctrl-C during a save
    leaves the previous checkpoint intact.
    """
    ckpt = checkpoint_dict(model.state_dict(), cfg, epoch=epoch, extra=extra)
    if optimizer is not None:
        ckpt["optimizer"] = optimizer.state_dict()
    if lr_scheduler is not None:
        ckpt["lr_scheduler"] = lr_scheduler.state_dict()
    if scaler is not None:
        ckpt["scaler"] = scaler.state_dict()
    return write_checkpoint(path, ckpt)


def checkpoint_dict(state: Mapping[str, torch.Tensor], cfg: ModelConfig, *, epoch: int | None = None,
                    extra: dict | None = None) -> dict[str, Any]:
    """The checkpoint dict of a model's state (save_checkpoint's layout). `extra` is copied into plain
    containers here, so a caller may write the dict later (server.recorder, in a background thread) while
    it goes on changing its own history."""
    return {
        "format": CHECKPOINT_FORMAT,
        "format_version": CHECKPOINT_VERSION,
        "meta": checkpoint_meta(cfg),
        "model": {k: v.detach().cpu() for k, v in state.items()},
        "epoch": None if epoch is None else int(epoch),
        "extra": _plain(extra or {}),
    }


def write_checkpoint(path: str | os.PathLike, ckpt: dict[str, Any]) -> Path:
    """Atomically write a checkpoint dict (checkpoint_dict): renamed into place once fully on disk."""
    path = Path(path)
    with atomic_open(path, "wb") as fh:
        torch.save(ckpt, fh)
    return path


def read_checkpoint(path: str | os.PathLike, map_location: Any = "cpu") -> dict[str, Any]:
    """The raw checkpoint dict, checked for format and meta; no model is built."""
    p = Path(path)
    if not p.is_file():
        raise CheckpointError(f"{p}: checkpoint file not found")
    try:
        ckpt = torch.load(p, map_location=map_location, weights_only=True)
    except Exception as exc:
        raise CheckpointError(f"{p}: not a readable checkpoint ({type(exc).__name__}: {exc})") from None
    if not isinstance(ckpt, dict) or ckpt.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"{p}: not a fedrad checkpoint (no '{CHECKPOINT_FORMAT}' format marker)")
    if int(ckpt.get("format_version", 0)) > CHECKPOINT_VERSION:
        raise CheckpointError(f"{p}: checkpoint format version {ckpt['format_version']} is newer than this "
                              f"fedrad ({common.__version__}) understands ({CHECKPOINT_VERSION}); upgrade fedrad")
    meta = ckpt.get("meta")
    need = ("region", "finding_ids", "views", "image_size", "channels")
    if not isinstance(meta, dict) or any(k not in meta for k in need):
        raise CheckpointError(f"{p}: checkpoint meta block is missing or incomplete (needs {', '.join(need)})")
    if not isinstance(ckpt.get("model"), dict):
        raise CheckpointError(f"{p}: checkpoint has no model weights")
    return ckpt


def config_from_meta(meta: Mapping[str, Any]) -> ModelConfig:
    """The ModelConfig a checkpoint was trained with; pretrained is None (weights are in the file)."""
    d = {k: v for k, v in meta.items() if k != "pretrained"}
    return ModelConfig.from_dict(d)


def check_template(cfg: ModelConfig, template, source: str = "checkpoint") -> None:
    """Raise CheckpointMismatchError unless cfg's region, finding ids (in order) and views match template."""
    problems: list[str] = []
    if cfg.region != template.region:
        problems.append(f"region '{cfg.region}' != template region '{template.region}'")
    ids, tids = list(cfg.finding_ids), list(template.ids)
    if ids != tids:
        missing = [i for i in tids if i not in ids]
        extra = [i for i in ids if i not in tids]
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"not in the checkpoint: {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
            if extra:
                parts.append(f"not in the template: {', '.join(extra[:5])}{' ...' if len(extra) > 5 else ''}")
            problems.append(f"finding ids differ from the template ({'; '.join(parts)})")
        else:
            pos = next(i for i, (a, b) in enumerate(zip(ids, tids, strict=True)) if a != b)
            problems.append(f"finding ids are in a different order (position {pos + 1}: '{ids[pos]}' vs "
                            f"template '{tids[pos]}')")
    if list(cfg.views) != list(template.views):
        problems.append(f"views {list(cfg.views)} != template views {list(template.views)}")
    if problems:
        raise CheckpointMismatchError(f"{source}: does not match template '{template.region}' "
                                      f"(v{template.version}): " + "; ".join(problems))


def load_checkpoint(path: str | os.PathLike, *, template=None,
                    map_location: Any = "cpu") -> tuple[MultiViewResNet, ModelConfig, dict[str, Any]]:
    """Rebuild the model from a checkpoint; refuses one trained for another template."""
    ckpt = read_checkpoint(path, map_location="cpu")
    try:
        cfg = config_from_meta(ckpt["meta"])
    except (TypeError, ValueError) as exc:
        raise CheckpointError(f"{path}: checkpoint meta is invalid: {exc}") from None
    if template is not None:
        check_template(cfg, template, source=str(path))
    model = build_model(cfg)
    try:
        model.load_state_dict(ckpt["model"], strict=True)
    except RuntimeError as exc:
        raise CheckpointError(f"{path}: weights do not fit the model described by its meta block: "
                              f"{str(exc).splitlines()[0]}") from None
    if map_location not in (None, "cpu") and not callable(map_location) and not isinstance(map_location, dict):
        model.to(map_location)
    return model, cfg, ckpt
