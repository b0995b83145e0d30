"""The benchmark's table and its verdicts against the targets. Pure functions on wrk's figures."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass

# Targets on the 2-core benchmark machine (docs/benchmarks.md).
SHARE_OF_CEILING = {"questionnaire": 0.5, "save": 0.5}
P99_MS = {"results": 150, "national": 500, "report": 2000}
WORKER_MB = 250
# A p99 from fewer samples than this is hardly more than the slowest request: a page is loaded
# for longer than --duration until it has this many, up to MAX_SECONDS.
MIN_SAMPLES = 500
MAX_SECONDS = 150


@dataclass(frozen=True)
class Figures:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int  # connection errors and timeouts
    bad_status: int  # responses other than 2xx and 3xx

    @classmethod
    def of(cls, wrk: Mapping) -> Figures:
        """From the line ``scripts/bench-lib/requests.lua`` prints (latencies in µs)."""
        return cls(
            requests=int(wrk["requests"]),
            seconds=float(wrk["seconds"]),
            p50_ms=wrk["p50_us"] / 1000,
            p99_ms=wrk["p99_us"] / 1000,
            max_ms=wrk["max_us"] / 1000,
            errors=int(wrk["errors"]),
            bad_status=int(wrk["non_2xx_3xx"]),
        )

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "per_second": round(self.per_second, 1)}


def seconds_for(warmup: Figures, seconds: int) -> int:
    """How long to load a page: ``seconds``, or long enough for MIN_SAMPLES requests at the rate
    of its warm-up, but no more than MAX_SECONDS."""
    rate = warmup.per_second
    if rate <= 0:
        return seconds
    return max(seconds, min(MAX_SECONDS, math.ceil(MIN_SAMPLES / rate)))


def table(rows: Sequence[tuple[str, Figures]], ceiling: Figures) -> str:
    header = (
        f"{'page':<28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'of ceiling':>10} {'errors':>7}"
        f" {'requests':>9}"
    )
    lines = [header, "-" * len(header)]
    for label, f in rows:
        share = f.per_second / ceiling.per_second if ceiling.per_second else 0.0
        lines.append(
            f"{label:<28} {f.per_second:>8.1f} {f.p50_ms:>8.1f} {f.p99_ms:>8.1f} "
            f"{share:>10.0%} {f.errors + f.bad_status:>7} {f.requests:>9}"
        )
    return "\n".join(lines)


def verdicts(figures: Mapping[str, Figures], worker_mb: Iterable[float]) -> list[str]:
    """One line per target: met or not, with the figure."""
    lines = []
    ceiling = figures.get("ceiling")
    for page, share in SHARE_OF_CEILING.items():
        if page in figures and ceiling and ceiling.per_second:
            got = figures[page].per_second / ceiling.per_second
            lines.append(
                _line(got >= share, f"{page}: {got:.0%} of the ceiling (target {share:.0%})")
            )
    for page, limit in P99_MS.items():
        if page in figures:
            got = figures[page].p99_ms
            lines.append(_line(got < limit, f"{page}: p99 {got:.0f} ms (target under {limit} ms)"))
    memory = list(worker_mb)
    if memory:
        most = max(memory)
        lines.append(_line(most < WORKER_MB, f"memory: {most:.0f} MB per worker at most "
                                             f"(target under {WORKER_MB} MB)"))  # fmt: skip
    for page, f in figures.items():
        if f.errors or f.bad_status:
            lines.append(_line(False, f"{page}: {f.errors} errors, {f.bad_status} bad statuses"))
    return lines


def floor_lines(floors: Mapping, ceiling: Figures, cores: int) -> list[str]:
    """Each page's database floor (``bench_floor.Floor``) and the best share of the ceiling it
    leaves: the ceiling's CPU per request is the time of both cores over its throughput."""
    if not floors or not ceiling.per_second:
        return []
    ceiling_ms = cores / ceiling.per_second * 1000
    lines = [
        "database floor: the page's own SQL sent with no Django, CPU per request (client and "
        f"server); the ceiling takes {ceiling_ms:.2f} ms"
    ]
    for label, floor in floors.items():
        in_transactions = f" in {floor.transactions} transaction(s)" if floor.transactions else ""
        lines.append(
            f"  {label}: {floor.statements} statements{in_transactions}, {floor.cpu_ms:.2f} ms"
            f" -> at best {floor.best_share(ceiling_ms):.0%} of the ceiling"
        )
    return lines


def _line(met: bool, text: str) -> str:
    return f"{'met    ' if met else 'NOT MET'}  {text}"
