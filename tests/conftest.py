"""Shared helpers: real `mkdocs build` runs and a real HTML parser."""

from __future__ import annotations

import json
import os
import posixpath
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import settings

# `HYPOTHESIS_PROFILE=fuzz` runs the property tests for a long session; CI gets
# Hypothesis' own derandomized "ci" profile.
settings.register_profile("fuzz", max_examples=10_000)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example-site"
CORPUS = ROOT.parent / "shared" / "corpus" / "2024-12-30"
SEED = ROOT.parent / "shared" / "seed" / "000_385ceabab8d6389d.txt"


@dataclass
class Built:
    site: Path
    log: str
    returncode: int

    def page(self, url_path: str) -> BeautifulSoup:
        """The built page at a site path such as 'sd/2024-03-29/' or 'dp/index.html'."""
        path = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[Path]:
        """The site's pages: not 404.html, nor a series' `latest.html` (which sends
        the reader on to a page)."""
        skipped = {"404.html", "latest.html"}
        return sorted(p for p in self.site.rglob("*.html") if p.name not in skipped)


def build(config_file: Path, site_dir: Path, *, strict: bool = True) -> Built:
    """Run the real `mkdocs build` (no -q: quiet mode hides warnings from --strict)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    return Built(site_dir, done.stdout + done.stderr, done.returncode)


def write_site(root: Path, docs: dict[str, str], **config: object) -> Path:
    """A site in `root` with the given docs and mkdocs.yml settings; returns mkdocs.yml."""
    for name, text in docs.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    settings = {
        "site_name": "Test",
        "site_url": "https://example.org/",  # feeds need it; `site_url=None` unsets it
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", "digest"],
        **config,
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config_file


def with_config(source: Path, target_dir: Path, **changes: object) -> Path:
    """A copy of a mkdocs.yml with some settings changed, docs_dir kept absolute."""
    settings = yaml.safe_load(source.read_text(encoding="utf-8"))
    settings["docs_dir"] = str((source.parent / settings.get("docs_dir", "docs")).resolve())
    settings.update(changes)
    target_dir.mkdir(parents=True, exist_ok=True)
    config_file = target_dir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config_file


def resolve(site: Path, page_file: Path, href: str) -> tuple[Path, str] | None:
    """The built file and fragment a local href leads to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    if not parts.path:
        return page_file, unquote(parts.fragment)
    base = page_file.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    path = site / target
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def parsed(page_file: Path) -> lxml.html.HtmlElement:
    """A built page as lxml's tree: the link and id checks read every page of a
    site, and lxml reads them twenty times faster than BeautifulSoup."""
    return lxml.html.fromstring(page_file.read_bytes())


def broken_links(built: Built, selector: str = "a[href]") -> list[str]:
    """Every local link on every page whose file or fragment does not exist."""
    ids: dict[Path, set[str]] = {}
    problems = []
    for page_file in built.pages():
        for link in parsed(page_file).cssselect(selector):
            href = link.get("href")
            target = resolve(built.site, page_file, href)
            if target is None:
                continue
            path, fragment = target
            if not path.is_file():
                problems.append(f"{page_file.relative_to(built.site)}: {href} (no page)")
                continue
            if fragment:
                if path not in ids:
                    ids[path] = set(parsed(path).xpath("//@id"))
                if fragment not in ids[path]:
                    problems.append(f"{page_file.relative_to(built.site)}: {href} (no id)")
    return problems


def duplicate_ids(built: Built) -> list[str]:
    """Every id that appears more than once on a page, as 'page: id'."""
    problems = []
    for page_file in built.pages():
        ids = Counter(parsed(page_file).xpath("//@id"))
        rel = page_file.relative_to(built.site)
        problems += [f"{rel}: {name} x{count}" for name, count in ids.items() if count > 1]
    return problems


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build(EXAMPLE / "mkdocs.yml", tmp_path_factory.mktemp("example") / "site")
    assert built.returncode == 0, built.log
    return built


# The real-size site's theme: Material with the tabs and code copy buttons real sites
# turn on (the wayfinding and copy-control tests read them), light and dark.
REALSIZE_THEME = {
    "name": "material",
    "features": ["navigation.tabs", "content.code.copy"],
    "palette": [
        {"media": "(prefers-color-scheme: light)", "scheme": "default"},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate"},
    ],
}


@dataclass
class RealSite:
    built: Built
    docs: Path  # bench/realsite.py's docs folder


@pytest.fixture(scope="session")
def realsize(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bool], RealSite]:
    """The real-size site (bench/realsite.py), built once per URL style for the run:
    its HTML checks and its browser tests read the same build."""
    from bench.realsite import make_site

    made: dict[bool, RealSite] = {}

    def get(directory_urls: bool) -> RealSite:
        if directory_urls not in made:
            tmp = tmp_path_factory.mktemp("realsize")
            make_site(tmp / "docs")
            config = write_site(tmp, {}, theme=REALSIZE_THEME, use_directory_urls=directory_urls)
            built = build(config, tmp / "site")
            assert built.returncode == 0, built.log
            assert "WARNING" not in built.log
            made[directory_urls] = RealSite(built, tmp / "docs")
        return made[directory_urls]

    return get


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, started once for the run; each test opens its own context.
    The modules that use it call `require_chromium()` first, which skips them (but
    not under CI) where the browser is missing."""
    from .browsing import chromium, require_chromium

    with chromium(require_chromium()) as started:
        yield started


def needs_corpus() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not present at {CORPUS}")


# The modules whose tests drive a browser, build the real-size site or the corpus,
# run other plugins, serve, or build again and again: `pytest -m "not slow"` leaves
# them out for daily work (README). CI runs everything.
SLOW_MODULES = frozenset(
    {
        "test_accessibility",
        "test_browser",
        "test_company",
        "test_corpus",
        "test_incremental",
        "test_materialx",
        "test_realsize",
        "test_realsize_browser",
        "test_reader_week_browser",
        "test_safety_browser",
        "test_serve",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.module is not None and item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def site_bibtex(site: Path) -> dict[str, str]:
    """arXiv id -> its BibTeX entry, from every chunk the build wrote
    (`papers-bib-<k>.json`), each paper in exactly one."""
    entries: dict[str, str] = {}
    for path in sorted((site / "assets" / "mkdocs_digest").glob("papers-bib-*.json")):
        chunk = json.loads(path.read_text(encoding="utf-8"))
        assert not entries.keys() & chunk.keys(), path
        entries |= chunk
    assert entries, f"no citations in {site}"
    return entries


def search_records(site: Path) -> list[list[str]]:
    """The paper search's records, in the index's order (`search/papers-<c>.json`):
    [arXiv id, title, Japanese title, authors, card URL from the root, week, text]."""
    folder = site / "assets" / "mkdocs_digest" / "search"
    chunks = sorted(folder.glob("papers-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    return [row for chunk in chunks for row in json.loads(chunk.read_text(encoding="utf-8"))]
