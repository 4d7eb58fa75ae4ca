"""A short run of the readers' atheris harness, so each test run fuzzes them a little; a
longer run is ``python tests/fuzz/fuzz_readers.py CORPUS -max_total_time=600``."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parent / "fuzz_readers.py"
SECONDS = 20
MIN_RUNS = 200
# Inputs to start from: the first byte picks the target (see the harness).
SEEDS = {
    "page": b"\x00<html><head><title>T</title></head><body><article><p>Officials said on "
            b"Tuesday that 1,200 troops moved north, the ministry said.</p></article></body>"
            b"</html>",
    "page-entities": b"\x00<?xml version='1.0'?><!DOCTYPE html [<!ENTITY a 'aaaa'>]><html>"
                     b"<body><p>&a;&a; troops</p></body></html>",
    "lines": b'\x01{"text": "Troops moved north.", "published": "2024-10-30"}\n'
             b'{"html": "<p>x</p>", "url": "https://example.org/"}\nnot json\n[1]\n',
    "lines-utf16": b"\x01\xff\xfe" + '{"text": "Caf\u00e9"}\n'.encode("utf-16-le"),
    "html-text": b"\x02<p>Zelenskyy said \xe2\x80\x9cwe will\xe2\x80\x9d on Oct. 30.</p>",
    "record": b'\x03{"text": "a", "title": 1, "published": "2024-02-30"}',
}


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None,
                    reason="atheris is not installed: it is in the dev extra for Python "
                           "3.11 and older, where its wheels exist (pip install atheris==2.3.0)")
def test_the_readers_survive_a_short_fuzzing_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in SEEDS.items():
        (corpus / name).write_bytes(data)
    result = subprocess.run(
        [sys.executable, str(HARNESS), str(corpus), f"-max_total_time={SECONDS}",
         f"-artifact_prefix={tmp_path}/", "-rss_limit_mb=2048", "-timeout=60",
         "-print_final_stats=1"],
        capture_output=True, text=True, timeout=SECONDS * 4 + 120,
        env={**os.environ, "WIREWATCH_FUZZ_SCRATCH": str(tmp_path)})
    crashes = sorted(p.name for p in tmp_path.glob("crash-*"))
    assert result.returncode == 0 and not crashes, (crashes, result.stderr[-6000:])
    done = re.search(r"Done (\d+) runs", result.stderr)
    assert done is not None, result.stderr[-2000:]
    runs = int(done.group(1))
    print(f"\nfuzzed the readers for {SECONDS} s: {runs} inputs")
    assert runs >= MIN_RUNS
