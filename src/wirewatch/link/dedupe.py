"""Syndicated copies: MinHash LSH over word shingles, with the band index kept in the store.

Each article's MinHash signature is cut into the bands datasketch's ``MinHashLSH`` chooses
for the threshold; a new article meets only the stored articles that share a band with it
(one indexed lookup per band), never the whole corpus.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5  # words
THRESHOLD = 0.8  # estimated Jaccard of shingle sets: wire copies with light edits
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Banding:
    bands: int
    rows: int


@cache
def banding(threshold: float = THRESHOLD) -> Banding:
    """The band layout datasketch picks for the threshold (weights its false positives and
    negatives equally)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return Banding(lsh.b, lsh.r)


@cache
def _empty_minhash() -> MinHash:
    """Copied for each article: a new MinHash draws its permutations again."""
    return MinHash(num_perm=NUM_PERM)


def signature(text: str) -> np.ndarray:
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE])
                for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = _empty_minhash().copy()
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues


def band_keys(values: np.ndarray, layout: Banding | None = None) -> list[tuple[int, str]]:
    layout = layout or banding()
    return [(b, hashlib.blake2b(values[b * layout.rows:(b + 1) * layout.rows].tobytes(),
                                digest_size=12).hexdigest())
            for b in range(layout.bands)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)
