"""The paper search's index, split by what a query needs. No MkDocs.

Material's search builds a lunr index in the reader's browser from every word of the
site: at the real size it answered after 16 s, and its Japanese word splitting splits
the index's text and the typed query differently. The plugin knows its papers, so
digest.js answers paper queries in the theme's search box itself, from this index.

A query fetches the shards of its own terms and the records of the papers it shows,
never the whole catalogue: a few hundred kilobytes at any size, where one file of
every paper's text weighed megabytes (35 MB at ten times the real site).

- `search/terms-<k>.json`: `{term: [n * 64 + fields, ...]}`, each term in shard
  `fnv1a(term) % shards`, its papers in the catalog's order (oldest week first);
  `fields` is a bit per field the term is in (`FIELDS`).
- `search/papers-<c>.json`: the records of papers `c * CHUNK` to `c * CHUNK + CHUNK - 1`:
  `[arXiv id, title, Japanese title, authors, card URL from the site's root, week,
  text]`.

Terms (js/src/search.js makes the same from a query): the arXiv id whole; words of
letters and digits, folded (domain/text.py) and stemmed (`stem`: attack, attacks,
attacking and attacked are one), stop words left out; and in runs of Chinese,
Japanese or Korean characters, each pair of neighbours (a word of any length is found
wherever it stands, as all its pairs are), or the one character of a run of one.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterable, Iterator
from functools import partial

from ..domain.catalog import Catalog
from ..domain.model import Paper
from ..domain.text import fnv1a, fold
from ..structure.urls import from_root
from .context import FileContext
from .json_text import compact_json

SEARCH_DIR = "assets/mkdocs_digest/search/"
TERMS = SEARCH_DIR + "terms-{k}.json"
PAPERS = SEARCH_DIR + "papers-{k}.json"
CHUNK = 8  # papers in a file of records: a query shows ten, from up to ten files
# Papers per shard of terms: a paper has about 300 terms (its text's pairs of
# characters most), some 8 bytes each, so a shard holds about 50 KB on average.
PAPERS_PER_SHARD = 20
FIELDS = ("id", "title", "title_ja", "authors", "categories", "text")  # bit 1, 2, 4, ...

# CJK: Han, kana (half-width kana are full-width once folded), Hangul syllables.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# A run of CJK characters (group 1), or a word of other letters and digits (group 2).
TERM = re.compile(f"([{_CJK}]+)|((?:(?![{_CJK}])[^\\W_])+)")
_MARKUP = re.compile(r"[*`]+")  # Markdown emphasis and code marks: not words to find
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")  # a Markdown link: its text is the words


def searched_text(paper: Paper) -> str:
    """What a paper is searched by besides its titles, authors and categories."""
    parts = [*paper.summary, paper.commentary or "", paper.comment or ""]
    text = " ".join(" ".join(p.split()) for p in parts if p)
    return _MARKUP.sub("", _LINK.sub(r"\1", text))


STOP = frozenset(
    """a an the and or of on in for to with by from at as via is are be we our this that
    these those its it into""".split()  # noqa: SIM905
)


@functools.lru_cache(maxsize=1 << 16)  # a site's words repeat: most are stemmed once
def stem(word: str) -> str:
    """A word without the endings of number and tense, and a final e (shuffle,
    shuffled and shuffling are one), as js/src/search.js's stem."""
    return _without_e(_without_ending(word))


def _without_ending(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _without_e(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def terms(text: str) -> set[str]:
    """The terms of a field's text (folded here)."""
    found: set[str] = set()
    for run, word in TERM.findall(fold(text)):
        if word:
            if word not in STOP:
                found.add(stem(word))
        elif len(run) == 1:
            found.add(run)
        else:  # each pair of neighbours, made in C (str.__add__ over two slices)
            found.update(map(str.__add__, run[:-1], run[1:]))
    return found


def _fields(arxiv_id: str, paper: Paper) -> list[set[str]]:
    return [
        {arxiv_id} | terms(arxiv_id),
        terms(paper.title),
        terms(paper.title_ja or ""),
        set().union(*(terms(a) for a in paper.authors)),
        {fold(c) for c in paper.categories},
        terms(searched_text(paper)),
    ]


def masks(arxiv_id: str, paper: Paper, n: int) -> dict[str, int]:
    """Each term of a paper, packed with its number: `n * 64 + fields`."""
    *fields, text = _fields(arxiv_id, paper)
    # Most terms are the text's alone: those are set at once, the few others ORed.
    found = dict.fromkeys(text, n * 64 + (1 << (len(FIELDS) - 1)))
    for bit, words in enumerate(fields):
        for word in words:
            found[word] = found.get(word, n * 64) | (1 << bit)
    return found


class Postings:
    """Term -> its papers, each `n * 64 + fields`, in the papers' order (uint32s: tens
    of millions of them at ten times the real site); and each shard's text. Under
    `mkdocs serve` it is kept and brought up to date: an edit re-indexes the edited
    papers and writes again only the shards of the terms that changed (indexing
    every paper took about 2 s at the real size). A build that keeps nothing holds
    one shard's text at a time (the whole index is 124 MB at ten times the site)."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.papers: list[tuple[str, Paper]] = []
        self.found: dict[str, array[int]] = {}
        self.shards: list[set[str]] = []
        self.texts: list[str | None] = []
        self.dirty: set[int] = set()  # the shards whose text is to be made

    def update(self, catalog: Catalog) -> None:
        now = [(arxiv_id, catalog.paper(arxiv_id)) for arxiv_id in catalog.appearances]
        shards = shard_count(len(now))
        kept = len(self.shards) == shards and [i for i, _ in self.papers] == [
            i for i, _ in now[: len(self.papers)]
        ]
        if not kept:  # a first build, papers reordered or gone, or a new number of shards
            self.papers, self.found = [], {}
            self.shards, self.texts = [set() for _ in range(shards)], [None] * shards
        dirty: set[str] = set()
        for n, (arxiv_id, paper) in enumerate(now):
            if n < len(self.papers):
                old = self.papers[n][1]
                if old is paper or old == paper:
                    continue
                dirty |= self._remove(n, masks(arxiv_id, old, n))
            self._add(n, packed := masks(arxiv_id, paper, n), at_end=n >= len(self.papers))
            dirty |= packed.keys() if kept else set()
        self.papers = now
        self.dirty = {fnv1a(term) % shards for term in dirty} if kept else set(range(shards))

    def shard_texts(self) -> Iterator[str]:
        """Each shard's text, made where it changed, one at a time."""
        for k, kept in enumerate(self.texts):
            if kept is not None and k not in self.dirty:
                yield kept
                continue
            items = [(t, self.found[t]) for t in sorted(self.shards[k])]
            text = compact_json({term: numbers.tolist() for term, numbers in items})
            self.texts[k] = text if self.keep else None
            yield text

    def _add(self, n: int, packed: dict[str, int], at_end: bool) -> None:
        found = self.found
        for term, value in packed.items():
            numbers = found.get(term)
            if numbers is None:
                found[term] = array("I", (value,))
                self.shards[fnv1a(term) % len(self.shards)].add(term)
            elif at_end:  # a paper after all the others: most of a first build
                numbers.append(value)
            else:  # in the papers' order: a re-indexed paper goes back to its place
                numbers.insert(bisect.bisect_left(numbers, n * 64), value)

    def _remove(self, n: int, packed: dict[str, int]) -> set[str]:
        for term in packed:
            numbers = self.found[term]
            del numbers[bisect.bisect_left(numbers, n * 64)]
            if not numbers:
                del self.found[term]
                self.shards[fnv1a(term) % len(self.shards)].discard(term)
        return set(packed)


def shard_count(papers: int) -> int:
    """A power of two of shards for `papers` papers: a growing site changes their
    number (and every shard) seldom, and the page's settings know it without the
    index being made."""
    shards = 1
    while shards * PAPERS_PER_SHARD < papers:
        shards *= 2
    return shards


def _record_key(context: FileContext, arxiv_id: str) -> tuple[object, ...]:
    """All a paper's record is made from: its home copy, its card's URL and week."""
    home = context.catalog.home(arxiv_id)
    return (home, context.urls.get(home.page), context.catalog.digests[home.page].date)


def _records(context: FileContext, ids: list[str]) -> str:
    catalog, urls = context.catalog, context.urls
    rows = []
    for arxiv_id in ids:
        home = catalog.home(arxiv_id)
        paper, digest = home.paper, catalog.digests[home.page]
        url = from_root(urls.get(home.page, home.page)) + "#" + home.anchor
        week = digest.date.isoformat() if digest.date else ""
        authors = ", ".join(paper.authors)
        title, title_ja = paper.title.strip(), (paper.title_ja or "").strip()
        rows.append([arxiv_id, title, title_ja, authors, url, week, searched_text(paper)])
    return compact_json(rows)


class SearchIndex:
    """Written where the theme's search box answers paper queries (`paper_search`)."""

    def wanted(self, context: FileContext) -> bool:
        return context.extras.paper_search

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        memo = context.memo.part(SEARCH_DIR)
        memo.start(SEARCH_DIR)  # the state is its own context
        state = memo.get("postings", partial(Postings, memo.keep))
        state.update(context.catalog)
        for k, text in enumerate(state.shard_texts()):
            yield TERMS.format(k=k), (text,)
        ids = list(context.catalog.appearances)
        for c in range(0, len(ids), CHUNK):
            chunk = ids[c : c + CHUNK]
            key = tuple(_record_key(context, arxiv_id) for arxiv_id in chunk)
            text = memo.get(("records", key), partial(_records, context, chunk))
            yield PAPERS.format(k=c // CHUNK), (text,)
