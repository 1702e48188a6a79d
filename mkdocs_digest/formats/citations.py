"""Citations: BibTeX in arXiv's own style, and COinS for Zotero. No MkDocs.

A key is the first author's surname, the year and the first word of the title that
is not a small word (`vaswani2017attention`), as arXiv and Google Scholar make them;
keys are unique across the site (a second `smith2024deep` becomes `smith2024deepb`),
given in the catalog's order, so a paper keeps its key from build to build. Every
field is escaped for LaTeX, whatever the digest holds, except inline math: a title's
`$k$-Step` stays `$k$-Step`, as arXiv's own export keeps it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from ..domain.catalog import Catalog
from ..domain.model import Paper, is_arxiv_category
from ..domain.text import fnv1a
from .context import FileContext
from .json_text import as_script, compact_json
from .latex import latex

_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "on",
        "of",
        "in",
        "for",
        "to",
        "and",
        "with",
        "is",
        "are",
        "by",
        "from",
        "at",
        "as",
        "via",
    }
)
_NOT_KEY = re.compile(r"[^a-z0-9]")


def citation_keys(catalog: Catalog) -> dict[str, str]:
    """arXiv id -> BibTeX key, unique across the site."""
    keys: dict[str, str] = {}
    taken: set[str] = set()
    for arxiv_id in catalog.appearances:
        base = _base_key(catalog.paper(arxiv_id))
        key, n = base, 0
        while key in taken:
            n += 1
            key = base + _suffix(n)
        taken.add(key)
        keys[arxiv_id] = key
    return keys


def bibtex(paper: Paper, key: str) -> str:
    fields = [
        ("title", latex(" ".join(paper.title.split()))),
        ("author", " and ".join(_person(a) for a in paper.authors)),
        ("year", str(year(paper))),
        ("eprint", paper.arxiv_id),
        ("archivePrefix", "arXiv"),
    ]
    primary = next((c for c in paper.categories if is_arxiv_category(c)), None)
    if primary:
        fields.append(("primaryClass", primary))
    fields.append(("url", paper.abs_url))
    body = ",\n".join(f"      {name}={{{value}}}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}"


def bib_file(papers: Iterable[Paper], entry: Callable[[Paper], str]) -> Iterator[str]:
    """A .bib file, in pieces of one entry each; `entry` makes a paper's (`bibtex`
    with its key, or a kept one)."""
    for n, paper in enumerate(papers):
        if n:
            yield "\n\n"
        yield entry(paper)
    yield "\n"


def coins(paper: Paper) -> str:
    """The `title` of a COinS span (OpenURL 1.0 KEV): what Zotero reads of the page.

    Zotero's OpenURL reader (zotero/utilities, openurl.js) makes every journal-format
    record a Journal Article, whatever its `rft.genre`; a Dublin Core record takes
    its item type from `rft.type` when Zotero has that type. So a paper is a Dublin
    Core `preprint`: its title, authors and date, arXiv as its repository
    (`rft.publisher`), arXiv's DOI for it (10.48550/arXiv.<id>, which names the id)
    and its abstract URL."""
    pairs = [
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
        ("rft.type", "preprint"),
        ("rft.title", " ".join(paper.title.split())),
        *(("rft.au", author) for author in paper.authors),
        ("rft.date", paper.published.value.date().isoformat() if paper.published else ""),
        ("rft.publisher", "arXiv"),
        ("rft.language", "en"),
        ("rft_id", f"info:doi/{paper.doi}"),
        ("rft_id", paper.abs_url),
    ]
    return "&".join(f"{k}={_form(v)}" for k, v in pairs if v)


# A form value as `urllib.parse.quote_plus` writes it: letters, digits and `_.~-` as
# they are, a space as `+`, any other character as its UTF-8 bytes in `%XX`. A card's
# COinS took as long as the rest of its markup with `urlencode`; titles and names are
# mostly ASCII, which one translation table encodes.
_ASCII = str.maketrans(
    {
        chr(c): "+" if c == 32 else f"%{c:02X}"
        for c in range(128)
        if not (chr(c).isalnum() or chr(c) in "_.~-")
    }
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _form(value: str) -> str:
    value = value.translate(_ASCII)
    if value.isascii():
        return value
    return _NON_ASCII.sub(lambda run: _percent(run.group(0)), value)


@functools.lru_cache(maxsize=1024)  # the same letters, again and again
def _percent(text: str) -> str:
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8"))


# BibTeX splits an author list at every " and " outside braces, in any case.
_AND = re.compile(r"\sand\s", re.IGNORECASE)


def _person(author: str) -> str:
    """One author as BibTeX reads one: a name holding " and " ("ATLAS and CMS
    Collaborations") is braced whole, or BibTeX would read several people."""
    text = latex(author)
    return f"{{{text}}}" if _AND.search(author) else text


def year(paper: Paper) -> int:
    """The submission year; from a new-style id (`2404.…`) when the digest gives none."""
    if paper.published:
        return paper.published.value.year
    m = re.match(r"(\d{2})\d{2}\.", paper.arxiv_id)
    return 2000 + int(m.group(1)) if m else 0


@functools.lru_cache(maxsize=1 << 16)  # under `mkdocs serve`, most papers stay the same
def _base_key(paper: Paper) -> str:
    surname = _ascii_word(paper.authors[0].split()[-1]) if paper.authors else ""
    words = (_ascii_word(w) for w in paper.title.split())  # lazily: the first few do
    first = next((w for w in words if w and w not in _SMALL_WORDS), "")
    return f"{surname or 'anon'}{year(paper) or ''}{first}"


def _ascii_word(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return _NOT_KEY.sub("", plain.lower())


def _suffix(n: int) -> str:
    """b, c, ..., z, ba, bb, ...: letters after the first key (which has none)."""
    letters = ""
    while True:
        n, r = divmod(n, 26)
        letters = chr(ord("a") + r) + letters
        if n == 0:
            return letters


# Every paper's BibTeX by arXiv id, for the card's "Cite" and the reading list
# (digest.js): fetched when a reader first asks, not carried by every card (it was a
# ninth of a digest page), and in chunks, so that one card's citation fetches one
# chunk of a few dozen papers, however big the site (the whole file was 1.3 MB at
# the real size, 12.5 MB at ten times it). `{k}`: the chunk's number.
CITATIONS = "assets/mkdocs_digest/papers-bib-{k}.json"
PAPERS_PER_CHUNK = 64  # at most, on average: about 30 KB of BibTeX


def citation_chunks(papers: int) -> int:
    """How many chunks `papers` papers are split into: a power of two, so that a
    growing site changes their number (and every chunk) seldom."""
    chunks = 1
    while chunks * PAPERS_PER_CHUNK < papers:
        chunks *= 2
    return chunks


def chunk_of(arxiv_id: str, chunks: int) -> int:
    """The chunk a paper's entry is in: FNV-1a over the id's UTF-8 bytes, as
    js/src/citations.js computes it."""
    return fnv1a(arxiv_id) % chunks


class BibFiles:
    """A .bib file of each topic's papers, beside its topic page, and every paper's
    entry in chunks of JSON (`CITATIONS`)."""

    def wanted(self, context: FileContext) -> bool:
        return context.extras.citations

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        keys, memo = context.citation_keys, context.memo

        def entry(paper: Paper) -> str:
            key = keys[paper.arxiv_id]
            return memo.get(("bibtex", paper, key), functools.partial(bibtex, paper, key))

        for listing in context.topic_listings:
            yield listing.bib, bib_file((e.paper for e in listing.entries), entry)
        catalog = context.catalog
        chunks = citation_chunks(len(catalog.appearances))
        by_chunk: list[list[Paper]] = [[] for _ in range(chunks)]
        for arxiv_id in catalog.appearances:
            by_chunk[chunk_of(arxiv_id, chunks)].append(catalog.paper(arxiv_id))
        for k, papers in enumerate(by_chunk):
            path = CITATIONS.format(k=k)
            yield path, _json_entries(papers, entry)
            if context.extras.offline:
                name = path.rpartition("/")[2]
                script = as_script(name, _json_entries(papers, entry))
                yield path.removesuffix(".json") + ".js", script


def _json_entries(papers: Iterable[Paper], entry: Callable[[Paper], str]) -> Iterator[str]:
    yield "{"
    for n, paper in enumerate(papers):
        yield ("," if n else "") + compact_json(paper.arxiv_id) + ":" + compact_json(entry(paper))
    yield "}\n"
