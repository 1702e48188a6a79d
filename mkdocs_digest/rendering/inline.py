"""Untrusted digest text -> safe HTML. No MkDocs.

Bullets, commentary and comments are Markdown written by an LLM from arXiv
metadata. Their emphasis, code and links are worth rendering; their raw HTML,
images and script URLs are not. A dedicated Python-Markdown instance does it, with
raw HTML switched off (so `<` reaches the output as `&lt;`) and every link checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these before parsing
_PATH_START = re.compile(r"[/?#]")


def is_safe_url(url: str) -> bool:
    """An http(s)/mailto URL or a relative one; never javascript:, data:, vbscript:."""
    compact = _IGNORED_IN_URL.sub("", url).lower()
    m = _SCHEME.match(compact)
    if m:
        return m.group(1) in SAFE_SCHEMES
    # No scheme, but `&#...;` could spell one once an HTML parser decodes it: only
    # before the first `/`, `?` or `#`, where a scheme would stand.
    head = _PATH_START.split(compact, maxsplit=1)[0]
    return "&" not in head and "\\" not in head


class _LinkGuard(Treeprocessor):
    """Unsafe links become their text; safe ones keep readers' browsers from leaking."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if not is_safe_url(href):
                link.tag = "span"  # an <a> without a target would still look clickable
                link.attrib.clear()
            elif _SCHEME.match(href.lower()):
                link.set("rel", "nofollow noopener noreferrer")


def _safe_markdown() -> markdown.Markdown:
    """Markdown without raw HTML or images, and with every link checked."""
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("image_link")
    md.inlinePatterns.deregister("image_reference")
    md.treeprocessors.register(_LinkGuard(md), "mkdocs_digest_link_guard", 15)
    return md


def _paragraph_markdown() -> markdown.Markdown:
    """Only paragraphs and inline syntax: what a bullet or a commentary holds."""
    md = _safe_markdown()
    for name in (
        "indent",
        "code",
        "hashheader",
        "setextheader",
        "hr",
        "olist",
        "ulist",
        "quote",
        "reference",
    ):
        md.parser.blockprocessors.deregister(name)
    return md


_MD = _paragraph_markdown()
_DOCUMENT_MD = _safe_markdown()


# Text with none of these is rendered as itself by the converter above (a test checks
# it on generated text): nearly every bullet of a real site, so it skips the converter.
_MARKDOWN = re.compile(r"[*_`\[\]<>&\\!\x00-\x1f\x7f]|\s\s")  # \x02/\x03 mark Markdown's stash


def is_plain(text: str) -> bool:
    return text == text.strip() and not _MARKDOWN.search(text)


@lru_cache(maxsize=32768)
def paragraphs(text: str) -> Markup:
    """Markdown paragraphs as HTML `<p>` elements."""
    if is_plain(text):
        return Markup(f"<p>{text}</p>")
    return convert(text)


def convert(text: str) -> Markup:
    """`paragraphs` without its shortcut for plain text."""
    _MD.reset()
    return Markup(_MD.convert(text))


@lru_cache(maxsize=32768)
def inline(text: str) -> Markup:
    """One line of Markdown as inline HTML, without a wrapping `<p>`."""
    text = text.replace("\n", " ")
    if is_plain(text):
        return Markup(text)
    html = str(paragraphs(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def document(text: str) -> Markup:
    """Any Markdown, headings and lists included, made safe like the rest."""
    _DOCUMENT_MD.reset()
    return Markup(_DOCUMENT_MD.convert(text))
