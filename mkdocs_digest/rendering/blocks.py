"""Rendered blocks and the Python-Markdown extension that places them. No MkDocs.

Cards and listings are HTML rendered from templates, but each paper and each week
must stay a real heading: the `toc` extension, MkDocs' anchor validation and the
search index only see elements of the Markdown tree, never raw HTML. So a page's
Markdown gets one placeholder line per block, and the block processor below turns it
into tree elements: headings and wrappers as elements, template HTML as stashed raw
HTML between them.
"""

from __future__ import annotations

import html
import itertools
import re
import secrets
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString


@dataclass(frozen=True)
class Html:
    """Trusted HTML from a template (digest text in it is already escaped)."""

    html: str


@dataclass(frozen=True)
class Heading:
    level: int
    id: str | None  # None: the `toc` extension names it, as the site's headings
    text: str
    href: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str], ...]
    children: tuple[Block, ...]


Block = Html | Heading | Element


@dataclass
class BlockStore:
    """Blocks waiting for their placeholder; the nonce keeps page text from forging one.

    Blocks stay until their page is done (`finish`): a page's Markdown may be
    converted more than once, and each conversion must find its cards. A placeholder
    never placed, or one the store does not know, is reported, never dropped silently.
    """

    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    blocks: dict[str, tuple[Block, ...]] = field(default_factory=dict)
    page: str = ""  # the page whose blocks `add` stores now
    tokens: dict[str, list[str]] = field(default_factory=dict)  # page -> its tokens
    placed: set[str] = field(default_factory=set)
    unknown: list[str] = field(default_factory=list)
    _numbers: itertools.count[int] = field(default_factory=itertools.count)

    def add(self, *blocks: Block) -> str:
        """A Markdown paragraph that the extension will replace with `blocks`."""
        token = f"mkdocsdigest{self.nonce}n{next(self._numbers)}"
        self.blocks[token] = blocks
        self.tokens.setdefault(self.page, []).append(token)
        return f"\n\n{token}\n\n"

    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"^\s*(mkdocsdigest{self.nonce}n\d+)\s*$")

    def take(self, token: str) -> tuple[Block, ...]:
        if token not in self.blocks:
            self.unknown.append(token)
            return ()
        self.placed.add(token)
        return self.blocks[token]

    def finish(self, page: str) -> int:
        """Forget `page`'s blocks; return how many of them were never placed."""
        tokens = self.tokens.pop(page, [])
        for token in tokens:
            del self.blocks[token]
        missed = [token for token in tokens if token not in self.placed]
        self.placed.difference_update(tokens)
        return len(missed)


def to_html(blocks: tuple[Block, ...]) -> str:
    """The blocks as one raw HTML block, for a page no extension will convert
    (`mkdocs-digest generate`). No blank line inside: Markdown ends raw HTML there."""
    text = "".join(_html(block) for block in blocks)
    return "\n".join(line for line in text.split("\n") if line.strip())


def _html(block: Block) -> str:
    if isinstance(block, Html):
        return block.html.strip() + "\n"
    if isinstance(block, Heading):
        attrs = _attrs((*block.attrs, *([("id", block.id)] if block.id else [])))
        text = html.escape(block.text, quote=False)
        if block.href:
            text = f'<a href="{html.escape(block.href)}">{text}</a>'
        return f"<h{block.level}{attrs}>{text}</h{block.level}>\n"
    inner = "".join(_html(child) for child in block.children)
    return f"<{block.tag}{_attrs(block.attrs)}>\n{inner}</{block.tag}>\n"


def _attrs(attrs: tuple[tuple[str, str], ...]) -> str:
    return "".join(f' {name}="{html.escape(value)}"' for name, value in attrs)


class _BlockPlacer(BlockProcessor):
    def __init__(self, parser: BlockParser, store: BlockStore) -> None:
        super().__init__(parser)
        self.store = store
        self.token = store.pattern()
        # Each element placed, with its attributes: extensions run after this one
        # (attr_list reads `{...}` at the end of a heading's text) must not change them.
        self.placed: list[tuple[etree.Element, dict[str, str]]] = []

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(self.token.match(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        m = self.token.match(blocks.pop(0))
        assert m is not None
        for block in self.store.take(m.group(1)):
            self._place(parent, block)
        return True

    def _place(self, parent: etree.Element, block: Block) -> None:
        if isinstance(block, Html):
            holder = etree.SubElement(parent, "p")
            # Atomic: inline patterns have nothing to find in a stash placeholder.
            holder.text = AtomicString(self.parser.md.htmlStash.store(block.html.strip()))
        elif isinstance(block, Heading):
            attrs = dict(block.attrs, **({"id": block.id} if block.id else {}))
            heading = etree.SubElement(parent, f"h{block.level}", attrs)
            self.placed.append((heading, attrs))
            # The text in an element of its own: no extension reads attributes off it.
            target = etree.SubElement(heading, "a" if block.href else "span")
            if block.href:
                target.set("href", block.href)
            target.text = AtomicString(block.text)
        else:
            element = etree.SubElement(parent, block.tag, dict(block.attrs))
            self.placed.append((element, dict(block.attrs)))
            for child in block.children:
                self._place(element, child)


class _PlacedAsPlaced(Treeprocessor):
    """Placed elements keep the attributes they were placed with, and nothing else
    (a heading the `toc` extension names keeps its id)."""

    def __init__(self, md: Markdown, placer: _BlockPlacer) -> None:
        super().__init__(md)
        self.placer = placer

    def run(self, root: etree.Element) -> None:
        for element, attrs in self.placer.placed:
            named = {} if "id" in attrs or "id" not in element.attrib else {"id": element.get("id")}
            element.attrib.clear()
            element.attrib.update(attrs, **named)
        self.placer.placed.clear()


class BlocksExtension(Extension):
    """Registered once per build; every page's Markdown instance gets a placer."""

    def __init__(self, store: BlockStore) -> None:
        super().__init__()
        self.store = store

    def extendMarkdown(self, md: Markdown) -> None:
        # Above 'empty' (100): a placeholder must win over every other block parser.
        placer = _BlockPlacer(md.parser, self.store)
        md.parser.blockprocessors.register(placer, "mkdocs_digest", 105)
        # After attr_list (8) and toc (5); before MkDocs rewrites links (0).
        md.treeprocessors.register(_PlacedAsPlaced(md, placer), "mkdocs_digest_placed", 0.5)
