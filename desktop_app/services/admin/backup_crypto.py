"""Encrypted backups for removable media (a USB key can be lost).

A passphrase never stored anywhere is stretched with scrypt (n=2**15, r=8, p=1: about 0.1 s
and 32 MiB, the cost ``cryptography`` recommends for interactive use) into a 256-bit key; the
backup is sealed with AES-256-GCM (``cryptography``'s AEAD), so a wrong passphrase or a
changed byte is refused rather than decrypted into garbage. File layout: a magic line, the
salt (16 bytes), the nonce (12 bytes), then the ciphertext with its tag.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.db.private_files import private_file
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

MAGIC = b"PASSERELLE-ENCRYPTED-BACKUP-1\n"
ENCRYPTED_SUFFIX = ".enc"
_SALT, _NONCE = 16, 12
MIN_PASSPHRASE = 10

_T_WRONG = QT_TRANSLATE_NOOP(
    "AppError", "The passphrase is wrong, or {path} is damaged; nothing was restored."
)
_T_SHORT = QT_TRANSLATE_NOOP(
    "AppError", "A backup passphrase has at least {count} characters (a few words are best)."
)


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> str:
    """``passphrase`` if long enough to protect a lost USB key."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise Invalid(_T_SHORT, count=MIN_PASSPHRASE)
    return passphrase


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an encrypted Passerelle backup."""
    try:
        with path.open("rb") as file:
            return file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def encrypt_file(source: Path, target: Path, passphrase: str) -> None:
    """Seal ``source`` into ``target`` (owner-only)."""
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, source.read_bytes(), MAGIC)
    private_file(target)
    target.write_bytes(MAGIC + salt + nonce + sealed)


def decrypt_file(source: Path, target: Path, passphrase: str) -> None:
    """Open ``source`` into ``target`` (owner-only), or ``Invalid`` for a wrong passphrase
    or a damaged file."""
    data = source.read_bytes()
    if not data.startswith(MAGIC):
        raise Invalid(_T_WRONG, path=str(source))
    body = data[len(MAGIC) :]
    salt, nonce, sealed = body[:_SALT], body[_SALT : _SALT + _NONCE], body[_SALT + _NONCE :]
    try:
        plain = AESGCM(_key(passphrase, salt)).decrypt(nonce, sealed, MAGIC)
    except InvalidTag as error:
        raise Invalid(_T_WRONG, path=str(source)) from error
    private_file(target)
    target.write_bytes(plain)
