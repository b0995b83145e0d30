"""The rest of the synthetic data set: actions in the plans, and quick checks on the site."""

from __future__ import annotations

import datetime as dt
import random

from ambitionsgraf.demo.seed_national import half
from ambitionsgraf.lib.tokens import new_code

from . import mix

ACTION_COLUMNS = ("organisation_id", "code", "area_key", "round_id", "description", "owner",
                  "due_on", "status", "source", "guidance_level", "done_at", "created_at",
                  "updated_at")  # fmt: skip
QUICK_CHECK_COLUMNS = ("model_version_id", "created_on", "answers", "ambitions",
                       "organisation_type")  # fmt: skip
OWNERS = ("Inköpschefen", "Ekonomidirektören", "Kategoriansvarig", "")


def actions(rng: random.Random, w, guidance: dict, where: tuple, levels: dict, target: dict):
    """Up to five actions on the areas with the largest gaps, from the model's guidance;
    ``where`` is (organisation id, round id, the round's closing moment)."""
    organisation, round_id, closed_at = where
    gaps = sorted(
        ((float(target[k]) - level, k) for k, level in levels.items() if level is not None),
        reverse=True,
    )
    made = []
    for gap, key in gaps[: rng.randint(0, 5)]:
        if gap <= 0:
            break
        level = max(1, min(4, int(levels[key])))
        texts = guidance.get((key, level)) or ["Ta fram en plan för området."]
        status = rng.choices(("planned", "in_progress", "done"), weights=(4, 3, 3))[0]
        created = closed_at + dt.timedelta(days=rng.randint(20, 60))
        done_at = created + dt.timedelta(days=90) if status == "done" else None
        made.append(
            (organisation, new_code(), key, round_id, rng.choice(texts), rng.choice(OWNERS),
             w.day((created + dt.timedelta(days=rng.randint(60, 300))).date()), status,
             "proposed", level, w.moment(done_at), w.moment(created), w.moment(created))
        )  # fmt: skip
    return made


def quick_checks(rng: random.Random, w, model, today: dt.date, count: int) -> list[tuple]:
    """Quick checks made over three years, most saying what type of organisation made them."""
    types = [kind for kind, n in mix.TYPE_COUNTS.items() for _ in range(n // 10)]
    rows = []
    for _ in range(count):
        base = rng.uniform(1.5, 3.8)
        answers = {
            k: None if rng.random() < 0.05 else min(5, max(1, round(base + rng.gauss(0, 0.7))))
            for k in model.area_keys
        }
        ambitions = {k: float(half(base + rng.uniform(0.5, 1.5))) for k in answers}
        day = today - dt.timedelta(days=rng.randint(0, 3 * 365))
        kind = rng.choice(types) if rng.random() < 0.7 else ""
        rows.append((model.version.pk, w.day(day), w.json(answers), w.json(ambitions), kind))
    return rows
