"""What a change changed, worked out for the log from the rows before and the values after."""

from .log import area_ref


def ambition_changes(current: dict, values: dict) -> list[dict]:
    """For the log: each area whose target or reason changed, with the old and new target.
    `current` maps area id to its Ambition row; `values` maps area to (target or None, reason)."""
    changes = []
    for area, (target, reason) in values.items():
        before = current.get(area.pk)
        old = (before.target, before.reason) if before else (None, "")
        if target is None:
            reason = ""
        if old != (target, reason):
            changes.append(
                {
                    "area": area_ref(area),
                    "old": None if old[0] is None else str(old[0]),
                    "new": None if target is None else str(target),
                }
            )
    return changes
