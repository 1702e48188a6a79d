"""Small inline SVG charts, drawn at build time from numbers. No MkDocs.

A chart is an `<svg role="img">` named by its `<title>` and described in words by
its `<desc>`, so a screen reader gets the figures the bars show; each bar has its
own `<title>` (its week and count), which a pointer shows on hover. The week by
week figures are also given as text beside the chart (overview.html). Bars use
`currentColor`: they take the text colour of the palette, light or dark.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

WIDTH, HEIGHT = 160, 32


def weekly_bars(
    counts: Sequence[int],
    dates: Sequence[dt.date],
    name: str,
    summary: str,
    chart_id: str,
    counted: Callable[[str, int], str],
    titles: Sequence[str] = (),
) -> str:
    """Bars of papers per week; `summary` is a label with the figures as fields, and
    `counted(label, n)` words a count (`1 paper`, `3 weeks`) for its {papers} and
    {span}. `titles`: each week's bar in words, its tooltip."""
    if not counts:
        return ""
    peak = max(counts) or 1
    step = WIDTH / len(counts)
    gap = 0.2 * step if step > 3 else 0
    bars = "".join(
        _bar(i * step, step - gap, HEIGHT * n / peak, titles[i] if titles else "")
        for i, n in enumerate(counts)
        if n
    )
    top = counts.index(max(counts))
    described = summary.format(
        first=dates[0].isoformat(),
        last=dates[-1].isoformat(),
        weeks=len(counts),
        total=sum(counts),
        papers=counted("n_papers", sum(counts)),
        span=counted("n_weeks", len(counts)),
        max=max(counts),
        max_date=dates[top].isoformat(),
        latest=counts[-1],
    )
    return (
        f'<svg class="digest-chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'preserveAspectRatio="none">'
        f'<title id="{chart_id}-t">{html.escape(name)}</title>'
        f'<desc id="{chart_id}-d">{html.escape(described)}</desc>'
        f'<line class="digest-chart__axis" x1="0" y1="{HEIGHT - 0.5}" x2="{WIDTH}" '
        f'y2="{HEIGHT - 0.5}"/>{bars}</svg>'
    )


def _bar(x: float, width: float, height: float, title: str) -> str:
    y = HEIGHT - height
    shape = f'x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"'
    if not title:
        return f"<rect {shape}/>"
    return f"<rect {shape}><title>{html.escape(title)}</title></rect>"
