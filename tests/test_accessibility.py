"""WCAG 2.2 AA in what the plugin renders: axe-core and the keyboard, in Chromium.

axe-core (bundled by axe-playwright-python) runs the WCAG 2.0/2.1/2.2 A and AA rules
on every kind of page of the built example site, in Material's light and dark
palettes, on a desktop and at 320 CSS px. A violation is ours when its element sits
in the plugin's markup (a `digest-` class on it or around it); those must be none.
The theme's own are reported as warnings, not counted.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .browsing import new_page, require_chromium, static_server
from .conftest import EXAMPLE, Built, build, with_config

sync_api = require_chromium()
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
OURS = '[class^="digest-"], [class*=" digest-"]'
PAGES = {
    "home with entries": "",
    "digest": "sd/2024-03-29/",
    "topic page 1": "sd/",
    "topic page 2": "sd/page/2/",
    "series page": "all/",
    "archive": "sd/archive/",
    "overview": "topics/",
    "explorer, an author's papers, one starred": "papers/?author=Aiko+Tanaka",
    "explorer, starred": "papers/?starred=1",
    "explorer, for you": "papers/?view=for-you",
    "digest, titles view": "sd/2024-03-29/?view=titles",
    "home, new since a past visit": "",
    "digest, new since a past visit": "sd/2024-04-05/",
    "topic page, new since a past visit": "sd/",
}
# A visit that started from a week long past: everything is new (js/src/news.js).
PAST_VISIT = "sessionStorage.setItem('mkdocs-digest:since:/', '2024-01-01')"
# A reading list of a paper with a neighbour in the example site (js/src/foryou.js).
STARRED = "id => localStorage.setItem('mkdocs-digest:starred:/', JSON.stringify([id]))"


def with_neighbours(site: Path) -> str:
    """A paper of the site's newest week: "for you" lists the others of its weeks."""
    near = sorted((site / "assets" / "mkdocs_digest" / "near").glob("week-*.json"))[-1]
    return next(iter(json.loads(near.read_text(encoding="utf-8"))))


WIDTHS = [1280, 320]  # 320 CSS px: a phone, and 400% zoom of a 1280 px window


@pytest.fixture(scope="module")
def server(example_site: Built) -> Iterator[str]:
    with static_server(example_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def light_accent_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site with a yellow accent, far too light for text on white."""
    root = tmp_path_factory.mktemp("yellow")
    theme = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    for palette in theme["palette"]:
        palette["accent"] = "yellow"
    built = build(with_config(EXAMPLE / "mkdocs.yml", root, theme=theme), root / "site")
    assert built.returncode == 0, built.log
    with static_server(built.site) as url:
        yield url


def axe_violations(page) -> tuple[list[str], list[str]]:
    """(ours, the theme's): one line per violating element."""
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    found = axe_sync.Axe().run(page, options=options).response["violations"]
    extra = {"runOnly": {"type": "rule", "values": ["empty-heading"]}}
    found += axe_sync.Axe().run(page, options=extra).response["violations"]
    ours, theirs = [], []
    for violation in found:
        for node in violation["nodes"]:
            line = f"{violation['id']}: {node['target']} {node.get('failureSummary', '')[:160]}"
            inside = page.evaluate(
                "([s, o]) => !!document.querySelector(s)?.closest(o)", [node["target"][-1], OURS]
            )
            (ours if inside else theirs).append(line)
    return ours, theirs


def duplicate_ids(page) -> list[str]:
    return page.evaluate(
        """() => {
          const seen = new Map();
          for (const e of document.querySelectorAll('[id]'))
            seen.set(e.id, (seen.get(e.id) || 0) + 1);
          return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
        }"""
    )


def open_states(page, path: str) -> None:
    """Show what only appears on use: filter results, author lists, a citation, a
    card opened in the titles view, the marks of what is new."""
    if "view=titles" in path:  # one card opened; the others show no disclosure
        page.locator("article.digest-card button[data-digest-open]").first.click()
        return
    if page.evaluate("sessionStorage.getItem('mkdocs-digest:since:/')") == "2024-01-01":
        page.locator("article .digest-new, .digest-news").first.wait_for()
    if path == "sd/":
        page.locator("input.digest-filter__input").fill("synthetic")
        page.locator(".digest-filter__results li").first.wait_for()
    if "view=for-you" in path:
        page.locator(".digest-foryou__results li").first.wait_for()
        return
    if path.startswith("papers/"):  # its results, a star pressed, the reading list's tools
        page.locator(".digest-explorer__results li").first.wait_for()
        star = page.locator(".digest-explorer__results button.digest-star").first
        if star.get_attribute("aria-pressed") == "false":
            star.click()
    for summary in page.locator("details.digest-card__more-authors > summary").all()[:2]:
        summary.click()
    for summary in page.locator("details.digest-card__cite > summary").all()[:1]:
        summary.click()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violation_in_the_plugins_markup(
    browser, server, example_site: Built, scheme, width
) -> None:
    starred = with_neighbours(example_site.site)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    ours: dict[str, list[str]] = {}
    theirs: dict[str, list[str]] = {}
    for kind, path in PAGES.items():
        if "new since" in kind:
            page.evaluate(PAST_VISIT)
        if "for you" in kind:
            page.evaluate(STARRED, starred)
        page.goto(server + path)
        open_states(page, path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, kind
        mine, other = axe_violations(page)
        mine += [f"duplicate id {i}" for i in duplicate_ids(page)]
        ours[kind], theirs[kind] = mine, other
    context.close()
    if any(theirs.values()):
        report = "; ".join(f"{k}: {len(v)}" for k, v in theirs.items() if v)
        warnings.warn(f"the theme's own markup ({scheme}, {width}px): {report}", stacklevel=1)
    assert {k: v for k, v in ours.items() if v} == {}


def test_chip_text_keeps_its_contrast_when_the_accent_is_light(
    browser, light_accent_server
) -> None:
    for scheme in ("light", "dark"):
        page = new_page(browser, scheme)
        for path in ("sd/2024-04-05/", "sd/", "topics/"):
            page.goto(light_accent_server + path)
            assert axe_violations(page)[0] == [], (scheme, path)
        page.context.close()


def test_cards_are_articles_named_by_their_heading_with_languages_marked(browser, server) -> None:
    page = new_page(browser)
    page.goto(server + "sd/2024-03-29/")
    cards = page.locator("article.digest-card")  # Material's page body is an article too
    assert cards.count() == 12
    first = cards.first
    heading = first.locator("h3")
    assert first.get_attribute("aria-labelledby") == heading.get_attribute("id")
    title = heading.locator("a").first.inner_text()  # the paper's title, not the ¶ link
    assert page.get_by_role("article", name=title).count() == 1
    assert heading.get_attribute("lang") == "en"
    assert first.locator(".digest-card__title-ja").get_attribute("lang") == "ja"
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert first.get_by_role("list", name="要点").locator("li").count() >= 1
    page.context.close()


# -- keyboard ------------------------------------------------------------------------


def tab_to(page, selector: str, limit: int = 200) -> list[dict[str, str]]:
    """Press Tab until `selector` has focus; the focus styles of our stops on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """([selector, ours]) => {
              const e = document.activeElement;
              if (!e || !e.closest(ours)) return {ours: false, hit: !!(e && e.matches(selector))};
              const s = getComputedStyle(e);
              const clear = c => /rgba\\(0, 0, 0, 0\\)|transparent/.test(c);
              let bg = 'rgba(0, 0, 0, 0)';
              // The ring is drawn outside the element: against what is around it.
              for (let n = e.parentElement; n && clear(bg); n = n.parentElement)
                bg = getComputedStyle(n).backgroundColor;
              if (clear(bg)) bg = getComputedStyle(document.body).backgroundColor;
              return {ours: true, hit: e.matches(selector), name: e.outerHTML.slice(0, 80),
                      style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor, bg};
            }""",
            [selector, OURS],
        )
        if focused["ours"]:
            stops.append(focused)
        if focused["hit"]:
            return stops
    raise AssertionError(f"Tab never reached {selector}")


def contrast(a: str, b: str) -> float:
    def luminance(colour: str, under: tuple[float, ...] = (1.0, 1.0, 1.0)) -> float:
        parts = [float(x) for x in re.findall(r"[\d.]+", colour)]
        alpha = parts[3] if len(parts) > 3 else 1.0
        rgb = [p / 255 * alpha + u * (1 - alpha) for p, u in zip(parts[:3], under, strict=True)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    background = [float(x) / 255 for x in re.findall(r"[\d.]+", b)[:3]]
    la, lb = luminance(a, tuple(background)), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def assert_focus_visible(stops: list[dict[str, str]]) -> None:
    assert stops
    for stop in stops:
        assert stop["style"] != "none" and float(stop["width"].removesuffix("px")) >= 2, stop
        assert contrast(stop["color"], stop["bg"]) >= 3, stop


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tab_reaches_the_first_expander_and_enter_opens_it(browser, server, scheme) -> None:
    page = new_page(browser, scheme)
    page.goto(server + "sd/2024-04-05/")
    summary = "details.digest-card__more-authors > summary"
    stops = tab_to(page, summary)
    assert page.evaluate(f"document.activeElement === document.querySelector('{summary}')")
    assert_focus_visible(stops)
    details = page.locator("details.digest-card__more-authors").first
    rest = page.locator(".digest-card__rest").first  # the names it shows, before it
    assert not rest.is_visible()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None and rest.is_visible()
    # Focus stays on the summary, which now folds the list again.
    assert page.evaluate(f"document.activeElement === document.querySelector('{summary}')")
    assert details.locator("summary").inner_text() == "折りたたむ"
    page.keyboard.press("Space")
    assert details.get_attribute("open") is None
    # Tab goes on past the cards to the week pager: nothing traps focus.
    assert_focus_visible(tab_to(page, "nav.digest-pager a"))
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tab_reaches_the_filter_and_its_count_is_announced(browser, server, scheme) -> None:
    page = new_page(browser, scheme)
    page.goto(server + "sd/")
    stops = tab_to(page, "input.digest-filter__input")
    assert_focus_visible(stops)
    page.keyboard.type("synthetic")
    status = page.locator(".digest-filter__status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    page.wait_for_function(
        "document.querySelector('.digest-filter__status').textContent.includes('件')"
    )
    assert page.locator(".digest-filter__results li").count() >= 1
    # On to the first result, then clear the filter: the pager comes back and Enter
    # on a page number opens it.
    assert_focus_visible(tab_to(page, ".digest-filter__results a"))
    page.locator("input.digest-filter__input").fill("")
    assert_focus_visible(tab_to(page, '.digest-pagination a[href*="page/2"]'))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sd/page/2/$"))
    page.context.close()


def test_the_overview_chart_links_are_reachable_and_named(browser, server) -> None:
    page = new_page(browser)
    page.goto(server + "topics/")
    assert_focus_visible(tab_to(page, "a.digest-overview__chart"))
    name = page.evaluate("document.activeElement.querySelector('svg title').textContent")
    assert "週ごとの論文数" in name
    page.context.close()


def test_nothing_of_ours_moves_for_a_reader_who_asked_for_less_motion(browser, server) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    for path in ("sd/2024-03-29/", "sd/", "topics/"):
        page.goto(server + path)
        moving = page.evaluate(
            """(ours) => [...document.querySelectorAll(ours)].filter(e => {
              const s = getComputedStyle(e);
              return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
            }).map(e => e.className)""",
            OURS,
        )
        assert moving == [], path
    context.close()


def test_a_200_percent_zoom_keeps_the_pages_within_the_window(browser, server) -> None:
    # 200% zoom of a 1280 px window lays pages out in 640 CSS px.
    context = browser.new_context(viewport={"width": 640, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    for path in PAGES.values():
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, path
    context.close()
