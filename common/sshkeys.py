"""OpenSSH key fingerprints: the one string a site operator and the coordinator compare by phone.

Both roles need it (the coordinator when enrolling a `.pub`, the site when checking its private
key), so it lives in common rather than in either side.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path


def ssh_fingerprint(pub_line: bytes) -> str:
    """OpenSSH SHA256 fingerprint (what `ssh-keygen -lf` prints) of a public key line."""
    blob = base64.b64decode(pub_line.split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def private_key_fingerprint(path: str | os.PathLike) -> str:
    """Fingerprint of an unencrypted OpenSSH private key's public half (raises ValueError if unreadable)."""
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_ssh_private_key(Path(path).read_bytes(), None)
    return ssh_fingerprint(key.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                                         serialization.PublicFormat.OpenSSH))
