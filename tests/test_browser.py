"""What a reader sees and clicks, in Debian's Chromium (headless), on the example site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .browsing import chromium, new_page, require_chromium, static_server
from .conftest import Built

sync_api = require_chromium()


@pytest.fixture(scope="module")
def server(example_site: Built) -> Iterator[str]:
    with static_server(example_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium(sync_api) as browser:
        yield browser


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
    more = page.locator("#arxiv-2599\\.00102 details.digest-card__more-authors")
    assert not more.locator("text=Kaori Saito").is_visible()
    more.locator("summary").click()
    assert more.locator("text=Kaori Saito").is_visible()


def test_week_pager_walks_the_series(page, server: str) -> None:
    page.goto(server + "sd/2024-03-29/")
    page.locator("a.digest-pager__next").click()
    page.wait_for_url(server + "sd/2024-04-05/")
    page.locator("a.digest-pager__previous").click()
    page.wait_for_url(server + "sd/2024-03-29/")


def test_toc_lists_papers_and_jumps_to_them(page, server: str) -> None:
    page.goto(server + "sd/2024-03-29/")
    toc = page.locator("nav.md-nav--secondary a.md-nav__link")
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
