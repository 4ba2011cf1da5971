"""Fixtures for document tests (the PDF reading helpers are in pdf_reading.py)."""

from __future__ import annotations

import pytest

from desktop_app.documents.badge import BadgeData
from tests.documents.pdf_reading import BadgeFactory


@pytest.fixture
def make_badge() -> BadgeFactory:
    """Builds a badge with sensible defaults; keyword arguments override any field."""

    def make(**fields: object) -> BadgeData:
        values: dict[str, object] = {
            "code": "K7Q2M4X9ZP3RT6WB",
            "first_name": "Benoît",
            "last_name": "Lachance",
            "organization": "Thératechnologies inc.",
            "marking": "bioquebec",
            "role": None,
            "event_name_fr": "Forum conjoint BIOQuébec–LSO 2027",
            "event_name_en": "BIOQuébec–LSO Joint Forum 2027",
            "language": "fr",
        }
        values.update(fields)
        return BadgeData(**values)  # type: ignore[arg-type]

    return make
