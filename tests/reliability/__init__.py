"""Reliability runs: a generated news corpus, ``ingest`` killed and rerun, ``serve`` read
while ``ingest`` writes. The tests run short versions; ``make reliability`` runs long ones."""
