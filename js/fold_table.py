"""Writes js/src/fold-table.js: the characters whose full case folding (Python's
str.casefold) differs from their lower case, which is all JavaScript's toLowerCase
leaves to do for the browser's fold to equal domain/text.py's.

    python js/fold_table.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TARGET = Path(__file__).parent / "src" / "fold-table.js"


def table() -> dict[str, str]:
    found: dict[str, str] = {}
    for point in range(sys.maxunicode + 1):
        if 0xD800 <= point <= 0xDFFF:
            continue
        for char in chr(point).lower():
            if char.casefold() != char:
                found[char] = char.casefold()
    return dict(sorted(found.items()))


def main() -> None:
    entries = json.dumps(table(), ensure_ascii=False, indent=0).replace("\n", " ")
    TARGET.write_text(
        "// Made by js/fold_table.py from Python's str.casefold: do not edit.\n"
        "/** @type {Readonly<Record<string, string>>} */\n"
        f"export const FOLD_TABLE = Object.freeze({entries});\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
