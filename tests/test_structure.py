"""Pagination and the compact nav plan, on the core alone (no MkDocs)."""

from __future__ import annotations

import datetime as dt

from mkdocs_digest.domain.catalog import Catalog, Week
from mkdocs_digest.domain.parser import parse_digest
from mkdocs_digest.structure.layout import Layout
from mkdocs_digest.structure.nav import plan, series_order
from mkdocs_digest.structure.pagination import paginate, window

from .test_catalog import entry, page


def weeks(*sizes: int) -> list[Week]:
    start = dt.date(2024, 12, 27)
    return [Week(start - dt.timedelta(weeks=i), [object()] * n) for i, n in enumerate(sizes)]  # type: ignore[list-item]


def test_pages_break_between_weeks_and_a_large_week_stays_whole() -> None:
    listed = weeks(40, 40, 30, 150, 10, 10)  # newest first
    pages = paginate(listed, 100)
    # Filled from the oldest: [10 10] [150] [30 40] [40]; the two newest make page 1.
    assert [[len(w.entries) for w in p] for p in pages] == [[40, 40, 30], [150], [10, 10]]
    assert [w for p in pages for w in p] == listed  # each week once, in order
    assert paginate(listed, 0) == (tuple(listed),)
    assert paginate([], 100) == ((),)


def test_a_new_week_changes_the_first_page_alone_until_the_newest_group_is_full() -> None:
    every = weeks(*[30] * 10)  # ten weeks of 30 papers, newest first
    before = paginate(every[3:], 100)  # seven: groups of 3, 3, 1 weeks from the oldest
    after = paginate(every[2:], 100)  # an eighth lands
    assert [len(p) for p in before] == [4, 3] and [len(p) for p in after] == [5, 3]
    assert after[1:] == before[1:]
    # The tenth starts a new group: now every page moves on by one.
    moved = paginate(every, 100)
    assert [len(p) for p in moved] == [4, 3, 3] and moved[1] != after[1]


def test_pager_window_shows_first_last_and_neighbours() -> None:
    assert window(1, 3) == [1, 2, 3]
    assert window(6, 14) == [1, None, 4, 5, 6, 7, 8, None, 14]
    assert window(14, 14) == [1, None, 12, 13, 14]


SD, DP, ALL = "[合成データ](../../sd)", "[差分プライバシー](../../dp)", "[すべて](../../x)"


def site() -> Catalog:
    pages = {}
    for n in range(6):
        date = (dt.date(2024, 3, 29) + dt.timedelta(weeks=n)).isoformat()
        pages[f"sd/{date}.md"] = page(date, entry(f"2599.0{n}001", SD), entry(f"2599.0{n}002", SD))
        pages[f"all/{date}.md"] = page(date, entry(f"2599.0{n}001", SD))
        if n % 2:
            pages[f"dp/{date}.md"] = page(date, entry(f"2599.0{n}003", DP))
    return Catalog.build([parse_digest(text, name) for name, text in pages.items()])


def test_series_order_puts_configured_then_all_then_largest_first() -> None:
    c = site()
    assert [s.slug for s in series_order(c)] == ["all", "sd", "dp"]
    assert [s.slug for s in series_order(c, ["dp"])] == ["dp", "all", "sd"]


def test_nav_plan_holds_each_listing_and_its_latest_weeks() -> None:
    c = site()
    pages, _ = Layout(per_page=4).pages(c)
    nav = plan(c, pages, weeks=2)
    assert nav.top == ("topics.md", "papers/index.md")
    sections = {s.title: s.pages for s in nav.sections}
    assert sections["合成データ"] == (
        "sd/index.md",
        "sd/2024-05-03.md",
        "sd/2024-04-26.md",
        "sd/archive.md",  # "older weeks"
    )
    assert sections["差分プライバシー"] == (
        "dp/index.md",
        "dp/2024-05-03.md",
        "dp/2024-04-19.md",
        "dp/archive.md",
    )
    assert next(iter(sections)) == c.series["all"].name  # all/ first
    # Every digest, page 2 and the archives are the plan's to place, so they leave the nav.
    assert {"sd/2024-03-29.md", "sd/page/2.md", "sd/archive.md"} <= nav.managed
    assert all(len(s) == 4 for s in sections.values())
    assert plan(c, pages, weeks=0).sections[1].pages == ("sd/index.md", "sd/archive.md")
    # What the nav leaves out is shown, while rendered, in its series' section.
    order = [s.title for s in nav.sections]
    assert nav.places["sd/2024-03-29.md"] == order.index("合成データ")
    assert nav.places["sd/page/2.md"] == order.index("合成データ")
    assert "sd/2024-05-03.md" not in nav.places  # in the nav already
    # Inside a section, a week is named by its date and page 2 by its number.
    labels = {"week_of": "{date} の週", "archive": "アーカイブ", "page_n": "{n} ページ目"}
    titled = plan(c, pages, weeks=2, labels=labels).titles
    assert titled["sd/2024-03-29.md"] == "2024-03-29 の週"
    assert titled["sd/page/2.md"] == "2 ページ目" and titled["sd/archive.md"] == "アーカイブ"


def test_a_group_holds_exactly_per_page_papers() -> None:
    # From the oldest, 30 + 40 + 30 is exactly 100: one group; the next starts another.
    pages = paginate(weeks(50, 30, 40, 30, 60, 40), 100)
    assert [[len(w.entries) for w in p] for p in pages] == [[50, 30, 40, 30], [60, 40]]
    assert [[len(w.entries) for w in p] for p in paginate(weeks(1, 1, 1), 1)] == [[1, 1], [1]]


def test_one_url_policy_for_the_home_page_and_index_pages() -> None:
    from mkdocs_digest.structure.urls import from_root, is_home, page_url

    assert [page_url(u) for u in ("index.md", "README.md", "sd/index.md", "sd/2024.md")] == [
        "./",
        "./",
        "sd/",
        "sd/2024/",
    ]
    assert page_url("index.md", directory_urls=False) == "index.html"
    assert all(is_home(u) for u in ("", ".", "./", "index.html"))
    assert not any(is_home(u) for u in ("sd/", "sd/index.html", "index.html#x"))
    assert [from_root(u) for u in ("./", ".", "", "sd/", "./sd/", "index.html")] == [
        "",
        "",
        "",
        "sd/",
        "sd/",
        "index.html",
    ]
