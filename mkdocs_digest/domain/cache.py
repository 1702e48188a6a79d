"""A parse cache keyed by page text, kept across `mkdocs serve` rebuilds. No MkDocs."""

from __future__ import annotations

import hashlib

from .fields import DEFAULT, FieldNames
from .model import Digest
from .parser import read_page
from .source import normalize


class ParseCache:
    def __init__(self, names: FieldNames = DEFAULT) -> None:
        self.names = names
        self._pages: dict[str, tuple[str, Digest | None]] = {}
        self._hashes: dict[str, str] = {}
        self.parsed = 0  # pages parsed anew, not taken from the cache

    def parse(self, page: str, text: str) -> Digest | None:
        """The page's digest, or None for a page without entries."""
        text = normalize(text)
        cached = self._pages.get(page)
        if cached is not None and cached[0] == text:
            return cached[1]
        digest = read_page(text, page, self.names)
        self.parsed += 1
        self._pages[page] = (text, digest)
        self._hashes[page] = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        return digest

    def hashes(self) -> dict[str, str]:
        """A hash of each page's text, taken when it was parsed."""
        return dict(self._hashes)

    def text(self, page: str) -> str | None:
        cached = self._pages.get(page)
        return cached[0] if cached else None

    def forget_except(self, pages: set[str]) -> None:
        """Drop pages that no longer exist, so deleted digests do not linger."""
        for page in set(self._pages) - pages:
            del self._pages[page]
            del self._hashes[page]
