"""Shared fixtures: the sample story, its extracted document, a fresh database."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "yonhap-2024-10-30.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc(sample_text):
    import wirewatch

    return wirewatch.extract(sample_text, published="2024-10-30")


@pytest.fixture()
def db_path(tmp_path) -> str:
    return str(tmp_path / "ledger.db")
