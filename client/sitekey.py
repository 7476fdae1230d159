"""A site's key pair, made AT THE SITE (`fedrad certs site-key`): an unencrypted OpenSSH EC P-384
private key (mode 0600, what Flower's SuperNode authentication loads) and `PATH.pub`, the only part
that travels; the coordinator enrols it (server.pki.read_site_public_key, `fedrad server add-site`).
Both sides compare the SHA-256 fingerprint out of band.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from fedrad.common.errors import FedradError
from fedrad.common.fileio import write_bytes
from fedrad.common.sshkeys import ssh_fingerprint

SITE_KEY_CURVE = ec.SECP384R1  # one of Flower's NIST curves (common.federation.NIST_CURVES)


class SiteKeyError(FedradError, ValueError):
    """The site key cannot be made (e.g. one exists already); names the file."""


def create_site_key(path: str | os.PathLike) -> str:
    """`path` (OpenSSH EC P-384 private key, 0600) and `path.pub`; returns the public key's fingerprint."""
    p = Path(path)
    if p.exists():
        raise SiteKeyError(f"{p} exists: refusing to replace a site key (the coordinator registered the old one)")
    key = ec.generate_private_key(SITE_KEY_CURVE())
    write_bytes(p, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                     serialization.NoEncryption()), perms=0o600)
    pub = key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    write_bytes(p.with_name(p.name + ".pub"), pub + b"\n", perms=0o644)
    return ssh_fingerprint(pub)
