"""Material's community continuation, MaterialX (`mkdocs-materialx`, with ProperDocs):
the example site built with it, and its search box (Pagefind's index, not lunr's)
finding each paper once, at its home card, in the plugin's group above the pages.

MaterialX installs a package named `material`, as Material does: the two cannot share
an environment. So the site is built in one of its own (`.venv-materialx` in the
checkout, made on the first run, kept for the next), where the plugin comes from
this checkout and MaterialX is installed last, over the Material the plugin pulls
in. A site owner who moves to MaterialX does the same (README)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .browsing import require_chromium, static_server
from .conftest import EXAMPLE, ROOT, Built, broken_links, with_config

sync_api = require_chromium()

VENV = ROOT / ".venv-materialx"
MATERIALX = "mkdocs-materialx>=10.2,<11"
TITLE = "Membership Inference Against Synthetic Text Corpora"
HOME = "sd/2024-04-12/#arxiv-2599.00201"  # the paper's home card
THEIR_META = ".md-search-result > .md-search-result__meta:not(.digest-search__status)"


def _venv_python() -> Path:
    """The environment's Python, made on first use: MaterialX and its dependencies
    (Pagefind's binary, ProperDocs), the plugin from this checkout, then MaterialX
    again over the Material the plugin pulls in."""
    python = VENV / "bin" / "python"
    ready = VENV / "materialx-ready"
    if ready.is_file():
        return python
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, MATERIALX], check=True, timeout=900)
    subprocess.run([*pip, "-e", str(ROOT)], check=True, timeout=900)
    subprocess.run([*pip, "--force-reinstall", "--no-deps", MATERIALX], check=True, timeout=900)
    ready.write_text("")
    return python


@pytest.fixture(scope="module")
def materialx_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    python = _venv_python()
    folder = tmp_path_factory.mktemp("materialx")
    settings = yaml_theme(EXAMPLE / "mkdocs.yml")
    config = with_config(EXAMPLE / "mkdocs.yml", folder, theme=settings)
    site = folder / "site"
    command = [str(python), "-m", "properdocs", "build", "--strict", "-f", str(config)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [*command, "-d", str(site)], capture_output=True, text=True, env=env, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return Built(site, done.stderr, done.returncode)


def yaml_theme(config: Path) -> dict[str, object]:
    """The site's theme settings, with MaterialX's name."""
    theme = dict(yaml.safe_load(config.read_text(encoding="utf-8"))["theme"])
    theme["name"] = "materialx"
    return theme


@pytest.fixture(scope="module")
def server(materialx_site: Built) -> Iterator[str]:
    with static_server(materialx_site.site) as url:
        yield url


def test_properdocs_builds_the_site_with_materialx_under_strict(materialx_site: Built) -> None:
    assert "WARNING" not in materialx_site.log
    assert (materialx_site.site / "search" / "pagefind-entry.json").is_file()
    assert (materialx_site.site / "assets" / "mkdocs_digest" / "search").is_dir()
    page = materialx_site.page("sd/2024-03-29/")
    cards = page.select("article.digest-card")
    assert len(cards) == 12
    # The plugin's paper search answers in the box: Pagefind leaves every card out,
    # and every listing's weeks, or a paper would be found on each page it is on.
    assert all(card.has_attr("data-pagefind-ignore") for card in cards)
    weeks = materialx_site.page("sd/").select_one(".digest-listing-weeks")
    assert weeks.has_attr("data-pagefind-ignore")
    assert broken_links(materialx_site) == []


def test_a_title_query_finds_the_paper_once_at_its_home_card(browser, server: str) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "dp/2024-04-12/")  # a week that shows the paper, not its home
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill(TITLE.lower())
    box.press("End")
    papers = page.locator(".digest-search .md-search-result__link")
    papers.first.wait_for(timeout=30_000)
    # MaterialX's own answer (Pagefind's, in the browser) below: its count, or none.
    answered = "/\\d|見つかりませんでした/.test(document.querySelector(%r).textContent)"
    page.wait_for_function(answered % THEIR_META, timeout=30_000)
    assert [papers.nth(i).get_attribute("href") for i in range(papers.count())] == [server + HOME]
    theirs = page.locator(".md-search-result > ol.md-search-result__list a")
    pages = [theirs.nth(i).get_attribute("href") or "" for i in range(theirs.count())]
    assert not [href for href in pages if "#arxiv-" in href or "#week-" in href], pages
    papers.first.click()
    page.wait_for_url(server + HOME)
    assert errors == []
