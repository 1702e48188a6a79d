"""A digest page's text around its entries -> blocks, by the plugin's own Markdown.
No MkDocs.

A digest page is untrusted from top to bottom, its introduction, remarks between
entries and closing sections too. The site's Markdown extensions never read that
text: some read files (`pymdownx.snippets`), make raw HTML (`pymdownx.blocks.html`),
set any attribute (`attr_list`), and plugins run templates over page Markdown
(mkdocs-macros). So the page reaches the site's Markdown as placeholders only, and
its text is rendered here by one fixed Markdown (`inline.document`: tables,
admonitions, fenced code, definition lists, through an allowlist). Its ATX headings
become heading blocks, real elements that the TOC, the page title and search see.
Well-formed HTML comments stay hidden, as they were.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from ..domain.source import code_lines
from .blocks import Block, Heading, Html
from .inline import PARAGRAPH_LIMIT, document, escaped, inline

ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_TAG = re.compile(r"<[^<>]*>")


def around_blocks(text: str, resolve_link: Callable[[str], str] | None = None) -> list[Block]:
    """The blocks of a stretch of page text: headings, and the rest as safe HTML."""
    lines = text.split("\n")
    code = code_lines(lines, comments=False)
    hidden = _comments(lines, code_lines(lines) - code)
    blocks: list[Block] = []
    run: list[str] = []
    for i, line in enumerate(lines):
        if i in hidden:
            continue
        heading = None if i in code else ATX.match(line)
        if heading is None:
            run.append(line)
            continue
        blocks += _rendered(run, code_lines(run, comments=False), resolve_link)
        run = []
        words = heading_text(heading.group(2))
        if words:
            blocks.append(Heading(len(heading.group(1)), None, words))
    blocks += _rendered(run, code_lines(run, comments=False), resolve_link)
    return blocks


def _comments(lines: list[str], commented: set[int]) -> set[int]:
    """The lines of each comment that stands alone on its lines (`<!--` first, its
    one `-->` last): those stay hidden. Text beside a comment, or after one never closed, is
    shown as written rather than lost."""
    hidden: set[int] = set()
    run: list[int] = []
    for i in sorted(commented):
        if run and i != run[-1] + 1:
            run = []
        run.append(i)
        comment = "\n".join(lines[j] for j in run).strip()
        if comment.startswith("<!--") and comment.find("-->") == len(comment) - 3:
            hidden.update(run)
            run = []
    return hidden


def heading_text(markdown: str) -> str:
    """A heading's words: its inline Markdown rendered safely, then read as text."""
    return html.unescape(_TAG.sub("", str(inline(markdown.strip())))).strip()


def _rendered(
    lines: list[str], code: set[int], resolve_link: Callable[[str], str] | None
) -> Iterator[Block]:
    """`lines` as HTML; a paragraph past the limit as escaped text, apart."""
    start = 0
    for first, end in _long_paragraphs(lines, code):
        yield from _converted(lines[start:first], resolve_link)
        yield Html(str(escaped("\n".join(lines[first:end]))))
        start = end
    yield from _converted(lines[start:], resolve_link)


def _converted(lines: list[str], resolve_link: Callable[[str], str] | None) -> Iterator[Block]:
    text = "\n".join(lines)
    if text.strip():
        yield Html(str(document(text, resolve_link)))


def _long_paragraphs(lines: list[str], code: set[int]) -> Iterator[tuple[int, int]]:
    """Each run of text lines (outside code) longer than the limit, as (first, end)."""
    first, size = 0, 0
    for i, line in enumerate([*lines, ""]):
        if line.strip() and i not in code:
            size += len(line) + 1
            continue
        if size > PARAGRAPH_LIMIT:
            yield first, i
        first, size = i + 1, 0
