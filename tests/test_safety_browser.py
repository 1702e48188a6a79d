"""Hostile digest text in headless Chromium: nothing it carries runs.

The pages are the hostile site of test_safety.py; without Debian's chromium this
module is skipped with that reason (CI must run it), the parser checks are not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .browsing import new_page, require_chromium, static_server
from .conftest import Built
from .test_safety import DIGEST, PAGES, build_hostile_site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


# -- in the browser ----------------------------------------------------------------

sync_api = require_chromium()

# Fire what a reader could: hover and focus every element, follow every link whose
# target is neither http(s) nor relative. Returns what any payload that ran wrote.
PROBE = """() => {
  for (const el of document.querySelectorAll('body *')) {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    el.dispatchEvent(new FocusEvent('focus'));
  }
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href') || '';
    if (/^\\s*[a-z][a-z0-9+.-]*:/i.test(href) && !/^\\s*(https?|mailto):/i.test(href)) a.click();
  }
  return new Promise(done => setTimeout(() => done(window.__xss ?? null), 300));
}"""


def probe(browser, url: str) -> tuple[object, list[str]]:
    page = new_page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url, wait_until="load")
    ran = page.evaluate(PROBE)
    page.context.close()
    return ran, dialogs


@pytest.mark.parametrize("path", PAGES)
def test_no_script_from_the_text_runs_in_chromium(hostile_site: Built, browser, path) -> None:
    with static_server(hostile_site.site) as base:
        assert probe(browser, base + path) == (None, [])


def test_the_probe_catches_a_payload_that_runs(browser, tmp_path: Path) -> None:
    # The check above can fail: the same probe on the same kind of payload, unescaped.
    (tmp_path / "index.html").write_text(
        "<p onmouseover=\"window.__xss='hover'\">x</p><a href=\"javascript:alert('link')\">y</a>"
    )
    with static_server(tmp_path) as base:
        ran, dialogs = probe(browser, base)
    assert ran == "hover" and dialogs == ["link"]


@pytest.mark.parametrize("query", ["Attack", "Unreadable"])
def test_search_results_show_the_text_without_running_it(hostile_site: Built, browser, query):
    with static_server(hostile_site.site) as base:
        page = new_page(browser)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + DIGEST, wait_until="load")
        page.keyboard.press("/")  # Material's shortcut to the search box
        page.locator("input.md-search__input").press_sequentially(query, delay=50)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=15_000)
        assert "<script>" in page.locator(".md-search-result").inner_text()  # shown as text
        status = page.locator(".digest-search__status")  # the hostile label, as text
        label = "</script><script>window.__xss='label'</script>"
        page.wait_for_function(  # once the papers came (none for an unreadable entry)
            "l => document.querySelector('.digest-search__status')?.textContent.includes(l)",
            arg=label,
            timeout=15_000,
        )
        assert label in status.inner_text()
        ran = page.evaluate(PROBE)
        page.context.close()
    assert (ran, dialogs) == (None, [])


@pytest.mark.parametrize(
    "query",
    [
        "papers/?author=%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D1%22%3E",
        "papers/?filter=%3Cscript%3Ewindow.__xss%3D2%3C%2Fscript%3E&topic=%22%3E%3Csvg%20onload%3Dx%3E",
        "papers/?starred=1",
    ],
)
def test_the_explorer_shows_hostile_text_and_urls_as_text(hostile_site: Built, browser, query):
    """The explorer renders digest text (titles, authors from the hostile page) and
    its URL's parameters (a link anyone can send) into the page: as text only."""
    with static_server(hostile_site.site) as base:
        page = new_page(browser)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "papers/", wait_until="load")
        page.locator(".digest-explorer__results li").first.wait_for()
        assert "<script>" in page.locator(".digest-explorer__results").inner_text()
        for star in page.locator(".digest-explorer__results button.digest-star").all():
            star.click()  # the hostile papers in the reading list too
        page.goto(base + query, wait_until="load")
        page.locator(".digest-explorer__status").filter(has_text=re.compile(r"\S")).wait_for()
        ran = page.evaluate(PROBE)
        page.context.close()
    assert (ran, dialogs) == (None, [])


PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]


def test_authors_named_like_object_members_are_counted_like_any_other(
    browser, tmp_path: Path
) -> None:
    """The explorer counts facet values keyed by digest text: an author called
    `__proto__` or `constructor` is a name with a count, not a member of a plain
    object (which corrupted the counts and lost `__proto__`)."""
    from .conftest import build, write_site

    def entry(n: int) -> str:
        return (
            f"### [Paper {n}](http://arxiv.org/abs/2599.0000{n})\n\n"
            f"{', '.join(PROTOTYPE_NAMES)}, Solo {n}\n\n- a point\n\n"
            "**トピック:** [合成データ](../../sd), **投稿日時:** 2024-04-05 10:00\n\n---\n\n"
        )

    page = "---\ndate: 2024-04-05\n---\n\n" + entry(1) + entry(2)
    config = write_site(tmp_path, {"index.md": "# Home\n", "sd/2024-04-05.md": page})
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    with static_server(built.site) as base:
        page_ = new_page(browser)
        page_.goto(base + "papers/", wait_until="load")
        page_.locator(".digest-explorer__results li").first.wait_for()
        options = page_.locator("#digest-explorer-authors option").all_inner_texts()
        for name in PROTOTYPE_NAMES:
            assert f"{name} (2)" in options, options
        page_.goto(base + "papers/?author=__proto__", wait_until="load")
        page_.locator(".digest-explorer__results li").first.wait_for()
        assert page_.locator(".digest-explorer__results li").count() == 2
        page_.context.close()
