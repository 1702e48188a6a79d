"""The real-size site in Debian's Chromium, as a reader uses it: the site search first,
then pages reached from search or an "also in" link, which must say where they are.
The build is the one test_realsize.py reads (conftest.realsize), with Material's tabs
and code copy buttons on."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from .browsing import new_page, require_chromium, static_server
from .conftest import RealSite, needs_corpus, site_bibtex

sync_api = require_chromium()
pytestmark = needs_corpus()

PAPER = "2412.19723"  # OS-Genesis, in the corpus' last week, in one topic (sd)
SCREENSHOTS = os.environ.get("DIGEST_SCREENSHOTS")  # a folder: keep the pictures there


@pytest.fixture(scope="module")
def real(realsize: Callable[[bool], RealSite]) -> RealSite:
    return realsize(True)


@pytest.fixture(scope="module")
def server(real: RealSite) -> Iterator[str]:
    with static_server(real.built.site) as url:
        yield url


@pytest.fixture
def page(browser):
    page = new_page(browser)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == []
    page.context.close()


@pytest.fixture(scope="module")
def paper(real: RealSite) -> dict:
    papers = json.loads((real.built.site / "papers.json").read_text(encoding="utf-8"))
    return next(p for p in papers["papers"] if p["arxiv_id"] == PAPER)


def search(page, query: str) -> list[tuple[str, str]]:
    """Type `query` into Material's search box; the papers found, as (arXiv id, URL)."""
    page.keyboard.press("/")  # Material's shortcut to the search box
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    status = page.locator(".digest-search:not([hidden]) .digest-search__status")
    status.filter(has_text=re.compile(r"\d")).wait_for(timeout=30_000)
    found = []
    for item in page.locator(".digest-search .md-search-result__item").all():
        meta = item.locator(".digest-search__meta").inner_text()
        found.append((meta.split(" · ")[0], item.locator("a").get_attribute("href")))
    return found


def test_an_arxiv_id_finds_its_paper_once_and_enter_opens_its_home_card(
    page, server: str, paper: dict
) -> None:
    page.goto(server + "dp/")  # from any page: here another topic's
    found = search(page, PAPER)
    home = paper["appearances"][-1]["url"].replace("https://example.org/", server)
    assert home.endswith(f"sd/2024-12-27/#arxiv-{PAPER}")  # its topic's own series
    assert found == [(PAPER, home)]
    page.locator("input.md-search__input").press("Enter")  # Material's: the best result
    page.wait_for_url(home)
    card = page.locator(f"article[id='arxiv-{PAPER}']")
    assert card.locator("h3").inner_text().startswith("OS-Genesis")
    assert card.is_visible() and card.evaluate("c => c.getBoundingClientRect().top < innerHeight")


@pytest.mark.parametrize(
    "query",
    [
        "逆タスク合成",  # a Japanese word inside the Japanese title, which lunr never finds
        "OS-Genesis: Automating GUI Agent Trajectory Construction via Reverse Task Synthesis",
        "arXiv:2412.19723v2",  # as arXiv writes it
        # A word in another number, and in another tense: stems, not spellings.
        "OS-Genesis: Automating GUI Agents Trajectory Construction via Reverse Task Synthesis",
        "automated gui agent trajectories",
    ],
)
def test_a_word_of_the_title_finds_the_paper_once_near_the_top(
    page, server: str, paper: dict, query: str
) -> None:
    assert query in paper["title_ja"] or query.startswith(("OS-Genesis", "auto")) or PAPER in query
    page.goto(server + "sd/")
    ids = [arxiv_id for arxiv_id, _ in search(page, query)]
    assert ids.count(PAPER) == 1
    # The site repeats the corpus three times with fresh ids: the copies share titles.
    assert ids.index(PAPER) < 3, ids[:5]


def test_a_phrase_ranks_title_matches_first_and_finds_no_page_for_one_word_of_it(
    page, server: str
) -> None:
    """医療画像合成 gave 283 results, led by archive pages that match only 合成."""
    page.goto(server + "sd/")
    found = search(page, "医療画像合成")
    assert 0 < len(found) < 20
    first = page.locator(".digest-search .md-search-result__item").first
    title_ja = first.locator(".digest-search__title-ja").inner_text()
    assert "医療画像合成" in title_ja
    # Material's own part lists pages, never one for each paper.
    material = page.locator(".md-search-result > ol.md-search-result__list a").all()
    assert not [a for a in material if "#arxiv-" in (a.get_attribute("href") or "")]


def _oldest(real: RealSite) -> str:
    return sorted(p.stem for p in (real.docs / "sd").glob("20*.md"))[0]


@pytest.mark.parametrize("where", ["old digest", "page 2", "archive"])
def test_a_page_outside_the_compact_nav_keeps_its_tab_and_sidebar(
    page, server: str, real: RealSite, where: str
) -> None:
    path = {"old digest": f"sd/{_oldest(real)}/", "page 2": "sd/page/2/", "archive": "sd/archive/"}
    page.goto(server + path[where])
    # Fifteen series share one tab (structure/nav.py); the sidebar opens sd's section.
    tab = page.locator(".md-tabs__item--active")
    assert tab.count() == 1 and " ".join(tab.inner_text().split()) == "Weekly digests"
    sidebar = page.locator(".md-sidebar--primary")
    opened = [
        s.inner_text().strip() for s in sidebar.locator(".md-nav__item--active > label").all()
    ]
    assert "合成データ" in opened
    links = [a for a in sidebar.locator("a.md-nav__link").all() if a.is_visible()]
    assert len(links) >= 3  # the series' page, its latest week, the archive (and the page)
    current = sidebar.locator("a.md-nav__link--active")
    assert current.count() == 1 and current.is_visible()


def test_week_labels_in_a_series_section_are_dates_on_one_line(page, server: str) -> None:
    """Weeks listed in the nav (`nav_weeks`; here the page shown, placed in its
    series' section, and the site's other newest weeks) are dates on one line."""
    page.goto(server + "sd/2024-12-20/")
    sidebar = page.locator(".md-sidebar--primary")
    weeks = [
        a
        for a in sidebar.locator("a.md-nav__link").all()
        if a.is_visible() and "Week of" in a.inner_text()
    ]
    assert len(weeks) >= 1
    for week in weeks:
        assert re.fullmatch(r"Week of \d{4}-\d{2}-\d{2}", week.inner_text().strip())
        lines = week.evaluate(
            "a => a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight)"
        )
        assert lines < 1.5, week.inner_text()
    assert "合成データ (2024-12-20" in page.title()  # the full title stays the page's


def test_an_opened_citation_shows_one_copy_control(page, server: str) -> None:
    page.goto(server + "sd/2024-12-27/")
    cite = page.locator("article.digest-card details.digest-card__cite").first
    cite.locator("summary").click()
    controls = cite.locator("button, .md-clipboard")
    assert [c.is_visible() for c in controls.all()] == [True]


def test_one_card_s_citation_fetches_one_small_chunk(page, server: str) -> None:
    # Not the whole site's BibTeX (1.3 MB at this size, 12.5 MB at ten times it):
    # the chunk that holds the paper, a few dozen papers' worth.
    fetched: list[tuple[str, int]] = []
    page.on(
        "response",
        lambda r: (
            fetched.append((r.url, len(r.body()))) if "papers-bib" in r.url and r.ok else None
        ),
    )
    page.goto(server + "sd/2024-12-27/")
    card = page.locator(f"article[id='arxiv-{PAPER}']")
    card.locator("details.digest-card__cite > summary").click()
    code = card.locator("details.digest-card__cite pre code")
    code.wait_for()
    page.wait_for_function(
        "c => c.textContent.includes('@')", arg=code.element_handle(), timeout=10_000
    )
    assert PAPER in code.inner_text()
    assert len(fetched) == 1, fetched
    assert fetched[0][1] <= 50_000, fetched


SHOTS = [  # (name, path, scheme, width, action)
    ("real-search-arxiv-id", "sd/2024-12-20/", "light", 1280, PAPER),
    ("real-search-japanese", "sd/2024-12-20/", "dark", 1280, "医療画像合成"),
    ("real-search-phone", "sd/2024-12-20/", "light", 390, "逆タスク合成"),
    ("real-old-digest-sidebar", "sd/{oldest}/", "light", 1280, None),
    ("real-archive-sidebar-dark", "sd/archive/", "dark", 1280, None),
    ("real-topic-rows", "sd/", "light", 1280, None),
    ("real-topic-rows-phone-dark", "sd/", "dark", 390, None),
    ("real-card", "sd/2024-12-27/", "light", 1280, "card"),
    ("real-card-dark", "sd/2024-12-27/", "dark", 1280, "card"),
    ("real-overview", "topics/", "light", 1280, None),
    ("real-overview-dark", "topics/", "dark", 1280, None),
    ("real-overview-phone", "topics/", "light", 390, None),
    ("real-card-related", "sd/2024-12-27/", "light", 1280, "related"),
    ("real-card-related-dark", "sd/2024-12-27/", "dark", 1280, "related"),
    ("real-card-related-phone", "sd/2024-12-27/", "light", 390, "related"),
    ("real-explorer", "papers/?author={author}&month=2024-12", "light", 1280, "explorer"),
    ("real-explorer-dark", "papers/?author={author}&month=2024-12", "dark", 1280, "explorer"),
    ("real-explorer-phone", "papers/?author={author}&month=2024-12", "light", 390, "explorer"),
    ("real-starred", "papers/?starred=1", "light", 1280, "starred"),
    ("real-starred-dark", "papers/?starred=1", "dark", 1280, "starred"),
]


@pytest.mark.parametrize(("name", "path", "scheme", "width", "action"), SHOTS)
def test_screenshots(browser, server, real, tmp_path, name, path, scheme, width, action):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    if action == "starred":  # a reading list of two
        page.goto(server + "sd/2024-12-27/")
        for star in page.locator("article.digest-card > button.digest-star").all()[:2]:
            star.click()
    page.goto(server + path.format(oldest=_oldest(real), author=quote("Kanzhi Cheng")))
    if action in ("explorer", "starred"):
        page.locator(".digest-explorer__status").filter(has_text=re.compile(r"\d")).wait_for()
    elif action == "related":
        page.locator(
            f"article[id='arxiv-{PAPER}'] .digest-card__related"
        ).scroll_into_view_if_needed()
    elif action == "card":
        card = page.locator("article.digest-card:has(.digest-card__more-authors)").first
        card.locator("details.digest-card__more-authors > summary").click()
        card.scroll_into_view_if_needed()
    elif action:
        search(page, action)
    # Measured at rest: Material's search overlay grows by a scale transition on a
    # phone, which widens the page while it runs.
    page.evaluate("Promise.allSettled(document.getAnimations().map(a => a.finished))")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))
    assert (folder / f"{name}.png").stat().st_size > 10_000
    context.close()


# -- the explorer, authors and the reading list (issue: beyond taxonomy) -------------

ID = re.compile(r"\b\d{4}\.\d{4,5}\b")


def explorer_ids(page) -> list[str]:
    """Every result's arXiv id, across the explorer's pages."""
    status = page.locator(".digest-explorer__status")
    status.filter(has_text=re.compile(r"\d")).wait_for()
    ids: list[str] = []
    while True:
        metas = page.locator(".digest-explorer__results .digest-listing__meta").all_inner_texts()
        ids += [ID.search(meta).group() for meta in metas]
        following = page.locator(".digest-explorer__pages [data-digest-page='1']")
        if not following.is_visible() or following.is_disabled():
            return ids
        before = page.locator(".digest-explorer__page").inner_text()
        following.click()
        page.locator(".digest-explorer__page").filter(has_not_text=before).wait_for()


@pytest.fixture(scope="module")
def papers_json(real: RealSite) -> list[dict]:
    return json.loads((real.built.site / "papers.json").read_text(encoding="utf-8"))["papers"]


@pytest.fixture(scope="module")
def author_counts(papers_json: list[dict]) -> dict[str, int]:
    """How many papers each author has (a copy of the corpus counts again)."""
    return dict(Counter(name for paper in papers_json for name in paper["authors"]))


def test_an_author_s_explorer_view_lists_exactly_that_author_s_papers(
    page, server: str, papers_json: list[dict], author_counts: dict[str, int]
) -> None:
    counts = author_counts
    author = max(sorted(counts), key=lambda name: counts[name])  # most papers: paged
    expected = {p["arxiv_id"] for p in papers_json if author in p["authors"]}
    page.goto(server + "sd/2024-12-27/")
    link = page.locator(".digest-card__authors a").first  # names link to the explorer
    assert "/papers/?author=" in link.get_attribute("href")
    page.goto(server + "papers/?author=" + quote(author))
    ids = explorer_ids(page)
    assert sorted(ids) == sorted(expected) and len(ids) == len(set(ids))
    assert page.locator("#digest-explorer-author").input_value() == author


def test_facets_narrow_and_count_what_they_would_show(page, server: str, real: RealSite) -> None:
    index = json.loads(
        (real.built.site / "assets" / "mkdocs_digest" / "papers-index.json").read_text()
    )
    month_of = [index["weeks"][home[0]][:7] for home in index["home"]]
    in_sd = {row[0] for row in index["lists"]["topic:sd"]}
    page.goto(server + "papers/")
    page.locator(".digest-explorer__status").filter(has_text=re.compile(r"\d")).wait_for()
    assert page.locator(".digest-explorer__results li").count() == 50  # a page at a time
    topic = page.locator("#digest-explorer-topic")
    topic.select_option("sd")
    months = page.locator("#digest-explorer-month option").all_inner_texts()[1:]
    month, shown = re.fullmatch(r"(\d{4}-\d{2}) \((\d+)\)", months[0]).groups()
    expected = {n for n in in_sd if month_of[n] == month}
    assert int(shown) == len(expected)  # the count is what choosing it shows
    page.locator("#digest-explorer-month").focus()
    page.keyboard.press("ArrowDown")  # by keyboard: the first month
    assert page.locator("#digest-explorer-month").input_value() == month
    ids = explorer_ids(page)
    assert sorted(ids) == sorted(index["papers"][n][0] for n in expected)
    status = page.locator(".digest-explorer__status")
    assert status.get_attribute("role") == "status" and str(len(expected)) in status.inner_text()
    assert "topic=sd" in page.url and f"month={month}" in page.url
    counted = status.inner_text()
    page.reload()  # the selection lives in the URL, the page of results too
    status.filter(has_text=re.compile(r"\d")).wait_for()
    assert status.inner_text() == counted
    assert page.locator("#digest-explorer-topic").input_value() == "sd"
    assert page.locator("#digest-explorer-month").input_value() == month
    last = page.locator(".digest-explorer__results .digest-listing__meta").all_inner_texts()
    assert [ID.search(m).group() for m in last] == ids[-len(last) :]


def test_a_starred_paper_s_bibtex_is_in_the_downloaded_file(
    page, server: str, real: RealSite
) -> None:
    page.goto(server + "sd/2024-12-27/")
    card = page.locator(f"article[id='arxiv-{PAPER}']")
    star = card.locator("button.digest-star")
    assert star.get_attribute("aria-pressed") == "false"
    star.click()
    assert star.get_attribute("aria-pressed") == "true"
    page.goto(server + "papers/?starred=1")
    assert explorer_ids(page) == [PAPER]
    page.reload()  # the reading list survives reloads
    assert explorer_ids(page) == [PAPER]
    with page.expect_download() as download:
        page.locator("[data-digest-bib-download]").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    entries = site_bibtex(real.built.site)
    assert text.strip() == entries[PAPER].strip()
    assert download.value.suggested_filename == "starred.bib"


def test_a_card_s_related_papers_lead_to_cards_of_other_weeks(page, server: str) -> None:
    page.goto(server + "sd/2024-12-27/")
    related = page.locator(f"article[id='arxiv-{PAPER}'] .digest-card__related li")
    assert 1 <= related.count() <= 3
    reasons = related.locator("small").all_inner_texts()
    assert all(r.startswith(("shared author", "shared words", "same topic")) for r in reasons)
    link = related.first.locator("a")
    href = link.get_attribute("href")
    assert "2024-12-27" not in href
    link.click()
    page.wait_for_url(f"**/{href.split('/', 2)[-1]}")
    target = page.locator(f"article[id='{href.split('#')[1]}']")
    target.wait_for()  # the other week's page has loaded, the card in view
    assert target.is_visible()


def test_any_author_is_found_by_typing_in_the_explorer_s_author_control(
    page, server: str, papers_json: list[dict], author_counts: dict[str, int]
) -> None:
    # Not only the forty most frequent: an author of one paper, by a part of the name.
    counts = author_counts
    rare = sorted(n for n, c in counts.items() if c == 3 and len(n) > 12)[0]  # 3 copies
    expected = {p["arxiv_id"] for p in papers_json if rare in p["authors"]}
    page.goto(server + "papers/")
    page.locator(".digest-explorer__status").filter(has_text=re.compile(r"\d")).wait_for()
    control = page.locator("#digest-explorer-author")
    assert rare not in page.locator("#digest-explorer-authors option").all_inner_texts()
    control.fill(rare[2:10].upper())  # a part, in another case
    offered = page.locator("#digest-explorer-authors option")
    assert f"{rare} (3)" in offered.all_inner_texts()
    control.fill(rare)
    control.dispatch_event("change")
    page.wait_for_url(re.compile(r"author="))
    assert set(explorer_ids(page)) == expected
