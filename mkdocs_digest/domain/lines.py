"""What a line of a digest page is: the patterns of its headings, separators,
bullets and titles, an arXiv URL's id, a line without its code spans. No MkDocs."""

from __future__ import annotations

import re

HEADING = re.compile(r"^###[ \t]+\[(?P<title>.+)\]\((?P<url>[^\s()]+)\)[ \t]*$")
ANY_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
# At most three spaces in: four make an indented code block (CommonMark).
SEPARATOR = re.compile(r"^ {0,3}(?:-[ \t]*){3,}$")
# Where the walks over a page stop: a cheap first match, so most lines cost one.
HEADING_START = re.compile(r"###[ \t]")
# A separator, a heading, or metadata: FieldNames.starts_metadata wants a bold label.
LANDMARK = re.compile(r" {0,3}-[ \t]*-[ \t]*-|#|\*\*")
# Raw HTML as Python-Markdown's inline `html` pattern finds it (comments aside), and
# the code spans where it is only text.
RAW_TAG = re.compile(r"</?[A-Za-z][^<>@ ]*(?: [^<>]*)?>")
BACKTICKS = re.compile(r"`+")
IMAGE = re.compile(r"!\[[^\]]*\]\(")
OXFORD_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)
# `****` is an empty Japanese title: the summarizer returned none (docs/FORMAT.md).
BOLD_LINE = re.compile(r"^\*\*(?P<text>.*)\*\*[ \t]*$")
# A translated title the summarizer put in italics, before the bullets.
ITALIC_LINE = re.compile(r"^\*(?!\*).*(?<!\*)\*[ \t]*$")
BULLET = re.compile(r"^[-*+][ \t\u3000](?P<text>.*)$")  # LLM output uses U+3000 too
ARXIV_URL = re.compile(
    r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})"
    r"(?:v\d+)?(?:\.pdf)?/?$"
)


def arxiv_id(url: str) -> str | None:
    """The version-less arXiv id of an abstract, PDF or HTML URL."""
    m = ARXIV_URL.match(url.strip())
    return m.group("id") if m else None


def without_code_spans(line: str) -> str:
    """The line without its code spans, found as CommonMark finds them: a run of
    backticks opens one, the next run of as many closes it. Linear in the line (a
    backtracking pattern took a minute over 16,000 backticks)."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    closing: dict[int, int] = {}  # a run -> the next run of its length
    last: dict[int, int] = {}
    for n in range(len(runs) - 1, -1, -1):
        length = runs[n][1] - runs[n][0]
        if length in last:
            closing[n] = last[length]
        last[length] = n
    out, at, n = [], 0, 0
    while n < len(runs):
        if n in closing:
            out.append(line[at : runs[n][0]])
            at = runs[closing[n]][1]
            n = closing[n] + 1
        else:
            n += 1
    out.append(line[at:])
    return "".join(out)
