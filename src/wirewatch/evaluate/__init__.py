"""Scorers against public gold data, one module per task; each returns a dict of figures."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Counts:
    """True positives counted on each side, so overlap matching stays honest. Counts are
    floats so that a document scored against several annotators counts once, as their mean."""

    matched_system: float = 0
    system: float = 0
    matched_gold: float = 0
    gold: float = 0

    @property
    def precision(self) -> float:
        return self.matched_system / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, system: list[tuple[int, int]], gold: list[tuple[int, int]],
            strict: bool, weight: float = 1.0) -> None:
        def hit(a: tuple[int, int], b: tuple[int, int]) -> bool:
            return a == b if strict else a[0] < b[1] and b[0] < a[1]

        self.system += weight * len(system)
        self.gold += weight * len(gold)
        self.matched_system += weight * sum(any(hit(s, g) for g in gold) for s in system)
        self.matched_gold += weight * sum(any(hit(s, g) for s in system) for g in gold)


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0
