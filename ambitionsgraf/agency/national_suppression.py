"""Hiding small groups in the agency's figures. Pure functions on counts; no database.

The rules, the same in the national picture, the CSV, the JSON and everything else:

1. Primary: a figure built on fewer than ``MIN_ORGANISATIONS`` organisations is hidden. A count
   of organisations below the threshold is such a figure ("3 organisations at level 2" is about
   three organisations), and so is a count of zero: if zeros were shown, a hidden count would be
   known to be 1-4, and two hidden counts adding up to 2 would both be 1.
2. Complementary: where a total is shown beside its parts (the organisations of an area split
   over the five levels, or over the types of organisation), one hidden part would be the total
   minus the parts shown. So in every such line the hidden items (parts or total) are either
   none or at least two, and when the total is shown its hidden parts add up to at least
   ``MIN_ORGANISATIONS``. Until that holds, the smallest part still shown is hidden too (ties:
   the first). What subtraction can then give is only the sum of several hidden parts, which is
   itself a figure of at least five organisations.
3. A hidden group hides everything about it: a type of organisation whose number is hidden shows
   no mean and no distribution, since its parts would add up to its number.

We hide complementary cells rather than leave out totals: the number of organisations behind a
figure is what a reader needs first, and leaving it out would not help anyway, since the totals
of the other filters and files would give it back.

What this does not stop: subtracting one *selection* of the national picture from another (a
county, and the same county's municipalities). That page is only for the agency's own analysts,
who sign in with two factors; the public open data is one fixed table, protected as above.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MIN_ORGANISATIONS = 5


@dataclass(frozen=True)
class Line:
    """Items (indices into the values) that add up to the item ``total``."""

    parts: tuple[int, ...]
    total: int


def hidden_items(
    values: Sequence[int],
    lines: Iterable[Line],
    *,
    already: Iterable[int] = (),
    follows: Mapping[int, Sequence[int]] | None = None,
    threshold: int = MIN_ORGANISATIONS,
) -> set[int]:
    """The indices of ``values`` (counts of organisations) to hide, by rules 1-3.

    ``already``: items hidden for another reason. ``follows``: when an item is hidden, the
    items listed for it are hidden too (rule 3: a group's number hides the group's cells).
    """
    lines = list(lines)
    follows = follows or {}
    hidden = set(already) | {i for i, value in enumerate(values) if value < threshold}
    changed = True
    while changed:
        changed = False
        for item in list(hidden):
            extra = set(follows.get(item, ())) - hidden
            if extra:
                hidden |= extra
                changed = True
        for line in lines:
            hidden_parts = [p for p in line.parts if p in hidden]
            count = len(hidden_parts) + (line.total in hidden)
            if count == 0:
                continue
            small_sum = line.total not in hidden and (
                sum(values[p] for p in hidden_parts) < threshold
            )
            if count >= 2 and not small_sum:
                continue
            shown = [p for p in line.parts if p not in hidden]
            if shown:
                hidden.add(min(shown, key=lambda p: (values[p], p)))
            else:  # cannot happen (all parts hidden, yet under the threshold: so is the total)
                hidden.add(line.total)
            changed = True
    return hidden


def protect_line(
    parts: Sequence[int], total: int | None = None, *, already: Iterable[int] = ()
) -> tuple[tuple[bool, ...], bool]:
    """Which of ``parts`` to hide, and whether to hide their ``total`` (default: their sum).

    ``already``: indices of parts hidden for another reason.
    """
    total = sum(parts) if total is None else total
    values = [*parts, total]
    hidden = hidden_items(values, [Line(tuple(range(len(parts))), len(parts))], already=already)
    return tuple(i in hidden for i in range(len(parts))), len(parts) in hidden


@dataclass(frozen=True)
class TableProtection:
    """What to hide of a table of counts with its row and column totals."""

    cells: tuple[tuple[bool, ...], ...]
    row_totals: tuple[bool, ...]
    column_totals: tuple[bool, ...]
    grand_total: bool


def protect_table(rows: Sequence[Sequence[int]]) -> TableProtection:
    """Rules 1-3 for a table whose rows are groups (their totals: the group's number) and whose
    columns are the parts of each group (e.g. the five levels), with every margin shown."""
    height = len(rows)
    width = len(rows[0]) if rows else 0
    values = [value for row in rows for value in row]
    row_totals = [sum(row) for row in rows]
    column_totals = [sum(row[c] for row in rows) for c in range(width)]

    def cell(r: int, c: int) -> int:
        return r * width + c

    first_row_total = height * width
    first_column_total = first_row_total + height
    grand = first_column_total + width
    values += row_totals + column_totals + [sum(row_totals)]
    lines = [
        Line(tuple(cell(r, c) for c in range(width)), first_row_total + r) for r in range(height)
    ]
    lines += [
        Line(tuple(cell(r, c) for r in range(height)), first_column_total + c) for c in range(width)
    ]
    lines.append(Line(tuple(first_row_total + r for r in range(height)), grand))
    lines.append(Line(tuple(first_column_total + c for c in range(width)), grand))
    follows = {first_row_total + r: [cell(r, c) for c in range(width)] for r in range(height)}
    hidden = hidden_items(values, lines, follows=follows)
    return TableProtection(
        cells=tuple(tuple(cell(r, c) in hidden for c in range(width)) for r in range(height)),
        row_totals=tuple(first_row_total + r in hidden for r in range(height)),
        column_totals=tuple(first_column_total + c in hidden for c in range(width)),
        grand_total=grand in hidden,
    )
