"""A site of the real size, built for real with the plugin's defaults.

`bench/realsite.py` makes it from the shared corpus: 413 digests in 15 series (the
source site had 308 in 11 after nine months). Each built page is parsed once with a
real HTML parser into the facts the tests below check, under both URL styles.
"""

from __future__ import annotations

import json
import posixpath
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from .conftest import RealSite, needs_corpus, resolve, search_records

pytestmark = needs_corpus()


@dataclass
class PageFacts:
    ids: set[str]
    links: list[str]  # every local href
    nav_top: int  # top-level items of the primary nav
    nav_links: int  # links in the primary nav, without the page's own TOC in it
    rows: list[str]  # listing rows: hrefs of a topic or series page's papers
    cards: list[str]  # card ids on a digest page
    card_topics: dict[str, list[str]] = field(default_factory=dict)  # card id -> chip hrefs


@dataclass
class Site:
    root: Path
    docs: Path
    pages: dict[Path, PageFacts]
    series: list[str]

    def file(self, stem: str) -> Path:
        """The built page of `stem` ('sd', 'sd/archive'), whatever the URL style."""
        folder = self.root / stem / "index.html"
        return folder if folder.is_file() else self.root / f"{stem}.html"


def _has(cls: str) -> str:
    """An XPath test for an element with the class `cls`, as CSS's `.cls`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def read(page_file: Path) -> PageFacts:
    # lxml's own tree, queried with XPath: twenty times faster than BeautifulSoup on
    # these pages, and this site has hundreds.
    tree = lxml.html.fromstring(page_file.read_bytes())
    navs = tree.xpath(f"//nav[{_has('md-nav--primary')}]")
    if navs:
        nav = navs[0]
        for toc in nav.xpath(f".//nav[{_has('md-nav--secondary')}]"):
            toc.getparent().remove(toc)
        top = nav.xpath(f".//ul[{_has('md-nav__list')}]")
        nav_top = len(top[0].xpath("./li")) if top else 0
        nav_links = len(nav.xpath(".//a[@href]"))
    else:
        nav_top = nav_links = 0
    cards = tree.xpath(f"//article[{_has('digest-card')}]")
    rows = f"//*[{_has('digest-listing-weeks')}]//a[{_has('digest-listing__title')}]/@href"
    return PageFacts(
        ids=set(tree.xpath("//@id")),
        links=list(tree.xpath("//a/@href")),
        nav_top=nav_top,
        nav_links=nav_links,
        rows=list(tree.xpath(rows)),
        cards=[card.get("id") for card in cards],
        card_topics={
            card.get("id"): list(card.xpath(f".//ul[{_has('digest-chips')}]//a/@href"))
            for card in cards
        },
    )


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def site(request: pytest.FixtureRequest, realsize: Callable[[bool], RealSite]) -> Site:
    real = realsize(request.param)
    series = sorted(p.name for p in real.docs.iterdir() if p.is_dir())
    assert len(list(real.docs.glob("*/*.md"))) >= 300 and len(series) >= 10
    pages = {path: read(path) for path in real.built.pages()}
    return Site(real.built.site, real.docs, pages, series)


def local_target(site: Site, page: Path, href: str) -> tuple[Path, str] | None:
    return resolve(site.root, page, href)


def test_no_local_link_or_anchor_is_broken(site: Site) -> None:
    broken = []
    for page, facts in site.pages.items():
        for href in facts.links:
            target = local_target(site, page, href)
            if target is None:
                continue
            path, fragment = target
            if path not in site.pages and not path.is_file():
                broken.append(f"{page.relative_to(site.root)}: {href}")
            elif fragment and path in site.pages and fragment not in site.pages[path].ids:
                broken.append(f"{page.relative_to(site.root)}: {href} (no id)")
    assert broken == []


def test_the_nav_stays_compact_on_every_page(site: Site) -> None:
    series = len(site.series)
    # Fifteen series share one top-level section: a tab bar holds the top level.
    assert max(f.nav_top for f in site.pages.values()) <= 9
    # A section: the listing, the latest week, the archive (and the page shown).
    assert max(f.nav_links for f in site.pages.values()) <= series * 3 + 10
    # ...and it does hold a section per series.
    assert min(f.nav_links for f in site.pages.values()) >= series * 3


def test_the_median_digest_page_weighs_under_100_kb(site: Site) -> None:
    # The bench budget. 72 KB before each card carried its BibTeX and COinS span
    # (about 0.9 KB a card), 86 KB before the nav held each series' archive and named
    # weeks by their date; MkDocs' own page of the same site, without the plugin,
    # weighs 178 KB.
    digests = [p for p in site.pages if posixpath.basename(_stem(site, p))[:2] == "20"]
    assert len(digests) >= 300
    median = statistics.median(p.stat().st_size for p in digests)
    assert median < 100 * 1024, median


def test_the_median_listing_page_weighs_under_one_and_a_half_times_its_titles_only_weight(
    site: Site,
) -> None:
    # Rows named only the two titles: 68 KB a page (directory URLs); with the first
    # authors and the date, the budget is 1.5 times that.
    listings = [p for p in site.pages if posixpath.basename(_stem(site, p))[:2] != "20"]
    listings = [p for p in listings if p.read_bytes().count(b"digest-listing__item") > 5]
    assert len(listings) >= 100
    median = statistics.median(p.stat().st_size for p in listings)
    assert median < 1.5 * 68 * 1024, median


def _stem(site: Site, page: Path) -> str:
    rel = page.relative_to(site.root).as_posix()
    return rel.removesuffix("/index.html").removesuffix(".html")


def _listing_pages(site: Site, folder: str) -> list[Path]:
    """Page 1 of a listing and its numbered pages, in order."""
    first = site.file(folder)
    assert first in site.pages, folder
    numbered = sorted(
        (p for p in site.pages if _stem(site, p).startswith(f"{folder}/page/")),
        key=lambda p: int(posixpath.basename(_stem(site, p))),
    )
    return [first, *numbered]


def _listed(site: Site, folder: str) -> list[tuple[Path, str]]:
    """Every (digest page, card id) a listing's pages link to, in order."""
    listed = []
    for page in _listing_pages(site, folder):
        for href in site.pages[page].rows:
            target = local_target(site, page, href)
            assert target is not None, href
            listed.append(target)
    return listed


def _follow_pager(site: Site, pages: list[Path]) -> set[Path]:
    """The listing pages reached from page 1 through links between them."""
    reached, todo = {pages[0]}, [pages[0]]
    while todo:
        page = todo.pop()
        for href in site.pages[page].links:
            target = local_target(site, page, href)
            if target and target[0] in pages and target[0] not in reached:
                reached.add(target[0])
                todo.append(target[0])
    return reached


def test_paginated_topics_list_each_paper_once_across_pages_that_resolve(site: Site) -> None:
    paginated = 0
    for folder in site.series:
        pages = _listing_pages(site, folder)
        paginated += len(pages) > 1
        # The pager shows a window of numbers (1 … 4 5 [6] 7 8 … 14): following it
        # from page 1 reaches every page.
        assert _follow_pager(site, pages) == set(pages), folder
        listed = _listed(site, folder)
        ids = [fragment for _, fragment in listed]
        assert len(ids) == len(set(ids)), folder
        for path, fragment in listed:
            assert fragment in site.pages[path].ids, (folder, path, fragment)
    assert paginated >= 3  # sd, sd1, sd2 hold 1,227 papers each: 13 pages of 100


def test_a_paper_with_two_topics_is_listed_on_both_topic_pages(site: Site) -> None:
    topics_of: dict[str, set[str]] = defaultdict(set)  # card id -> topic folders
    for page, facts in site.pages.items():
        for card, chips in facts.card_topics.items():
            for href in chips:
                target = local_target(site, page, href)
                assert target is not None
                topics_of[card].add(_stem(site, target[0]))  # a topic page: sd/index.html
    listed_in: dict[str, set[str]] = defaultdict(set)
    for folder in site.series:
        for _, fragment in _listed(site, folder):
            listed_in[fragment].add(folder)
    two = {card: topics for card, topics in topics_of.items() if len(topics) >= 2}
    assert len(two) > 100
    for card, topics in two.items():
        assert topics <= listed_in[card], card


def test_every_week_of_every_series_is_reachable_from_its_listing_or_archive(site: Site) -> None:
    for folder in site.series:
        weeks = {p.stem for p in (site.docs / folder).glob("*.md")}
        reachable = set()
        for page in [*_listing_pages(site, folder), site.file(f"{folder}/archive")]:
            for href in site.pages[page].links:
                target = local_target(site, page, href)
                if target is not None:
                    reachable.add(_stem(site, target[0]))
        assert {f"{folder}/{week}" for week in weeks} <= reachable, folder


def test_search_finds_each_paper_once_at_its_home_card(site: Site) -> None:
    """Material's search box answers paper queries from the plugin's index: each
    paper once, leading to the card its first topic's page links to (in the topic's
    own series), with the text it is searched by. Material's own index keeps every
    page's title and no paper's text."""
    papers = json.loads((site.root / "papers.json").read_text(encoding="utf-8"))["papers"]
    ours = site.root / "assets" / "mkdocs_digest"
    index = json.loads((ours / "papers-index.json").read_text(encoding="utf-8"))
    records = search_records(site.root)
    assert len(index["papers"]) == len(records) == len(papers) > 3000
    searched = {record[0]: n for n, record in enumerate(records)}
    assert len(searched) == len(papers)  # once each
    for paper in papers:
        n = searched[paper["arxiv_id"]]
        first = paper["topics"][0]
        own = [a for a in paper["appearances"] if a["page"].startswith(first + "/")]
        home = (own or paper["appearances"])[0]["url"].removeprefix("https://example.org/")
        assert records[n][4] == home
        assert records[n][1] == paper["title"].strip()
        assert paper["summary"][0].split()[0] in records[n][6]
    # Split: no file of the index holds more than a few dozen papers' worth.
    sizes = [p.stat().st_size for p in (ours / "search").glob("*.json")]
    assert len(sizes) > 100 and max(sizes) < 200_000, (len(sizes), max(sizes))
    material = json.loads((site.root / "search" / "search_index.json").read_text())["docs"]
    assert not [d for d in material if "#arxiv-" in d["location"]]
    titles = {paper["title"].strip() for paper in papers}
    assert not [d["location"] for d in material if any(t in d["text"] for t in titles)]
    found = {d["location"].split("#")[0] for d in material}
    assert len(found) == len(site.pages) > 500  # every page, found by its title


def test_a_page_left_out_of_the_compact_nav_is_placed_in_its_series_section(
    site: Site,
) -> None:
    """An old digest, a topic's page 2 and its archive open with their series' section
    open in the sidebar and themselves marked in it, named as the section names them
    (a week by its date, since the section names the series)."""
    oldest = sorted(p.stem for p in (site.docs / "sd").glob("20*.md"))[0]
    expected = {  # the site has Material's default language, English
        f"sd/{oldest}": f"Week of {oldest}",
        "sd/page/2": "Page 2",
        "sd/archive": "Archive of weeks",
    }
    for stem, label in expected.items():
        tree = lxml.html.fromstring(site.file(stem).read_bytes())
        nav = tree.xpath(f"//nav[{_has('md-nav--primary')}]")[0]
        for toc in nav.xpath(f".//nav[{_has('md-nav--secondary')}]"):
            toc.getparent().remove(toc)
        current = nav.xpath(f".//a[{_has('md-nav__link--active')}]")
        assert [" ".join(a.text_content().split()) for a in current] == [label], stem
        # Its nearest section (the series share one, "Weekly digests", around them).
        section = current[0].xpath(f"ancestor::li[{_has('md-nav__item--nested')}]")[-1]
        assert " ".join(section.xpath("./label")[0].text_content().split()) == "合成データ"
        assert section.xpath("./input[@checked]"), stem  # the section is open
        # The listing, the fixed link to the latest week, the page, "older weeks".
        names = [" ".join(a.text_content().split()) for a in section.xpath(".//a")]
        assert names[:2] == ["合成データ", "Latest week"] and names[-1] == "Archive of weeks"
        assert label in names[2:], names
    # A page in the nav is not placed twice; the first week page has no place marked.
    newest = lxml.html.fromstring(site.file("sd").read_bytes())
    assert len(newest.xpath(f"//a[{_has('md-nav__link--active')}]")) == 1


def test_the_overview_names_each_topics_most_frequent_authors_linking_to_the_explorer(
    site: Site,
) -> None:
    """Each topic row names its authors of two papers or more, most papers first (at
    most three), with the count papers.json gives; each links to the explorer,
    filtered to the author."""
    papers = json.loads((site.root / "papers.json").read_text(encoding="utf-8"))["papers"]
    overview = site.file("topics")
    tree = lxml.html.fromstring(overview.read_bytes())
    named = 0
    for row in tree.xpath(f"//table[{_has('digest-overview')}]/tbody/tr"):
        href = row.xpath("./th/a/@href")[0]
        slug = posixpath.basename(href.removesuffix("/").removesuffix("/index.html"))
        slug = slug.removesuffix(".html")
        counts: dict[str, int] = defaultdict(int)
        for paper in papers:
            if slug in paper["topics"]:
                for name in set(paper["authors"]):
                    counts[name] += 1
        listed = [
            (item.xpath("./a")[0], int(item.xpath("./small")[0].text_content().split()[0]))
            for item in row.xpath(f".//ul[{_has('digest-overview__authors')}]/li")
        ]
        shown = [(link.text_content(), n) for link, n in listed]
        assert shown == sorted(shown, key=lambda item: (-item[1], item[0]))[:3]
        assert all(n >= 2 and counts[name] == n for name, n in shown), (slug, shown)
        rest = [n for name, n in counts.items() if name not in dict(shown)]
        if rest:
            assert max(rest) <= (shown[-1][1] if len(shown) == 3 else 1), (slug, shown)
        for link, _ in listed:
            found = resolve(site.root, overview, link.get("href"))
            assert found is not None and found[0] == site.file("papers"), link.get("href")
            query = parse_qs(urlsplit(link.get("href")).query)
            assert query == {"author": [link.text_content()]}
        named += bool(shown)
    assert named >= 10  # the corpus' topics have authors of several papers
