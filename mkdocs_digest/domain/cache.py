"""What is kept across `mkdocs serve` rebuilds: pages parsed, keyed by their text's hash,
and texts made from the model, keyed by the values they are made from. No MkDocs."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from .fields import DEFAULT, FieldNames
from .model import Digest
from .parser import read_page
from .source import normalize

T = TypeVar("T")
_MISSING: Any = object()


@dataclass(frozen=True)
class _Parsed:
    hash: str  # of the text: the text itself is not kept, a site's worth of it weighs
    stamp: Hashable  # the file's mtime and size, when the caller gives them
    digest: Digest | None
    targets: tuple[str, ...]  # what its links name (`link_targets`)


class ParseCache:
    def __init__(self, names: FieldNames = DEFAULT) -> None:
        self.names = names
        self._pages: dict[str, _Parsed] = {}
        self.parsed = 0  # pages parsed anew, not taken from the cache

    def parse(self, page: str, read: Callable[[], str], stamp: Hashable = None) -> Digest | None:
        """The page's digest, or None for a page without entries. `read` gives the
        page's text; it is not called when `stamp` (not None) is the one the page had
        when it was last read: under `mkdocs serve`, an edit reads one file, not all."""
        cached = self._pages.get(page)
        if cached is not None and stamp is not None and cached.stamp == stamp:
            return cached.digest
        text = normalize(read())
        key = _hash(text)
        if cached is not None and cached.hash == key:
            self._pages[page] = _Parsed(key, stamp, cached.digest, cached.targets)
            return cached.digest
        digest = read_page(text, page, self.names)
        self.parsed += 1
        self._pages[page] = _Parsed(key, stamp, digest, link_targets(text))
        return digest

    def holds(self, page: str, text: str) -> bool:
        """Whether the page's digest was parsed from this text."""
        cached = self._pages.get(page)
        return cached is not None and cached.hash == _hash(normalize(text))

    def hashes(self) -> dict[str, str]:
        """A hash of each page's text, taken when it was parsed."""
        return {page: parsed.hash for page, parsed in self._pages.items()}

    def targets(self) -> dict[str, tuple[str, ...]]:
        """What the links of each page's text name, for a dirty build: a page whose
        link names a page that comes or goes is rendered again."""
        return {page: parsed.targets for page, parsed in self._pages.items()}

    def forget_except(self, pages: set[str]) -> None:
        """Drop pages that no longer exist, so deleted digests do not linger."""
        for page in set(self._pages) - pages:
            del self._pages[page]


# What a link names, in Markdown (`](x.md)`, `]: x.md`) or HTML (`href=`, `src=`):
# more than the links MkDocs rewrites, never fewer. Web addresses name no page.
_TARGET = re.compile(
    r"""(?:\]\(\s*|\]:[ \t]*)(?:<([^>\n]*)>|([^\s)<>"']+))"""
    r"""|(?:href|src)\s*=\s*["']?([^\s<>"']+)"""
)


def link_targets(text: str) -> tuple[str, ...]:
    """The relative paths the page's links name, each once, in order."""
    found = ("".join(groups) for groups in _TARGET.findall(text))
    kept = (t for t in found if "://" not in t and not t.startswith(("#", "mailto:", "data:")))
    return tuple(dict.fromkeys(kept))


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class Memo:
    """Values made from the model's frozen values, kept from one build to the next.

    A key holds everything a value is made from besides the build's `context` (the
    site's URLs and options, the templates). Equal keys in one context make equal
    values, so an edit makes anew only what it touches. Each build starts with its
    context: a new context forgets everything, and what a build did not ask for is
    forgotten at the next start, so the memo holds one build's worth. A memo that
    does not `keep` (one build, nothing to keep it for) makes every value.
    """

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self._context: object = None
        self._last: dict[Hashable, Any] = {}
        self._now: dict[Hashable, Any] = {}
        self._parts: dict[str, Memo] = {}

    def part(self, name: str) -> Memo:
        """A memo of its own, kept with this one: for values made in a context of their
        own, whose change should not forget this memo's values."""
        if name not in self._parts:
            self._parts[name] = Memo(self.keep)
        return self._parts[name]

    def start(self, context: object) -> None:
        same = self._context is not None and context == self._context
        self._last, self._now = (self._now if same else {}), {}
        self._context = context

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        if not self.keep:
            return make()
        try:
            value: T = self._now[key]
        except KeyError:
            value = self._last.pop(key, _MISSING)
            if value is _MISSING:
                value = make()
            self._now[key] = value
        return value
