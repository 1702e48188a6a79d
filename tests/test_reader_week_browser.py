"""A reader's week on the real-size site, in Debian's Chromium: the titles view of a
week (`?view=titles`), and what is new since the last visit, across two builds of
one site, the second with the next week in every series."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .browsing import require_chromium, static_server
from .conftest import REALSIZE_THEME, RealSite, build, needs_corpus, write_site

sync_api = require_chromium()
pytestmark = needs_corpus()

WEEK = "sd/2024-12-20/"  # a week of 31 papers
ID_WEEK = re.compile(r"Week of (\d{4}-\d{2}-\d{2})")
SCREENSHOTS = os.environ.get("DIGEST_SCREENSHOTS")


@pytest.fixture(scope="module")
def server(realsize: Callable[[bool], RealSite]) -> Iterator[str]:
    with static_server(realsize(True).built.site) as url:
        yield url


def opened(browser, url: str, width: int = 1280, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, errors


def shot(page, name: str, tmp_path: Path) -> None:
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))
    assert (folder / f"{name}.png").stat().st_size > 10_000


def height(page) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def test_the_titles_view_is_at_most_a_third_as_tall_and_opens_a_card_in_place(
    browser, server: str
) -> None:
    page, errors = opened(browser, server + WEEK)
    cards = page.locator("article.digest-card")
    assert cards.count() == 31
    full = height(page)
    page.goto(server + WEEK + "?view=titles")
    toggle = page.locator("button[data-digest-view-toggle]")
    assert toggle.get_attribute("aria-pressed") == "true"
    titles = height(page)
    assert titles <= full / 3, (titles, full)
    first = cards.first
    # Titles, the Japanese title and the first authors; not the bullets.
    assert first.locator(".digest-card__title").is_visible()
    assert first.locator(".digest-card__title-ja").is_visible()
    assert first.locator(".digest-card__authors").is_visible()
    assert not first.locator(".digest-card__summary").is_visible()
    opener = first.locator("button[data-digest-open]")
    assert opener.get_attribute("aria-expanded") == "false"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    assert first.locator(".digest-card__summary").is_visible()
    assert not cards.nth(1).locator(".digest-card__summary").is_visible()
    assert errors == []
    page.context.close()


def test_the_toggle_remembers_the_readers_choice_and_the_url_shares_it(
    browser, server: str
) -> None:
    page, errors = opened(browser, server + WEEK)
    toggle = page.locator("button[data-digest-view-toggle]")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert "view=titles" in page.url
    page.goto(server + "sd/2024-12-13/")  # another week: the choice holds
    assert page.locator("button[data-digest-view-toggle]").get_attribute("aria-pressed") == "true"
    assert not page.locator("article.digest-card .digest-card__summary").first.is_visible()
    page.locator("button[data-digest-view-toggle]").click()  # back to the cards
    page.goto(server + WEEK)
    assert page.locator("article.digest-card .digest-card__summary").first.is_visible()
    # A link to a card in the titles view opens that card.
    anchor = page.locator("article.digest-card").nth(5).get_attribute("id")
    page.goto(server + WEEK + f"?view=titles#{anchor}")
    assert page.locator(f"article[id='{anchor}'] .digest-card__summary").is_visible()
    assert errors == []
    page.context.close()


@pytest.mark.parametrize(
    ("name", "scheme", "width"),
    [("titles", "light", 1280), ("titles-dark", "dark", 1280), ("titles-phone", "light", 390)],
)
def test_titles_view_screenshots(browser, server, tmp_path, name, scheme, width) -> None:
    page, errors = opened(browser, server + WEEK + "?view=titles", width, scheme)
    page.locator("article.digest-card button[data-digest-open]").nth(1).click()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"real-{name}", tmp_path)
    assert errors == []
    page.context.close()


# -- new since the last visit ---------------------------------------------------------


@pytest.fixture(scope="module")
def two_builds(realsize: Callable[[bool], RealSite], tmp_path_factory) -> Iterator[dict]:
    """The real-size site in a folder of its own, built; `next_week()` lands the next
    week in every series and builds it again into the same site folder."""
    from bench.realsite import add_week

    root = tmp_path_factory.mktemp("two-builds")
    shutil.copytree(realsize(True).docs, root / "docs")
    config = write_site(root, {}, theme=REALSIZE_THEME)
    site = root / "site"
    built = build(config, site)
    assert built.returncode == 0, built.log

    def next_week() -> tuple[str, list[Path]]:
        week, added = add_week(root / "docs")
        again = build(config, site)
        assert again.returncode == 0, again.log
        return week.isoformat(), added

    with static_server(site) as url:
        yield {"url": url, "site": site, "next_week": next_week}


def test_a_later_visit_marks_exactly_the_new_week_and_says_how_many(
    browser, two_builds: dict, tmp_path: Path
) -> None:
    url = two_builds["url"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first = context.new_page()
    first.goto(url + "sd/")
    first.wait_for_load_state("networkidle")
    assert first.locator("[data-digest-new]").count() == 0  # a first visit marks nothing
    assert first.locator(".digest-news").count() == 0
    newest = first.evaluate("localStorage.length")
    assert newest >= 1
    first.close()

    week, added = two_builds["next_week"]()
    assert any(path.name == f"{week}.md" and path.parent.name == "sd" for path in added)
    later = context.new_page()  # a new tab: a new visit
    later.goto(url + f"sd/{week}/")
    cards = later.locator("article.digest-card")
    cards.first.wait_for()
    later.locator("article.digest-card[data-digest-new]").first.wait_for()
    assert cards.count() == later.locator("article.digest-card[data-digest-new]").count() > 0
    assert later.locator("article.digest-card[data-digest-new] .digest-new").first.is_visible()
    later.goto(url + "sd/2024-12-20/")  # a week seen last time
    later.locator("article.digest-card").first.wait_for()
    later.wait_for_load_state("networkidle")
    assert later.locator("[data-digest-new]").count() == 0
    later.goto(url + "sd/")  # the series' page: the new week's rows, and how many
    later.locator(".digest-news").wait_for()
    rows = later.locator(f"h2[id='week-{week}'] + ul.digest-listing > li")
    marked = later.locator("li[data-digest-new]")
    assert marked.count() == rows.count() > 0
    assert later.locator(f"h2[id='week-{week}'] + ul li[data-digest-new]").count() == rows.count()
    assert str(rows.count()) in later.locator(".digest-news").inner_text()
    sd_rows = rows.count()
    later.goto(url)  # the home page: every series with new papers, and the total
    news = later.locator(".digest-news")
    news.wait_for()
    counts = {
        li.locator("a").inner_text(): int(li.inner_text().rsplit(" ", 1)[1])
        for li in news.locator("li").all()
    }
    assert len(counts) > 1 and all(n > 0 for n in counts.values())
    site = json.loads((two_builds["site"] / "papers.json").read_text(encoding="utf-8"))
    pages = [[a["page"] for a in p["appearances"]] for p in site["papers"]]
    in_week = [p for p in pages if any(page.endswith(f"/{week}.md") for page in p)]
    assert news.inner_text().splitlines()[0].startswith(f"{len(in_week)} new papers")
    # ...and each series' link in the nav (its section's page) says it too.
    in_nav = later.locator("nav.md-nav--primary a[href$='sd/'] .digest-new").first
    assert in_nav.text_content().strip() == f"New {sd_rows}"
    shot(later, "real-news-home", tmp_path)
    later.goto(url + f"sd/{week}/")
    later.locator("article.digest-card[data-digest-new]").first.wait_for()
    shot(later, "real-news-week", tmp_path)
    context.close()


# -- the pieces readers trip over -----------------------------------------------------


def test_the_overview_fits_a_phone(browser, server: str, tmp_path: Path) -> None:
    page, errors = opened(browser, server + "topics/", width=390)
    cells = page.locator("table.digest-overview tbody th, table.digest-overview tbody td")
    assert cells.count() > 50
    past = page.evaluate(
        """() => [...document.querySelectorAll(
             'table.digest-overview tbody th, table.digest-overview tbody td')]
           .filter(c => c.getBoundingClientRect().right > innerWidth + 0.5)
           .map(c => c.textContent.trim().slice(0, 30))"""
    )
    assert past == []
    # The numbers still say what they are, and the headings stay for screen readers.
    count = page.locator("table.digest-overview tbody td[data-label]").first
    label = count.evaluate("c => getComputedStyle(c, '::before').content")
    assert "Papers" in label
    assert page.locator("table.digest-overview thead th").count() == 5
    shot(page, "real-overview-phone-stacked", tmp_path)
    assert errors == []
    page.context.close()


def test_the_tab_bar_holds_every_tab_at_1280_px(browser, server: str) -> None:
    page, errors = opened(browser, server + "sd/2024-12-20/")
    tabs = page.locator(".md-tabs__item")
    assert 3 <= tabs.count() <= 9
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.md-tabs__item')]
           .filter(t => t.getBoundingClientRect().right > innerWidth)
           .map(t => t.textContent.trim())"""
    )
    assert cut == []
    # The series share one tab, open on a series' page, its section listing them.
    active = page.locator(".md-tabs__item--active").inner_text().strip()
    assert active == "Weekly digests"
    sidebar = page.locator(".md-nav--primary").inner_text()
    assert "合成データ" in sidebar and "差分プライバシー" in sidebar
    assert errors == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_explorers_controls_follow_the_palette_and_stars_keep_to_their_row(
    browser, server: str, scheme: str
) -> None:
    page, errors = opened(browser, server + "papers/?month=2024-12", width=390, scheme=scheme)
    page.locator(".digest-explorer__results li").nth(5).wait_for()
    select = page.locator(".digest-explorer select").first
    drawn = select.evaluate("s => getComputedStyle(s).colorScheme")
    assert (drawn == "dark") == (scheme == "dark")
    # Each star stands on its title's first line, at the row's right.
    off = page.evaluate(
        """() => [...document.querySelectorAll('.digest-explorer__results li')].filter(li => {
             const star = li.querySelector(':scope > .digest-star').getBoundingClientRect();
             const title = li.querySelector('.digest-listing__title').getBoundingClientRect();
             const row = li.getBoundingClientRect();
             return star.top > title.top + 8 || star.right < row.right - 2;
           }).length"""
    )
    assert off == 0
    assert errors == []
    page.context.close()


# -- for you --------------------------------------------------------------------------


def test_for_you_explains_itself_then_lists_papers_close_to_the_stars(
    browser, server: str, realsize: Callable[[bool], RealSite], tmp_path: Path
) -> None:
    site = realsize(True).built.site
    papers = {
        p["arxiv_id"]: p
        for p in json.loads((site / "papers.json").read_text(encoding="utf-8"))["papers"]
    }
    page, errors = opened(browser, server + "papers/?view=for-you")
    status = page.locator(".digest-foryou__status")
    status.filter(has_text="☆").wait_for()  # nothing starred: it says what to do
    page.goto(server + "dp/2024-12-20/")  # a reader of differential privacy
    stars = page.locator("article.digest-card > button.digest-star")
    starred_ids = []
    for n in range(3):
        stars.nth(n).click()
        starred_ids.append(
            page.locator("article.digest-card").nth(n).get_attribute("data-arxiv-id")
        )
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server + "papers/?view=for-you")
    rows = page.locator(".digest-foryou__results > li")
    rows.first.wait_for()
    assert 0 < rows.count() <= 50
    # Only the stars' chunks of vectors, and the newest weeks' papers, were fetched.
    assert 0 < len([u for u in fetched if "/near/papers-" in u]) <= 3
    assert 0 < len([u for u in fetched if "/near/week-" in u]) <= 8
    listed = []
    for row in rows.all():
        arxiv_id = row.locator("button.digest-star").get_attribute("data-digest-star")
        assert arxiv_id not in starred_ids
        reason = row.locator(".digest-foryou__why").inner_text()
        assert "☆" in reason and ("shared words" in reason or "shared authors" in reason)
        listed.append(arxiv_id)
    # No copy of a star (realsite.py copies each paper under other ids, in dp1, dp2).
    titles = {papers[i]["title"] for i in starred_ids}
    assert not [i for i in listed if papers[i]["title"] in titles]
    assert len({papers[i]["title"] for i in listed}) == len(listed)  # each paper once
    # Close papers above random ones: the stars' topic (dp, and its copies dp1, dp2)
    # holds far more of what is listed than of the weeks it is chosen from (a quarter).
    weeks = sorted((site / "assets" / "mkdocs_digest" / "near").glob("week-*.json"))[-8:]
    pool = {i for w in weeks for i in json.loads(w.read_text(encoding="utf-8"))}

    def of_dp(arxiv_id: str) -> bool:
        return any(t.rstrip("0123456789") == "dp" for t in papers[arxiv_id]["topics"])

    share = sum(map(of_dp, listed)) / len(listed)
    base = sum(map(of_dp, pool)) / len(pool)
    assert share > max(0.5, 2 * base), (share, base)
    # Newest weeks first.
    weeks = [ID_WEEK.search(row.inner_text()).group(1) for row in rows.all()]
    assert weeks == sorted(weeks, reverse=True)
    shot(page, "real-for-you", tmp_path)
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "real-for-you-phone", tmp_path)
    assert errors == []
    page.context.close()


def test_for_you_in_the_dark_palette(browser, server: str, tmp_path: Path) -> None:
    page, errors = opened(browser, server + "sd/2024-12-20/", scheme="dark")
    page.locator("article.digest-card > button.digest-star").first.click()
    page.goto(server + "papers/?view=for-you")
    page.locator(".digest-foryou__results > li").first.wait_for()
    shot(page, "real-for-you-dark", tmp_path)
    assert errors == []
    page.context.close()


def test_for_you_steps_the_explorers_own_list_aside(browser, server: str) -> None:
    page, errors = opened(browser, server + "papers/?view=for-you")
    page.locator(".digest-foryou__status").filter(has_text="☆").wait_for()
    for own in (".digest-explorer__form", ".digest-explorer__results"):
        assert not page.locator(own).is_visible()
    page.locator(".digest-foryou a[href]").last.click()  # back to the explorer
    page.locator(".digest-explorer__results li").first.wait_for()
    assert not page.locator(".digest-foryou").count()
    assert errors == []
    page.context.close()
