"""Federation PKI with `cryptography`: a CA, the coordinator's TLS certificate, site key pairs.

- The CA and the coordinator certificate are EC P-384, SHA-384, made at the coordinator.
- The coordinator certificate's SANs always include 127.0.0.1 and localhost: Flower's own
  SuperExec dials the SuperLink on loopback and checks the name.
- A site's key pair is made AT THE SITE (`fedrad certs site-key`, client.sitekey), in the unencrypted
  OpenSSH EC P-384 format that Flower's SuperNode authentication loads; only the `.pub` file travels
  and is read here (read_site_public_key).
- Every private key is written with mode 0600; fingerprints (SHA-256) are printed so both sides
  can compare them out of band.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from fedrad.common.errors import FedradError
from fedrad.common.federation import NIST_CURVES
from fedrad.common.fileio import write_bytes
from fedrad.common.sshkeys import ssh_fingerprint  # noqa: F401 - part of this module's API
from fedrad.common.tlsprobe import EXPIRY_WARNING_DAYS

CURVE = ec.SECP384R1


class PKIError(FedradError, ValueError):
    """A certificate or key file is missing, unreadable or of the wrong kind; names the file."""


@dataclass(frozen=True)
class CertInfo:
    path: Path
    subject: str
    not_after: dt.datetime
    fingerprint: str
    sans: tuple[str, ...] = ()

    @property
    def days_left(self) -> float:
        return (self.not_after - dt.datetime.now(dt.UTC)).total_seconds() / 86400


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "fedrad federation"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey, fmt=serialization.PrivateFormat.PKCS8) -> None:
    write_bytes(path, key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()), perms=0o600)


def cert_fingerprint(cert: x509.Certificate) -> str:
    return "SHA256:" + cert.fingerprint(hashes.SHA256()).hex(":").upper()


def create_ca(out_dir: str | os.PathLike, *, name: str = "fedrad federation CA", days: int = 3650) -> CertInfo:
    """`ca.crt` (share it with every site) and `ca.key` (stays with the coordinator, 0600)."""
    out = Path(out_dir)
    if (out / "ca.key").exists():
        raise PKIError(f"{out / 'ca.key'} exists: refusing to replace a federation CA (sites trust the old one)")
    key = ec.generate_private_key(CURVE())
    now = _now()
    cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA384()))
    _write_key(out / "ca.key", key)
    write_bytes(out / "ca.crt", cert.public_bytes(serialization.Encoding.PEM), perms=0o644)  # public
    return cert_info(out / "ca.crt")


def issue_server_cert(ca_dir: str | os.PathLike, out_dir: str | os.PathLike, names: list[str], *,
                      days: int = 825, loopback: bool = True) -> CertInfo:
    """`server.pem` + `server.key` for the coordinator, signed by the CA, SANs = names + loopback
    (localhost, 127.0.0.1, ::1) unless `loopback=False` (a certificate valid for `names` only)."""
    ca_dir, out = Path(ca_dir), Path(out_dir)
    ca_cert = load_cert(ca_dir / "ca.crt")
    ca_key = _load_private_key(ca_dir / "ca.key")
    dns, ips = (["localhost"], [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")]) if loopback \
        else ([], [])
    for n in names:
        try:
            ip = ipaddress.ip_address(n)
            if ip not in ips:
                ips.append(ip)
        except ValueError:
            if n not in dns:
                dns.append(n)
    key = ec.generate_private_key(CURVE())
    now = _now()
    cn = next((n for n in names if n not in ("localhost",)), "localhost")
    cert = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([*map(x509.DNSName, dns), *map(x509.IPAddress, ips)]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False)
            .sign(ca_key, hashes.SHA384()))
    _write_key(out / "server.key", key)
    write_bytes(out / "server.pem", cert.public_bytes(serialization.Encoding.PEM), perms=0o644)
    return cert_info(out / "server.pem")


def read_site_public_key(path: str | os.PathLike) -> tuple[bytes, str]:
    """Validate a site's `.pub` (EC on a NIST curve, as Flower requires); returns (line, fingerprint)."""
    p = Path(path)
    try:
        line = p.read_bytes().strip()
        key = serialization.load_ssh_public_key(line)
    except FileNotFoundError:
        raise PKIError(f"{p}: public key file not found") from None
    except (ValueError, IndexError, TypeError) as exc:
        raise PKIError(f"{p}: not an OpenSSH public key ({exc})") from None
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name not in NIST_CURVES:
        raise PKIError(f"{p}: Flower's SuperNode authentication needs an EC key on a NIST curve "
                       "(create one with `fedrad certs site-key`)")
    return line, ssh_fingerprint(line)


def load_cert(path: str | os.PathLike) -> x509.Certificate:
    p = Path(path)
    try:
        return x509.load_pem_x509_certificate(p.read_bytes())
    except FileNotFoundError:
        raise PKIError(f"{p}: certificate file not found") from None
    except ValueError as exc:
        raise PKIError(f"{p}: not a PEM certificate ({exc})") from None


def _load_private_key(path: Path) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), None)
    except FileNotFoundError:
        raise PKIError(f"{path}: private key file not found") from None
    except (ValueError, TypeError) as exc:
        raise PKIError(f"{path}: not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise PKIError(f"{path}: expected an EC private key")
    return key


def cert_info(path: str | os.PathLike) -> CertInfo:
    cert = load_cert(path)
    try:
        sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(str(v) for v in sans.get_values_for_type(x509.DNSName)) + tuple(
            str(v) for v in sans.get_values_for_type(x509.IPAddress))
    except x509.ExtensionNotFound:
        names = ()
    return CertInfo(Path(path), cert.subject.rfc4514_string(), cert.not_valid_after_utc, cert_fingerprint(cert),
                    names)


def verify_chain(ca_path: str | os.PathLike, cert_path: str | os.PathLike) -> None:
    """Raise PKIError unless `cert_path` is signed by the CA and currently valid."""
    ca, cert = load_cert(ca_path), load_cert(cert_path)
    try:
        cert.verify_directly_issued_by(ca)
    except Exception as exc:  # InvalidSignature, ValueError (wrong issuer) and TypeError (key type)
        raise PKIError(f"{cert_path} is not signed by {ca_path} ({type(exc).__name__})") from None
    now = _now()
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise PKIError(f"{cert_path} is not valid now (valid {cert.not_valid_before_utc:%Y-%m-%d} to "
                       f"{cert.not_valid_after_utc:%Y-%m-%d})")


def expiry_warnings(paths: list[str | os.PathLike], days: int = EXPIRY_WARNING_DAYS) -> list[str]:
    out = []
    for p in paths:
        info = cert_info(p)
        if info.days_left < 0:
            out.append(f"{p} EXPIRED on {info.not_after:%Y-%m-%d}")
        elif info.days_left < days:
            out.append(f"{p} expires in {info.days_left:.0f} days ({info.not_after:%Y-%m-%d}): renew it")
    return out
