"""What a reader sees and clicks, in Debian's Chromium (headless), on the example site."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browsing import new_page, require_chromium, static_server
from .conftest import Built

sync_api = require_chromium()


@pytest.fixture(scope="module")
def server(example_site: Built) -> Iterator[str]:
    with static_server(example_site.site) as url:
        yield url


@pytest.fixture
def page(browser):
    page = new_page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert dialogs == []
    page.context.close()


def test_topic_chip_leads_to_the_topic_page_and_back_to_the_card(page, server: str) -> None:
    page.goto(server + "sd/2024-03-29/")
    card = page.locator("#arxiv-2404\\.02519")
    card.locator("a.digest-chip", has_text="差分プライバシー").click()
    page.wait_for_url(server + "dp/")
    assert page.locator("h1").first.inner_text().rstrip("¶") == "差分プライバシー"
    page.locator("a.digest-listing__title", has_text="Survey-Weighted").click()
    page.wait_for_url(server + "sd/2024-03-29/#arxiv-2404.02519")
    target = page.locator("#arxiv-2404\\.02519")
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view


def test_more_authors_expander_opens(page, server: str) -> None:
    page.goto(server + "sd/2024-04-05/")
    card = page.locator("#arxiv-2599\\.00102")
    rest = card.locator(".digest-card__rest")
    assert not rest.is_visible()
    card.locator("details.digest-card__more-authors > summary").click()
    assert rest.is_visible() and "Kaori Saito" in rest.inner_text()
    # Open, the list reads as one: the rest follow the first names on their line, in
    # their colour, and the toggle comes after them.
    names = card.locator(".digest-card__authors > span[lang=en]").first
    assert rest.evaluate("e => getComputedStyle(e).color") == names.evaluate(
        "e => getComputedStyle(e).color"
    )
    toggle = card.locator("details.digest-card__more-authors > summary").bounding_box()
    right, top = rest.evaluate(
        "e => { const r = [...e.getClientRects()].pop(); return [r.right, r.top]; }"
    )
    assert toggle is not None
    same_line = abs(toggle["y"] - top) <= 4 and toggle["x"] >= right - 1
    assert same_line or toggle["y"] > top + 4  # after the last name


def test_week_pager_walks_the_series(page, server: str) -> None:
    page.goto(server + "sd/2024-03-29/")
    page.locator("a.digest-pager__next").click()
    page.wait_for_url(server + "sd/2024-04-05/")
    page.locator("a.digest-pager__previous").click()
    page.wait_for_url(server + "sd/2024-03-29/")


def test_toc_lists_papers_and_jumps_to_them(page, server: str) -> None:
    page.goto(server + "sd/2024-03-29/")
    # The sidebar TOC (Material repeats it in the primary nav for small screens).
    toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    assert toc.count() == 12
    toc.nth(11).click()
    page.wait_for_url(server + "sd/2024-03-29/#arxiv-2404.00848-title")
    assert page.locator("#arxiv-2404\\.00848").is_visible()


def test_cards_follow_the_dark_palette(browser, server: str) -> None:
    page = new_page(browser, "dark")
    page.goto(server + "sd/2024-04-05/")
    colours = page.evaluate(
        """() => {
          const card = document.querySelector('.digest-card');
          const ja = card.querySelector('.digest-card__title-ja');
          return [getComputedStyle(card).backgroundColor, getComputedStyle(ja).color];
        }"""
    )
    page.context.close()
    background, japanese = (_luminance(c) for c in colours)
    assert background < 0.3 < japanese  # light text on a dark card


def _luminance(css_colour: str) -> float:
    parts = css_colour[css_colour.index("(") + 1 : css_colour.index(")")].split(",")
    red, green, blue = (float(p) / 255 for p in parts[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


# -- listings: numbered pages, the filter across them, the overview ----------------

SCREENSHOTS = os.environ.get("DIGEST_SCREENSHOTS")  # a folder: keep the pictures there


@pytest.fixture
def watched(browser):
    """A page that records console errors, uncaught exceptions and local 4xx/5xx loads.

    The machine has no network: Material's web fonts from outside fail to load, and
    Chromium logs each as a console error. Those are not counted; local ones are.
    """
    page = new_page(browser)
    errors: list[str] = []

    def console(message) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def response(answer) -> None:
        if answer.url.startswith("http://127.0.0.1") and answer.status >= 400:
            errors.append(f"{answer.status} {answer.url}")

    page.on("console", console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", response)
    yield page
    assert errors == []
    page.context.close()


def _status(page) -> str:
    return page.locator(".digest-filter__status").inner_text()


def test_topic_pages_are_numbered_and_the_second_holds_the_seed_week(watched, server) -> None:
    watched.goto(server + "sd/")
    assert watched.locator("#arxiv-2404\\.00848, a[href$='#arxiv-2404.00848']").count() == 0
    watched.locator(".digest-pagination a[rel=next]").click()
    watched.wait_for_url(server + "sd/page/2/")
    assert watched.locator("a.digest-listing__title", has_text="Predictive Performance").count()
    current = watched.locator(".digest-pagination [aria-current=page]")
    assert current.inner_text() == "2"


def test_filter_finds_a_paper_on_page_two_and_keeps_the_query_in_the_url(watched, server) -> None:
    watched.goto(server + "sd/")
    visible = watched.locator(".digest-listing-weeks a.digest-listing__title")
    before = visible.count()
    assert 0 < before < 17  # page 1 of the topic's 17 papers
    box = watched.locator("input.digest-filter__input")
    box.fill("predictive")
    results = watched.locator(".digest-filter__results a.digest-listing__title")
    results.first.wait_for()
    assert results.count() == 1 and "Predictive Performance" in results.first.inner_text()
    assert not watched.locator(".digest-listing-weeks").is_visible()
    # The table of contents follows: the weeks it lists are hidden with them.
    toc_weeks = watched.locator(".md-sidebar--secondary a[href*='#week-']")
    assert toc_weeks.count() > 0
    assert not any(link.is_visible() for link in toc_weeks.all())
    assert watched.locator(".digest-filter__status").get_attribute("role") == "status"
    assert _status(watched) == "17 件中 1 件"
    assert "filter=predictive" in watched.url
    # Full-width Latin and other case match, and every word must match.
    box.fill("ＳＹＮＴＨＥＴＩＣ faces")
    watched.wait_for_function(
        "document.querySelector('.digest-filter__status').textContent.startsWith('17 件中 1 件')"
    )
    assert "Synthetic Faces" in results.first.inner_text()
    # Any author finds the paper, not only the first.
    box.fill("coston")  # Luke Guerdan, Amanda Coston, ...
    watched.wait_for_function(
        "document.querySelector('.digest-filter__results').textContent.includes('Predictive')"
    )
    assert results.count() == 1 and _status(watched) == "17 件中 1 件"
    # A result names its authors, categories, arXiv id and the week it is in.
    meta = results.first.locator("xpath=..").locator(".digest-listing__meta").inner_text()
    assert meta.startswith("Luke Guerdan, Amanda Coston") and meta.endswith("2024-03-29 の週")
    box.fill("")
    assert watched.locator(".digest-listing-weeks").is_visible()
    assert all(link.is_visible() for link in toc_weeks.all())
    assert visible.count() == before
    # The link leads to the card.
    box.fill("2404.00848")
    results.first.wait_for()
    results.first.click()
    watched.wait_for_url(server + "sd/2024-03-29/#arxiv-2404.00848")


def test_a_filtered_view_survives_reload_and_instant_navigation(watched, server) -> None:
    watched.goto(server + "sd/?filter=diffusion")
    results = watched.locator(".digest-filter__results a.digest-listing__title")
    results.first.wait_for()
    assert watched.locator("input.digest-filter__input").input_value() == "diffusion"
    assert not watched.locator("#__search").is_checked()  # Material's search stays shut
    count = results.count()
    watched.reload()
    results.first.wait_for()
    assert results.count() == count
    # Away and back through links (with `navigation.instant` on; whether Material swaps
    # the page in place here or loads it, the filter must be set up again).
    watched.locator(".digest-topic__intro a", has_text="すべてのトピック").click()
    watched.wait_for_url(server + "topics/")
    watched.locator("table.digest-overview a.digest-chip", has_text="合成データ").click()
    watched.wait_for_url(server + "sd/")
    box = watched.locator("input.digest-filter__input")
    box.fill("zero-shot")
    watched.wait_for_function(
        "document.querySelector('.digest-filter__status').textContent.startsWith('17 件中 2 件')"
    )
    assert results.count() == 2


def test_the_overview_charts_have_a_name_and_a_description(watched, server) -> None:
    watched.goto(server + "topics/")
    chart = watched.get_by_role("img", name="合成データ: 週ごとの論文数")
    assert chart.count() == 1
    description = chart.locator("desc").text_content()
    assert "計 17 件" in description and "3 週" in description
    shared = watched.locator("table.digest-shared")
    assert shared.locator("caption").inner_text() == "両方のトピックに属する論文の数"


@pytest.mark.parametrize(
    ("name", "path", "scheme", "width", "action"),
    [
        ("nav-digest", "sd/2024-04-05/", "light", 1280, None),
        ("topic-filter", "sd/", "light", 1280, "synthetic"),
        ("topic-page-2-dark", "sd/page/2/", "dark", 1280, None),
        ("overview", "topics/", "light", 1280, None),
        ("overview-dark", "topics/", "dark", 1280, None),
        ("topic-phone", "sd/", "light", 390, None),
        ("digest-phone-dark", "sd/2024-04-05/", "dark", 390, None),
        ("keyboard-expander", "sd/2024-04-05/", "light", 1000, "keyboard"),
        ("keyboard-expander-dark", "sd/2024-04-05/", "dark", 1000, "keyboard"),
    ],
)
def test_screenshots(browser, server, tmp_path, name, path, scheme, width, action) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + path)
    if action == "keyboard":  # Tab to the first author expander, open it with Enter
        summary = "details.digest-card__more-authors > summary"
        while not page.evaluate(f"document.activeElement.matches('{summary}')"):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.evaluate("document.activeElement.scrollIntoView({block: 'center'})")
    elif action:
        page.locator("input.digest-filter__input").fill(action)
        page.locator(".digest-filter__results li").first.wait_for()
    # Nothing runs past the viewport sideways, also at a phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))
    assert (folder / f"{name}.png").stat().st_size > 10_000
    context.close()


def test_the_topic_page_names_its_feed_in_the_head(watched, server) -> None:
    watched.goto(server + "sd/")
    feed = watched.locator('head link[rel="alternate"][type="application/atom+xml"]')
    assert feed.get_attribute("href") == "https://example.org/sd/feed.xml"
    assert watched.get_by_role("link", name="フィード (Atom)").is_visible()


def test_the_copy_button_puts_the_bibtex_on_the_clipboard(watched, server) -> None:
    watched.context.grant_permissions(["clipboard-read", "clipboard-write"])
    watched.goto(server + "sd/2024-04-05/")
    card = watched.locator("article.digest-card").first
    card.locator("details.digest-card__cite > summary").focus()
    watched.keyboard.press("Enter")  # open the citation, then Tab to its button
    watched.keyboard.press("Tab")
    # One copy control, with Material's `content.code.copy` on (the example site's).
    assert watched.locator(".md-clipboard").count() == 0
    assert card.locator("details.digest-card__cite button").count() == 1
    button = card.get_by_role("button", name="コピー")
    assert button.evaluate("b => b === document.activeElement")
    watched.keyboard.press("Enter")
    status = card.locator(".digest-copy__status")
    status.filter(has_text="コピーしました").wait_for()
    assert status.get_attribute("role") == "status"
    bibtex = card.locator("pre.digest-card__bibtex").text_content()
    assert bibtex.startswith("@misc{tanaka2024synthetic,")
    assert watched.evaluate("navigator.clipboard.readText()") == bibtex


def test_site_search_lists_papers_a_keyboard_reaches_across_instant_navigation(
    watched, server
) -> None:
    """The example site has Material's instant navigation: the papers the search box
    lists lead to their cards from any page, and the box answers again on the next."""
    watched.goto(server + "topics/")
    watched.keyboard.press("/")
    box = watched.locator("input.md-search__input")
    box.fill("分岐係数")  # a word of one paper's summary only
    papers = watched.locator(".digest-search .md-search-result__item")
    papers.first.wait_for()
    assert papers.count() == 1
    assert watched.locator(".digest-search__status").inner_text() == "1 件の論文"
    assert watched.locator(".digest-search mark").inner_text() == "分岐係数"
    watched.keyboard.press("ArrowDown")  # Material's keys walk our results too
    focused = watched.evaluate("document.activeElement.getAttribute('href')")
    assert focused.endswith("sd/2024-04-05/#arxiv-2599.00102")
    watched.keyboard.press("Enter")
    watched.wait_for_url("**/sd/2024-04-05/#arxiv-2599.00102")
    assert watched.locator("#arxiv-2599\\.00102").is_visible()
    watched.keyboard.press("/")
    box.fill("Kaori Saito")  # an author, on the page instant navigation brought
    papers.first.wait_for()
    meta = watched.locator(".digest-search .digest-search__meta").first
    assert "Kaori Saito" in meta.inner_text()  # the fourth author: named as the reason


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example site with Material's offline plugin: pages opened from file://."""
    import yaml

    from .conftest import EXAMPLE, build, with_config

    digest = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"][1]
    tmp = tmp_path_factory.mktemp("offline")
    config = with_config(EXAMPLE / "mkdocs.yml", tmp, plugins=["search", digest, "offline"])
    built = build(config, tmp / "site")
    assert built.returncode == 0, built.log
    return built


def test_the_filter_works_from_file_urls_with_the_offline_plugin(watched, offline_site) -> None:
    """file:// pages cannot fetch the filter's index and Material's document$ never
    emits there: the index comes as a script, the filter starts on the page's load."""
    watched.goto((offline_site.site / "sd" / "index.html").as_uri())
    box = watched.locator("input.digest-filter__input")
    assert box.is_visible()
    box.fill("synthetic")
    watched.locator(".digest-filter__results li").first.wait_for()
    assert watched.locator(".digest-filter [role=status]").inner_text() == "17 件中 7 件"
    link = watched.locator(".digest-filter__results li a").first
    link.click()  # a card on another page, by its file:// URL
    watched.wait_for_url("**/sd/2024-04-12.html#arxiv-2599.00201")
    assert watched.locator("#arxiv-2599\\.00201").is_visible()


def test_a_citation_opens_from_file_urls_with_the_offline_plugin(watched, offline_site) -> None:
    """Under file:// the chunk that holds a card's BibTeX comes as a script too."""
    watched.goto((offline_site.site / "sd" / "2024-04-12.html").as_uri())
    card = watched.locator("#arxiv-2599\\.00201")
    card.locator("details.digest-card__cite > summary").click()
    code = card.locator("details.digest-card__cite pre code")
    watched.wait_for_function(
        "c => c.textContent.includes('2599.00201')", arg=code.element_handle(), timeout=10_000
    )
    assert code.inner_text().lstrip().startswith("@")
