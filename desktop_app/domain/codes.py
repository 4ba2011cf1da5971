"""Opaque registration codes: the secret printed in badge and confirmation QR codes."""

from __future__ import annotations

import base64
import random
import secrets
from collections.abc import Mapping
from typing import TypeVar

# 80 random bits in Crockford-like base32 (A-Z, 2-7): 16 characters, fits QR alphanumeric
# mode, and cannot be guessed from a neighbour's code the way a sequence can.
CODE_BYTES = 10

T = TypeVar("T")


def new_registration_code(rng: random.Random | None = None) -> str:
    """A fresh opaque code with 80 bits of randomness.

    ``rng`` is only for reproducible demo data; real registrations use ``secrets``.
    """
    raw = secrets.token_bytes(CODE_BYTES) if rng is None else rng.randbytes(CODE_BYTES)
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def normalise_code(text: str) -> str:
    """What a scanner or a person typed, as stored: trimmed, upper-case for our own codes.

    Codes imported from pretix or Eventbrite keep their own form; comparison is exact
    after trimming, and case-insensitive only for codes that look like ours.
    """
    stripped = text.strip()
    if len(stripped) == 16 and stripped.isalnum() and stripped.isascii():
        return stripped.upper()
    return stripped


def code_forms(text: str) -> tuple[str, ...]:
    """The stored forms a typed code may have, most likely first: exact, ours, lower-case.

    A pretix secret is lower-case; a scanner with Caps Lock on, or someone copying the
    code from a printout in capitals, sends it upper-case. The lower-case form is tried
    only for text with no lower-case letter (mixed case is not Caps Lock), and the exact
    form wins when two registrations match different forms.
    """
    typed = text.strip()
    if not typed:
        return ()
    forms = [typed, normalise_code(typed)]
    if typed == typed.upper():
        forms.append(typed.lower())
    return tuple(dict.fromkeys(forms))


def preferred(found: Mapping[str, T], text: str) -> T | None:
    """Of registrations found under any of ``code_forms(text)``, the one of the best form."""
    return next((found[form] for form in code_forms(text) if form in found), None)
