"""Page weight: the whitespace theme templates indent with. No MkDocs.

Material's templates indent every nav item, so about a third of a page's bytes are
runs of spaces and newlines between tags. A run that holds a line break renders as
one space anywhere whitespace collapses, so it can become a single newline. Elements
where whitespace is kept or may be significant (`pre`, `textarea`, `code`, `script`,
`style`) are left byte for byte.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2\s*>)", re.S | re.I)
_RUN = re.compile(r"\n\s+")  # from the line break: a leading [ \t]* is 30x slower


def collapse_whitespace(html: str) -> str:
    parts = _KEPT.split(html)
    # split() yields text, kept element, tag name, text, ...: collapse only the text.
    return "".join(
        _RUN.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2
    )
