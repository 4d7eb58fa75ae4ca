import json

import pytest

from tests.golden import cases, expected_path, produce


@pytest.mark.parametrize("case", cases(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden(case):
    expected = json.loads(expected_path(case).read_text(encoding="utf-8"))
    assert produce(case) == expected
