"""The metadata paragraph of an entry: topics, categories, submission time. No MkDocs.

`**トピック:** [合成データ](../../sd), **カテゴリ:** cs.LG, **投稿日時:** 2024-04-04 17:58`
or with English labels (fields.py): `**Topics:** ..., **Categories:** ..., **Published:** ...`
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from .fields import DEFAULT, FieldNames
from .model import Published, Topic, is_arxiv_category

# Slugs become folder names; no dots, so none can pass for a file (`sitemap.xml`).
SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")
TOPIC_LINK = re.compile(r"\[(?P<name>[^\]]*)\]\((?P<target>[^)\s]*)\)")
CATEGORY_SEP = re.compile(r",\s+")
PUBLISHED = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[ T](?P<time>\d{2}:\d{2}))?$")


def topic_slug(target: str) -> str:
    """`../../sd`, `sd`, `../sd/` and `../sd/index.md` all name the topic `sd`."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    if parts and parts[-1] in ("index.md", "index.html", "README.md"):
        parts.pop()
    if not parts:
        return ""
    return parts[-1].removesuffix(".md").removesuffix(".html")


@dataclass
class MetadataReader:
    """Reads metadata paragraphs; `warn(line, message)` gets each problem."""

    warn: Callable[[int, str], None]
    names: FieldNames = DEFAULT

    def read(
        self, text: str, line: int
    ) -> tuple[tuple[Topic, ...], tuple[str, ...], Published | None]:
        """Topics, categories and submission time of the paragraph starting at `line`."""
        fields = dict(self.names.metadata(text))
        topics, problems = _topics(fields.get("topics", ""))
        for problem in problems:
            self.warn(line, problem)
        # Only the comma before the next key is a separator: a category string can
        # itself end in a comma ("62F30,,") and must be kept as arXiv gave it.
        categories = _categories(fields.get("categories", "").strip().removesuffix(","))
        return topics, categories, self._published(fields.get("published"), line)

    def _published(self, raw: str | None, line: int) -> Published | None:
        if raw is None:
            return None
        value = raw.strip().rstrip(",").strip()
        m = PUBLISHED.match(value)
        try:
            if not m:
                raise ValueError
            moment = dt.datetime.fromisoformat(f"{m.group('date')} {m.group('time') or '00:00'}")
        except ValueError:
            self.warn(line, f"submission date {value!r} is not a valid date")
            return None
        return Published(moment, has_time=m.group("time") is not None)


T = TypeVar("T")

# A site names a handful of topics and categories, and their few combinations, on each
# of its thousands of entries: one Topic, one string, one tuple each for the site.
_topic = functools.lru_cache(maxsize=1024)(Topic)


@functools.lru_cache(maxsize=4096)
def _shared(value: tuple[T, ...]) -> tuple[T, ...]:
    return value  # the first of equal tuples, which the cache keeps


# A site's entries write the same few topic and category fields again and again: each
# field is read once (the readers below are pure), its problems reported on every line.
@functools.lru_cache(maxsize=4096)
def _topics(field: str) -> tuple[tuple[Topic, ...], tuple[str, ...]]:
    """Topic links, and a problem for each unusable one (the card goes without it)."""
    if not field.strip(" \t\n,"):
        return (), ("entry names no topic; carded without one",)
    topics: list[Topic] = []
    problems: list[str] = []
    for link in TOPIC_LINK.finditer(field):
        slug, name = topic_slug(link.group("target")), link.group("name").strip()
        if _is_external(link.group("target")) or not (SLUG.match(slug) and name):
            problems.append(
                f"topic link {link.group(0)!r} needs a name and a relative target whose "
                "last part is a plain slug (letters, digits, '-', '_'); ignored"
            )
        elif all(t.slug != slug for t in topics):
            topics.append(_topic(slug, name))
    for text in TOPIC_LINK.sub(",", field).split(","):
        if text.strip():
            problems.append(f"topic {text.strip()!r} is not a link to a topic page; ignored")
    return _shared(tuple(topics)), tuple(problems)


@functools.lru_cache(maxsize=4096)
def _categories(raw: str) -> tuple[str, ...]:
    """arXiv codes one by one; the text between them (a category's full name, MSC or
    ACM classes, which hold commas themselves) as one item, with its spaces folded."""
    found: list[str] = []
    run: list[str] = []
    for piece in (" ".join(p.split()) for p in CATEGORY_SEP.split(raw)):
        if not piece:
            continue
        if is_arxiv_category(piece):
            found += [", ".join(run)] if run else []
            found.append(sys.intern(piece))  # one `cs.LG` for the whole site
            run = []
        else:
            run.append(piece)
    return _shared(tuple(found + ([", ".join(run)] if run else [])))


def _is_external(target: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:|//", target))
