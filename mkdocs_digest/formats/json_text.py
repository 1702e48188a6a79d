"""JSON as the site's files and pages hold it: compact, as a script for file://
pages, and safe inside a `<script>` element. No MkDocs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator


def compact_json(value: object) -> str:
    """JSON without spaces, its text as written (what the site's files hold)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# An HTML parser ends a script element at the first "</script" and treats "<!--"
# specially, whatever the JSON says; these escapes keep the JSON the same value.
# (Chained str.replace: str.translate with a dict is ~15x slower on page-sized text.)
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def as_script(name: str, json_text: Iterable[str]) -> Iterator[str]:
    """A JSON file as a script that sets `window.mkdocsDigest[name]` to it, for pages
    opened from file:// (Material's offline plugin), which may load a script but not
    fetch a file. JSON is a JavaScript expression (U+2028/9 too, since ES2019)."""
    yield f"(window.mkdocsDigest = window.mkdocsDigest || {{}})[{compact_json(name)}] = "
    yield from json_text
    yield ";\n"


def script_json(value: object) -> str:
    """`value` as JSON to put inside a `<script>` element: nothing in digest text can
    end the element or start markup there."""
    text = compact_json(value)
    for char, escape in _SCRIPT_ESCAPES:
        text = text.replace(char, escape)
    return text
