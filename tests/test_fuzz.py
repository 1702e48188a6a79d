"""Property-based tests: the parser never raises, and what it reads, a card shows.

The default run is short enough for CI. A longer session runs the same tests with
`HYPOTHESIS_PROFILE=fuzz pytest tests/test_fuzz.py --hypothesis-show-statistics`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mkdocs_digest.domain.catalog import Catalog
from mkdocs_digest.domain.lines import HEADING, SEPARATOR, arxiv_id
from mkdocs_digest.domain.parser import looks_like_digest, parse_digest
from mkdocs_digest.domain.source import normalize
from mkdocs_digest.rendering.blocks import BlocksExtension, BlockStore
from mkdocs_digest.rendering.context import TEMPLATES
from mkdocs_digest.rendering.links import Links
from mkdocs_digest.rendering.renderer import Renderer
from mkdocs_digest.structure.layout import Layout
from mkdocs_digest.words import labels_for

from .conftest import EXAMPLE

PAGE = "sd/2024-04-05.md"
REAL_PAGES = sorted((EXAMPLE / "docs").rglob("*.md"))
REAL_LINES = [line for path in REAL_PAGES for line in path.read_text(encoding="utf-8").split("\n")]
# Pieces of the format, so that random text often looks like (broken) entries.
FRAGMENTS = [
    "### [",
    "](http://arxiv.org/abs/2599.00001)",
    "](https://arxiv.org/pdf/hep-th/9901001v2.pdf)",
    "**",
    "**トピック:** ",
    "[合成データ](../../sd)",
    "](../../",
    ", **カテゴリ:** ",
    "**投稿日時:** 2024-04-04 17:58",
    "**投稿日:** ",
    "**Comment:** ",
    "- ",
    "-\u3000",
    "---",
    "- - -",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\ufeff",
    "---\ntitle: x\ndate: 2024-13-45\n---\n",
    " ",
    "\t",
    "<script>",
    "`",
    "[",
    "]",
    "(",
    ")",
]


def check_invariants(text: str) -> None:
    """Parse, then check what every page must satisfy, whatever its text."""
    digest = parse_digest(text, PAGE)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff").split("\n")
    for diagnostic in digest.diagnostics:
        assert 1 <= diagnostic.line <= len(lines), diagnostic
    regions = sorted(digest.spans + digest.unread)
    for (_, end), (start, _) in itertools.pairwise(regions):
        assert end <= start, regions  # cards and kept text never overlap
    assert all(1 <= start < end <= len(lines) + 1 for start, end in regions)
    entries = {(entry.line, entry.end) for entry in digest.entries}
    for start, end in digest.spans:  # a span is a card or a separator beside one
        assert (start, end) in entries or (
            end == start + 1 and SEPARATOR.match(lines[start - 1].replace("\ufeff", ""))
        )
    for start, _ in digest.unread:  # kept text is always reported
        assert any(d.level == "error" for d in digest.diagnostics)
        assert start not in {entry.line for entry in digest.entries}
    if digest.entries:
        assert looks_like_digest(normalize(text), PAGE)  # the fast path never skips a digest
    render_page(text, digest)


def site_of(digest) -> tuple[Renderer, list, dict[str, str]]:
    """A one-digest site: its renderer, generated pages and page URLs."""
    catalog = Catalog.build([digest])
    pages, _ = Layout().pages(catalog)
    urls = {PAGE: "sd/2024-04-05/", **{p.src_uri: p.src_uri + "/" for p in pages}}
    return Renderer(catalog, pages, [TEMPLATES], labels_for("ja")), pages, urls


def render_page(text: str, digest) -> str:
    renderer, pages, urls = site_of(digest)
    store = BlockStore()
    markdown = renderer.digest_markdown(text, 1, digest, Links(urls, PAGE), store)
    for page in pages:
        renderer.listing_markdown("", page, Links(urls, page.src_uri), store, marker="", title=True)
    return markdown


FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text())
def test_parser_never_raises_on_arbitrary_text(text: str) -> None:
    check_invariants(text)


@FUZZ
@given(st.lists(st.sampled_from(FRAGMENTS) | st.sampled_from(REAL_LINES) | st.text(max_size=8)))
def test_parser_never_raises_on_text_made_of_the_formats_pieces(parts: list[str]) -> None:
    check_invariants("".join(parts))


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A real page with lines deleted, duplicated, moved, cut or overwritten."""
    path = draw(st.sampled_from(REAL_PAGES))
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "move", "cut", "insert", "crlf"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
        elif action == "cut":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] if draw(st.booleans()) else lines[i][at:]
        elif action == "insert":
            at = draw(st.integers(0, len(lines[i])))
            piece = draw(st.sampled_from(FRAGMENTS) | st.text(max_size=5))
            lines[i] = lines[i][:at] + piece + lines[i][at:]
        else:
            lines[i] += "\r"
        if not lines:
            lines = [""]
    return "\n".join(lines)


@FUZZ
@given(mutated_pages())
def test_parser_never_raises_on_mutated_real_pages(text: str) -> None:
    check_invariants(text)


# -- generated valid entries round-trip into cards ---------------------------------

# Text that Markdown leaves as it is, with the characters HTML must escape. No ";":
# "&name;" is a character reference in Markdown, shown as the character it names.
WORD = st.text(
    st.characters(
        categories=["L", "N"], include_characters="<>&\"'.:!?/%=+~@$^|{}", exclude_characters="_"
    ),
    min_size=1,
    max_size=12,
)
PHRASE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
# A paragraph that starts with "+ " or "1. " is a list in Markdown, not commentary.
PROSE = PHRASE.filter(lambda text: text[0].isalpha())
NAME = st.lists(
    st.text(st.characters(categories=["L"]), min_size=1, max_size=10), min_size=1, max_size=3
).map(" ".join)
SLUG = st.from_regex(r"[a-z][a-z0-9\-]{0,10}", fullmatch=True)
CATEGORY = st.from_regex(r"(cs|stat|math|eess)\.[A-Z]{2}", fullmatch=True)
MOMENT = st.datetimes(dt.datetime(1991, 8, 1), dt.datetime(2099, 12, 31)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)


@st.composite
def entries(draw: st.DrawFn) -> dict[str, object]:
    number = draw(st.integers(1, 99999))
    moment, has_time = draw(MOMENT), draw(st.booleans())
    return {
        "id": f"{draw(st.integers(700, 2912)):04d}.{number:05d}",
        "title": draw(PHRASE),
        "title_ja": draw(st.none() | PHRASE),
        "authors": draw(st.lists(NAME, min_size=1, max_size=12)),
        "bullets": draw(st.lists(PHRASE, min_size=1, max_size=5)),
        "commentary": draw(st.none() | PROSE),
        "comment": draw(st.none() | PHRASE),
        "topics": draw(st.dictionaries(SLUG, PHRASE, min_size=1, max_size=3)),
        "categories": draw(st.lists(CATEGORY, min_size=1, max_size=4, unique=True)),
        "published": moment if has_time else moment.replace(hour=0, minute=0),
        "has_time": has_time,
    }


def entry_markdown(e: dict) -> str:
    topics = ", ".join(f"[{name}](../../{slug})" for slug, name in e["topics"].items())
    when = e["published"].strftime("%Y-%m-%d %H:%M" if e["has_time"] else "%Y-%m-%d")
    key = "投稿日時" if e["has_time"] else "投稿日"
    parts = [f"### [{e['title']}](http://arxiv.org/abs/{e['id']})"]
    if e["title_ja"]:
        parts.append(f"**{e['title_ja']}**")
    parts.append(", ".join(e["authors"]))
    parts.append("\n".join(f"- {bullet}" for bullet in e["bullets"]))
    if e["commentary"]:
        parts.append(e["commentary"])
    if e["comment"]:
        parts.append(f"**Comment:** {e['comment']}")
    parts.append(
        f"**トピック:** {topics}, **カテゴリ:** {', '.join(e['categories'])}, **{key}:** {when}"
    )
    return "\n\n".join(parts) + "\n"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@FUZZ
@given(entries())
def test_a_valid_entry_becomes_a_card_that_shows_every_field(e: dict) -> None:
    assume(arxiv_id(f"http://arxiv.org/abs/{e['id']}"))
    text = "# Week\n\n" + entry_markdown(e)
    assert HEADING.match(text.split("\n")[2])
    digest = parse_digest(text, PAGE)
    assert digest.diagnostics == []
    (entry,) = digest.entries
    paper = entry.paper
    assert (paper.arxiv_id, paper.title, paper.title_ja) == (e["id"], e["title"], e["title_ja"])
    assert list(paper.authors) == e["authors"]
    assert list(paper.summary) == e["bullets"]
    assert (paper.commentary, paper.comment) == (e["commentary"], e["comment"])
    assert {t.slug: t.name for t in paper.topics} == e["topics"]
    assert list(paper.categories) == e["categories"]
    assert paper.published is not None and paper.published.value == e["published"]

    renderer, _, urls = site_of(digest)  # max_authors 5: the rest are in the expander
    store = BlockStore()
    (card_view,) = renderer.digests.view(digest, Links(urls, PAGE)).cards
    placeholder = store.add(renderer.digests.card(card_view))
    html = markdown.Markdown(extensions=[BlocksExtension(store)]).convert(placeholder)
    card = BeautifulSoup(html, "html.parser").select_one("article.digest-card")
    assert card["id"] == entry.anchor
    assert card.select_one("h3").get_text() == e["title"]
    assert card.select_one("h3 a")["href"] == f"https://arxiv.org/abs/{e['id']}"
    shown = squash(card.get_text(" "))
    fields = [e["title_ja"], e["commentary"], e["comment"], *e["authors"], *e["bullets"]]
    for field in fields:
        assert field is None or squash(field) in shown, field
    assert [c.get_text() for c in card.select("a.digest-chip")] == list(e["topics"].values())
    assert [c.get_text() for c in card.select(".digest-card__categories li")] == e["categories"]
    when = e["published"].strftime("%Y-%m-%dT%H:%M" if e["has_time"] else "%Y-%m-%d")
    assert card.select_one("time")["datetime"] == when
