"""The one fold of text for matching, the same in Python and in the browser
(js/src/core.js `fold`, its table made by js/fold_table.py): NFKC, then full case
folding. Full-width Latin matches half-width, half-width katakana full-width, and
"Straße" matches "STRASSE". No MkDocs."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def fnv1a(text: str) -> int:
    """FNV-1a, 32 bits, over the text's UTF-8 bytes: where a term or a paper goes
    among a site file's chunks, the same in the browser (js/src/core.js)."""
    hashed = 0x811C9DC5
    for byte in text.encode("utf-8"):
        hashed = ((hashed ^ byte) * 0x01000193) & 0xFFFFFFFF
    return hashed
