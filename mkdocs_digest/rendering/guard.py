"""Untrusted pages through the site's own Markdown: no raw HTML, no script. No MkDocs.

A digest page comes from arXiv and an LLM from top to bottom, not only its entries.
The text around the entries (the page's introduction, a remark between entries, a
closing section) keeps the site's Markdown (admonitions, tables, headings in the
TOC), but on a page marked untrusted:

- raw HTML is text: the `html_block` preprocessor is skipped and the inline `html`
  pattern matches nothing, so `<script>` reaches the page as `&lt;script&gt;`.
  Well-formed comments stay comments (they cannot run anything).
- no element keeps an event handler (`onclick`, which `attr_list` would set) or a
  URL attribute with a script scheme; a link with such a target becomes its text.

Entities stay entities: they render as text, never as markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any, Protocol

from markdown import Extension, Markdown
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .inline import is_safe_url

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}
)
# A comment a browser ends where Markdown does: no `--` inside, not `<!-->`.
SAFE_COMMENT = re.compile(r"<!--(?!>)(?:(?!--).)*-->", re.DOTALL)


class Trust(Protocol):
    """Whether the page now converted is untrusted (set by the front end per page)."""

    untrusted: bool


class _HtmlBlocksOnTrustedPages(Preprocessor):
    def __init__(self, md: Markdown, inner: Preprocessor, trust: Trust) -> None:
        super().__init__(md)
        self.inner, self.trust = inner, trust

    def run(self, lines: list[str]) -> list[str]:
        return lines if self.trust.untrusted else self.inner.run(lines)


class _InlineHtmlOnTrustedPages(HtmlInlineProcessor):
    def __init__(self, md: Markdown, inner: HtmlInlineProcessor, trust: Trust) -> None:
        super().__init__(HTML_RE, md)
        self.inner, self.trust = inner, trust

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[Any, int | None, int | None]:
        if self.trust.untrusted and not SAFE_COMMENT.fullmatch(m.group(0)):
            return None, None, None  # no match: the text is escaped as text
        return self.inner.handleMatch(m, data)


class _AttributeGuard(Treeprocessor):
    def __init__(self, md: Markdown, trust: Trust) -> None:
        super().__init__(md)
        self.trust = trust

    def run(self, root: etree.Element) -> None:
        if not self.trust.untrusted:
            return
        for element in root.iter():
            for name in list(element.attrib):
                lowered = name.lower()
                if lowered.startswith("on") or (
                    lowered in URL_ATTRIBUTES and not is_safe_url(element.attrib[name])
                ):
                    del element.attrib[name]
                    if element.tag == "a" and lowered == "href":
                        element.tag = "span"  # an <a> without a target still looks live


class GuardExtension(Extension):
    """Guards the pages `trust` marks untrusted; leaves every other page alone."""

    def __init__(self, trust: Trust) -> None:
        super().__init__()
        self.trust = trust

    def extendMarkdown(self, md: Markdown) -> None:
        # Wraps whatever is registered now (md_in_html replaces `html_block`): the
        # guard's extension must come after the site's.
        if "html_block" in md.preprocessors:
            inner = md.preprocessors["html_block"]
            wrapper = _HtmlBlocksOnTrustedPages(md, inner, self.trust)
            md.preprocessors.register(wrapper, "html_block", 20)
        if "html" in md.inlinePatterns:
            pattern = md.inlinePatterns["html"]
            if isinstance(pattern, HtmlInlineProcessor):
                guarded = _InlineHtmlOnTrustedPages(md, pattern, self.trust)
                md.inlinePatterns.register(guarded, "html", 90)
        # After attr_list (8) and every inline pattern; before MkDocs' link rewriting.
        md.treeprocessors.register(_AttributeGuard(md, self.trust), "mkdocs_digest_guard", 1)


# For a builder whose Markdown we do not run (`generate`): the text itself made inert.
_CHARACTER_REFERENCE = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_TAG_START = re.compile(r"<(?=[A-Za-z/?!])")
_GAPS = r"[\x00-\x20]*"  # browsers drop these inside a URL's scheme
_SCRIPT_SCHEME = re.compile(
    "|".join(_GAPS.join(name) + _GAPS + "(?=:)" for name in ("javascript", "vbscript")),
    re.IGNORECASE,
)


def inert_markdown(text: str) -> str:
    """Untrusted Markdown that any Markdown builder renders without markup or script:
    raw HTML and character references are shown as written (`&lt;`, `&amp;#58;`),
    attribute lists (`{ onclick=… }`) as text, and a script scheme is broken by a
    zero-width space, so its link is a harmless relative one. In code, too: where
    code begins is the builder's call, and a wrong guess must not let markup through."""
    text = _CHARACTER_REFERENCE.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text).replace("{", "&#123;")
    return _SCRIPT_SCHEME.sub(lambda m: m.group(0) + "&#x200B;", text)
