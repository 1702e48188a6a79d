"""Untrusted digest text -> safe HTML. No MkDocs.

Bullets, commentary and comments are Markdown written by an LLM from arXiv
metadata, and so is the text around entries. Their emphasis, code, links, tables and
admonitions are worth rendering; their raw HTML, images and script URLs are not.
Dedicated Python-Markdown instances do it, with raw HTML switched off (so `<` reaches
the output as `&lt;`), and an allowlist of elements, attributes and URL schemes on
their result.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..domain.model import FIELD_LIMIT

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


# What digest text may make: each element's attributes, each with a check that gives
# the value kept (None drops it). Anything else the Markdown below could make is
# reduced to its text: the list says what is allowed, not what is not.
_Check = Callable[[str], "str | None"]
_ADMONITION_TYPES = frozenset(
    [
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    ]
)
_LANGUAGE = re.compile(r"language-[\w#.+\-]{1,40}")
_ALIGN = re.compile(r"text-align: (?:left|right|center);")


def _matching(pattern: re.Pattern[str]) -> _Check:
    return lambda value: value if pattern.fullmatch(value) else None


def _admonition(value: str) -> str | None:
    kinds = [word for word in value.split() if word in _ADMONITION_TYPES]
    return " ".join(["admonition", *kinds]) if "admonition" in value.split() else None


def _text(value: str) -> str:
    return value


_PLAIN_TAGS = frozenset(
    """em strong pre blockquote ul li hr br dl dt dd span h1 h2 h3 h4 h5 h6
    table thead tbody tr""".split()  # noqa: SIM905
)
ALLOWED: dict[str, dict[str, _Check]] = {
    **{tag: {} for tag in _PLAIN_TAGS},
    "a": {"href": _text, "title": _text},  # the href is checked as a URL below
    "ol": {"start": _matching(re.compile(r"\d{1,9}"))},
    "th": {"style": _matching(_ALIGN)},
    "td": {"style": _matching(_ALIGN)},
    "div": {"class": _admonition},
    "p": {"class": _matching(re.compile("admonition-title"))},
    "code": {"class": _matching(_LANGUAGE)},
}


class _Allowlist(Treeprocessor):
    """Every element and attribute from the list above, every link checked: unsafe
    links become their text, safe ones keep readers' browsers from leaking, and a
    link to another page of the site is resolved by `md.resolve_link`, if set."""

    def run(self, root: etree.Element) -> None:
        resolve: Callable[[str], str] | None = getattr(self.md, "resolve_link", None)
        for element in root.iter():
            if element is root:
                continue
            allowed = ALLOWED.get(element.tag) if isinstance(element.tag, str) else None
            if allowed is None:
                element.tag, allowed = "span", {}
            kept = {}
            for name, value in element.attrib.items():
                check = allowed.get(name)
                cleaned = check(value) if check else None
                if cleaned is not None:
                    kept[name] = cleaned
            element.attrib.clear()
            element.attrib.update(kept)
            if element.tag == "a":
                _check_link(element, resolve)


def _check_link(link: etree.Element, resolve: Callable[[str], str] | None) -> None:
    href = link.get("href", "")
    if not is_safe_url(href):
        link.tag = "span"  # an <a> without a target would still look clickable
        link.attrib.clear()
    elif _SCHEME.match(href.lower()):
        link.set("rel", "nofollow noopener noreferrer")
    elif resolve is not None:
        link.set("href", resolve(href))


# Past this many characters a paragraph is shown as escaped text: Python-Markdown's
# inline parser takes time quadratic in a paragraph's length (the parser warns).
PARAGRAPH_LIMIT = FIELD_LIMIT


def _safe_markdown(extensions: Sequence[str] = ()) -> markdown.Markdown:
    """Markdown without raw HTML or images (`![x](u)` is `!` and a checked link), its
    result through the allowlist."""
    md = markdown.Markdown(extensions=list(extensions), output_format="html")
    md.preprocessors.deregister("html_block")
    for name in ("html", "image_link", "image_reference", "short_image_ref"):
        md.inlinePatterns.deregister(name)
    # Last: after every extension's treeprocessor, before serialising.
    md.treeprocessors.register(_Allowlist(md), "mkdocs_digest_allowlist", 0)
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


# Text around entries and unread entries: what digest pages use of the site's
# Markdown, fixed here, so that no extension of the site (one that reads files,
# makes raw HTML, sets attributes or runs templates) ever reads digest text.
DOCUMENT_EXTENSIONS = ("tables", "admonition", "fenced_code", "def_list", "sane_lists")


_MD = _paragraph_markdown()
_DOCUMENT_MD = _safe_markdown(DOCUMENT_EXTENSIONS)


# Text with none of these is rendered as itself by the converter above (a test checks
# it on generated text): nearly every bullet of a real site, so it skips the converter.
_MARKDOWN = re.compile(r"[*_`\[\]<>&\\!\x00-\x1f\x7f]|\s\s")  # \x02/\x03 mark Markdown's stash


def is_plain(text: str) -> bool:
    return text == text.strip() and not _MARKDOWN.search(text)


@lru_cache(maxsize=32768)
def paragraphs(text: str) -> Markup:
    """Markdown paragraphs as HTML `<p>` elements; a text past the limit, escaped."""
    if is_plain(text):
        return Markup(f"<p>{text}</p>")
    if len(text) > PARAGRAPH_LIMIT:
        return escaped(text)
    return convert(text)


def escaped(text: str) -> Markup:
    """Text shown as written, in a paragraph."""
    return Markup("<p>{}</p>").format(text)


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


def document(text: str, resolve_link: Callable[[str], str] | None = None) -> Markup:
    """Any Markdown, headings, lists, tables and admonitions included, made safe like
    the rest; `resolve_link` gives a relative link's target on the site."""
    _DOCUMENT_MD.reset()
    _DOCUMENT_MD.resolve_link = resolve_link  # type: ignore[attr-defined]
    try:
        return Markup(_DOCUMENT_MD.convert(text))
    finally:
        _DOCUMENT_MD.resolve_link = None  # type: ignore[attr-defined]
