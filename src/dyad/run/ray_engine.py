"""The Ray engine: one long-lived actor per CPU loads the model once and codes whole input shards.

Each actor reads its shard straight from storage (pyarrow.fs) and writes its record shard there
itself, so the driver only hands out shard names and gathers small summaries. Locally,
``ray.init(num_cpus=N)`` starts a one-machine cluster; with an address (``ray://head:10001`` or
``auto``) the same code runs on an existing cluster, whose nodes need ``dyad[ray]`` installed and
must reach the input and output URIs.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator

from dyad.run.engine import ShardResult, code_shard
from dyad.run.shards import Shard
from dyad.run.workers import CodingPool


class ShardCoder:
    """A Ray actor's body: the pipeline loaded at start, then one input shard per call."""

    def __init__(self, batch_size: int, published: str | None, outlet: str | None) -> None:
        from dyad.run.workers import load_model

        load_model()
        self.pool = CodingPool(0, batch_size)  # in this actor's process: Ray gives each actor its CPU
        self.published, self.outlet = published, outlet

    def code(self, uri: str, target: str) -> ShardResult:
        return code_shard(Shard(uri), target, self.pool.code, self.published, self.outlet)


def run_ray(todo: list[tuple[Shard, str]], address: str | None = None, workers: int | None = None,
            batch_size: int = 16, published: str | None = None, outlet: str | None = None) -> Iterator[ShardResult]:
    """Shard results as they finish. Without ``address`` a local Ray with ``workers`` CPUs is started."""
    import ray

    address = address or os.environ.get("RAY_ADDRESS") or None  # ray.init reads it too, and then refuses num_cpus
    started = not ray.is_initialized()
    if started:
        options = {"address": address} if address else {"num_cpus": workers}
        ray.init(**options, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        cpus = workers or int(ray.cluster_resources().get("CPU", 1))
        actor = ray.remote(num_cpus=1, max_restarts=-1)(ShardCoder)
        actors = [actor.remote(batch_size, published, outlet) for _ in range(max(1, min(cpus, len(todo))))]
        yield from _dispatch(ray, actors, todo)
    finally:
        if started:
            ray.shutdown()


def _dispatch(ray, actors: list, todo: list[tuple[Shard, str]]) -> Iterator[ShardResult]:
    """Keep every actor busy with one shard; an actor that dies costs its shard (reported), not the run."""
    queue, free, running = deque(todo), list(actors), {}
    while queue or running:
        while queue and free:
            actor, (shard, target) = free.pop(), queue.popleft()
            running[actor.code.remote(shard.uri, target)] = (actor, shard, target)
        (ready,), _ = ray.wait(list(running), num_returns=1)
        actor, shard, target = running.pop(ready)
        free.append(actor)  # restarted by Ray if it died
        try:
            yield ray.get(ready)
        except ray.exceptions.RayError as error:
            yield ShardResult(shard.uri, target, failures=[(shard.uri, None, f"worker failed ({type(error).__name__})")])
