"""The Ray engine: Ray Data hands the shards to a pool of actors, each holding one loaded
pipeline, which write the same part files the local engine writes (the output folder must be
one every node can reach)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import SettingError
from . import ShardDone, as_input, process_shard


class ShardWorker:
    """A Ray Data actor: loads the pipeline once, then extracts one shard per call."""

    def __init__(self, out: str, settings: Settings) -> None:
        from ..nlp import load_pipeline

        self.out = Path(out)
        self.settings = settings
        load_pipeline(settings.model, tuple(settings.actors))

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        done = [process_shard(as_input(path), shard, self.out, self.settings)
                for path, shard in zip(batch["path"], batch["shard"], strict=True)]
        return {"shard": [d.shard for d in done], "path": [d.path for d in done],
                "articles": [d.articles for d in done], "failures": [d.failures for d in done]}


def run_on_ray(shards: list[tuple[str, str]], out: Path, settings: Settings, workers: int,
               address: str | None) -> Iterator[ShardDone]:
    """Each shard extracted by one of ``workers`` actors; ``address`` joins a running
    cluster, else a local one is started on ``workers`` CPUs and stopped at the end."""
    if not shards:
        return
    import logging

    try:
        import ray
    except ImportError:
        raise SettingError("the ray engine needs Ray: pip install 'wirewatch[ray]'") from None

    logging.getLogger("ray").setLevel(logging.ERROR)  # the progress is wirewatch's own
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, num_cpus=None if address else workers,
                 include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        dataset = ray.data.from_items([{"path": p, "shard": s} for p, s in shards])
        results = dataset.map_batches(ShardWorker, batch_size=1, concurrency=workers,
                                      num_cpus=1, fn_constructor_args=(str(out), settings))
        for row in results.iter_rows():
            yield ShardDone(row["shard"], row["path"], int(row["articles"]),
                            int(row["failures"]))
    finally:
        if started:
            ray.shutdown()
