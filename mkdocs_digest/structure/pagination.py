"""Numbered pages of a listing, and the pager that links them. No MkDocs."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.catalog import Week


def paginate(weeks: Sequence[Week], per_page: int) -> tuple[tuple[Week, ...], ...]:
    """Weeks (newest first) grouped into pages of about `per_page` papers, breaking
    between weeks, newest page first.

    Pages are filled from the oldest week, and the first page holds the two newest
    groups: so a new week changes the first page alone, until the newest group is
    full and every page moves on by one (docs/SPEED.md). The first page holds up to
    twice `per_page`; a week larger than `per_page` stays whole; `per_page` 0 puts
    everything on one page. There is always at least one page, maybe empty.
    """
    groups: list[list[Week]] = [[]]
    size = 0
    for week in reversed(weeks):
        count = len(week.entries)
        if per_page and groups[-1] and size + count > per_page:
            groups.append([])
            size = 0
        groups[-1].append(week)
        size += count
    if len(groups) > 1:
        groups[-2:] = [groups[-2] + groups[-1]]
    return tuple(tuple(reversed(group)) for group in reversed(groups))


def window(current: int, total: int, around: int = 2) -> list[int | None]:
    """Page numbers to show in a pager: the first, the last, `around` each side of the
    current page, and None for each gap, as in `1 … 4 5 [6] 7 8 … 14`."""
    shown = {1, total} | set(range(current - around, current + around + 1))
    numbers = sorted(n for n in shown if 1 <= n <= total)
    result: list[int | None] = []
    last = 0
    for n in numbers:
        if last and n - last > 1:
            result.append(None)
        result.append(n)
        last = n
    return result
