"""The on-disk cache of cards and related papers (`cache`, `cache_dir`): a second
build reads it, and nothing it holds is ever served stale.

Builds run in this process (the plugin's version can be changed so), each started
as the `mkdocs build` command starts it. A cached card is seen by writing a marker
into the cache file between builds: a build that reads the cache shows the marker,
a build whose templates, labels, options or version changed must not.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from mkdocs_digest import site_model

from .conftest import EXAMPLE, with_config

MARKER = "CachedCardMarker"
PAGE = Path("dp", "2024-03-29", "index.html")  # a digest of the example site
CARD_HTML = Path("digest", "card.html")


class CachedSite:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.config_file = with_config(EXAMPLE / "mkdocs.yml", root, site_dir=str(root / "site"))
        self.cache = root / ".cache" / "plugin" / "digest" / "cards.json"

    def configure(self, **digest: object) -> None:
        settings = yaml.safe_load(self.config_file.read_text(encoding="utf-8"))
        plugins = [p for p in settings["plugins"] if p != "digest" and "digest" not in p]
        settings["plugins"] = [*plugins, {"digest": digest}]
        self.config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")

    def build(self) -> str:
        """A build as the `build` command runs it; a digest page's HTML."""
        config = load_config(str(self.config_file))
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        return (self.root / "site" / PAGE).read_text(encoding="utf-8")

    def mark_cards(self) -> int:
        """Put the marker into every cached card that has a summary; how many."""
        kept = json.loads(self.cache.read_text(encoding="utf-8"))
        marked = 0
        for key, text in kept["texts"].items():
            if "<li" in text:
                kept["texts"][key] = text.replace("<li", f"<li data-m='{MARKER}'", 1)
                marked += 1
        self.cache.write_text(json.dumps(kept), encoding="utf-8")
        return marked


@pytest.fixture
def cached(tmp_path: Path) -> Iterator[CachedSite]:
    site = CachedSite(tmp_path)
    yield site
    # Plugins with on_startup are kept for the whole process: leave them as new.
    load_config(str(site.config_file)).plugins.on_startup(command="build", dirty=False)


def test_a_second_build_takes_its_cards_from_the_cache(cached: CachedSite) -> None:
    first = cached.build()
    assert cached.cache.is_file()
    assert cached.mark_cards() > 10
    second = cached.build()
    assert MARKER not in first
    assert MARKER in second  # read, not made


def test_an_edited_paper_misses_the_cache(cached: CachedSite) -> None:
    cached.build()
    cached.mark_cards()
    docs = cached.root / "docs"
    shutil.copytree(EXAMPLE / "docs", docs)
    with_config(cached.config_file, cached.root, docs_dir=str(docs))
    page = docs / "dp" / "2024-03-29.md"
    text = page.read_text(encoding="utf-8")
    bullet = next(line for line in text.splitlines() if line.startswith("- "))
    page.write_text(text.replace(bullet, bullet + " EditedBullet", 1), encoding="utf-8")
    html = cached.build()
    card = html.split("EditedBullet", 1)[0].rsplit("<article", 1)[1]
    assert MARKER not in card  # the edited card is made anew...
    assert MARKER in html  # ...its neighbours come from the cache


def _template_override(site: CachedSite) -> None:
    theme = site.root / "overrides"
    source = (Path(site_model.__file__).parent / "templates" / CARD_HTML).read_text(
        encoding="utf-8"
    )
    (theme / "digest").mkdir(parents=True)
    (theme / CARD_HTML).write_text(source + "<!-- OverriddenCard -->", encoding="utf-8")
    settings = yaml.safe_load(site.config_file.read_text(encoding="utf-8"))
    settings["theme"]["custom_dir"] = str(theme)
    site.config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")


CHANGES = {
    "template": (_template_override, "OverriddenCard"),
    "labels": (lambda s: s.configure(labels={"summary": "RelabelledSummary"}), "RelabelledSummary"),
    "options": (lambda s: s.configure(max_authors=1), "digest-card__more-authors"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_of_what_cards_are_made_from_misses_the_cache(
    cached: CachedSite, change: str
) -> None:
    cached.build()
    cached.mark_cards()
    apply, shown = CHANGES[change]
    apply(cached)
    html = cached.build()
    assert shown in html
    assert MARKER not in html


def test_another_version_of_the_plugin_misses_the_cache(
    cached: CachedSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached.build()
    cached.mark_cards()
    monkeypatch.setattr(site_model, "__version__", "999.0")
    assert MARKER not in cached.build()


def test_a_broken_cache_is_made_anew_and_said(
    cached: CachedSite, caplog: pytest.LogCaptureFixture
) -> None:
    cached.build()
    cached.cache.write_text('{"format": 1, "texts": {', encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.mkdocs_digest.plugin.build"):
        html = cached.build()
    assert "digest-card" in html
    assert any(str(cached.cache) in r.getMessage() for r in caplog.records)
    assert json.loads(cached.cache.read_text(encoding="utf-8"))["format"] == 1  # rewritten


def test_an_unwritable_cache_warns_naming_the_option(
    cached: CachedSite, caplog: pytest.LogCaptureFixture
) -> None:
    (cached.root / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    cached.configure(cache_dir="blocked/cache")
    with caplog.at_level(logging.WARNING):
        html = cached.build()
    assert "digest-card" in html
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("blocked" in w and "'cache: false'" in w for w in warnings), warnings


def test_cache_false_keeps_nothing(cached: CachedSite) -> None:
    cached.configure(cache=False)
    cached.build()
    assert not (cached.root / ".cache").exists()
