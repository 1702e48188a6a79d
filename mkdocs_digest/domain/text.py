"""The one fold of text for matching, the same in Python and in the browser
(js/src/core.js `fold`, its table made by js/fold_table.py): NFKC, then full case
folding. Full-width Latin matches half-width, half-width katakana full-width, and
"Straße" matches "STRASSE". No MkDocs."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()
