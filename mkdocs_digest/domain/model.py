"""The digest model: plain data, no MkDocs.

A `Digest` is one Markdown page; each paper entry on it is an `Entry` (where it
stands on the page) holding a `Paper` (what the entry says). The same arXiv id can
stand on many pages; the catalog groups those appearances.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, fields
from typing import Literal

Level = Literal["error", "warning"]

# The longest paragraph of digest text rendered as Markdown (real ones stay under a
# thousand characters): past it Python-Markdown's time grows with the square of the
# length, so a longer one is shown as written, and the parser says where.
FIELD_LIMIT = 4000


@dataclass(frozen=True)
class Diagnostic:
    """Something wrong with the input, located at a page and a 1-based line."""

    page: str
    line: int
    level: Level
    message: str

    def __str__(self) -> str:
        # A problem of the site as a whole (no entry to point at) has no page.
        return f"{self.page}:{self.line}: {self.message}" if self.page else self.message


@dataclass(frozen=True, slots=True)
class Topic:
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class Published:
    """A submission time as the page gives it: a day, or a day and a minute."""

    value: dt.datetime
    has_time: bool

    def __str__(self) -> str:
        return self.value.strftime("%Y-%m-%d %H:%M" if self.has_time else "%Y-%m-%d")

    @property
    def iso(self) -> str:
        return self.value.strftime("%Y-%m-%dT%H:%M" if self.has_time else "%Y-%m-%d")


def _hash_once(value: object) -> int:
    """The hash of a frozen dataclass, taken once. Papers and entries key the memos
    that `mkdocs serve` keeps (cache.py), and hashing a paper reads all its text."""
    found: int | None = value._hash  # type: ignore[attr-defined]
    if found is None:
        values = (getattr(value, f.name) for f in fields(value) if f.compare)  # type: ignore[arg-type]
        found = hash(tuple(values))
        object.__setattr__(value, "_hash", found)
    return found


@dataclass(frozen=True, slots=True)
class Paper:
    """What one entry says about a paper."""

    arxiv_id: str
    url: str
    title: str
    title_ja: str | None
    authors: tuple[str, ...]
    summary: tuple[str, ...]
    commentary: str | None
    comment: str | None
    topics: tuple[Topic, ...]
    categories: tuple[str, ...]
    published: Published | None
    # Where `_hash_once` keeps the hash (slots: no dict per paper, a fifth of its size).
    _hash: int | None = field(default=None, init=False, repr=False, compare=False)

    __hash__ = _hash_once

    @property
    def anchor(self) -> str:
        return anchor_for(self.arxiv_id)

    @property
    def abs_url(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv_id}"

    @property
    def doi(self) -> str:
        """arXiv's DataCite DOI, which every arXiv paper has."""
        return f"10.48550/arXiv.{self.arxiv_id}"

    @property
    def pdf_url(self) -> str:
        return f"https://arxiv.org/pdf/{self.arxiv_id}"

    @property
    def html_url(self) -> str:
        return f"https://arxiv.org/html/{self.arxiv_id}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One appearance of a paper: the page, and the source lines it spans.

    `line` is the heading's 1-based line; `end` is one past the last line of the
    entry (its metadata paragraph), so `lines[line - 1 : end - 1]` is the entry.
    """

    paper: Paper
    page: str
    line: int
    end: int
    anchor: str
    meta_line: int | None = None  # the `**トピック:**` line, where the topics are named
    _hash: int | None = field(default=None, init=False, repr=False, compare=False)

    __hash__ = _hash_once


@dataclass
class Digest:
    """One parsed Markdown page that holds paper entries."""

    page: str
    title: str | None
    date: dt.date | None
    entries: list[Entry] = field(default_factory=list)
    # Source line spans (1-based, end exclusive) the cards replace: entries and the
    # separators around them. Anything outside stays on the page as written.
    spans: list[tuple[int, int]] = field(default_factory=list)
    # Source line spans of entries that could not be carded. They stay on the page
    # with their text as written, rendered without raw HTML or script links.
    unread: list[tuple[int, int]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return self.page.rpartition("/")[0]

    @property
    def series(self) -> str | None:
        """The series slug: the page's folder name, for pages that are weekly digests."""
        if self.date is None or not self.folder:
            return None
        return self.folder.rpartition("/")[2]


# An arXiv category code: `cs.LG`, `hep-th`, `q-fin.ST`, `cond-mat.stat-mech`.
_ARXIV_CATEGORY = re.compile(r"^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$")


def is_arxiv_category(text: str) -> bool:
    """A category code, shown as a chip; other classification text (MSC, ACM, names)
    is shown as written."""
    return bool(_ARXIV_CATEGORY.match(text)) and ("." in text or "-" in text)


_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9.\-]")


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_\-]")


def html_id(text: str) -> str:
    """An HTML id made from page text (a series folder, a key): the one place such
    text becomes an id. Characters an id or an `aria-labelledby` list cannot hold as
    they are (spaces, quotes, markup) become `-`, and a short hash of the text keeps
    two texts that differ in them apart."""
    safe = _ID_UNSAFE.sub("-", text)
    if safe == text:
        return text
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{safe}-{digest}"


def anchor_for(arxiv_id: str) -> str:
    """The HTML id of a paper's card: old-style ids lose their slash."""
    return "arxiv-" + _ANCHOR_UNSAFE.sub("-", arxiv_id)
