"""The hostile corpus's marker: ``slow`` tests run in ``make test`` like the rest, and
``-m "not slow"`` leaves them out of a quick run."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes a minute or more (deselect with "
                            "-m 'not slow')")
