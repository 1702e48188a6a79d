"""The block placer and a whole card, with Python-Markdown alone (no MkDocs)."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from mkdocs_digest.domain.catalog import Catalog
from mkdocs_digest.domain.parser import parse_digest
from mkdocs_digest.rendering.blocks import BlocksExtension, BlockStore, Element, Heading, Html
from mkdocs_digest.rendering.context import TEMPLATES
from mkdocs_digest.rendering.links import Links
from mkdocs_digest.rendering.renderer import Renderer
from mkdocs_digest.structure.layout import Layout
from mkdocs_digest.words import labels_for


def convert(text: str, store: BlockStore) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=["toc", BlocksExtension(store)])
    return md.convert(text), md


def test_placeholders_become_headings_in_the_toc_with_html_between() -> None:
    store = BlockStore()
    card = Element(
        "article",
        (("id", "arxiv-1"),),
        (Heading(3, "arxiv-1-title", "Title <b>", "https://arxiv.org/abs/1"), Html("<div>x</div>")),
    )
    html, md = convert("# Page\n" + store.add(card) + "after", store)
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article", id="arxiv-1")
    assert article.h3["id"] == "arxiv-1-title"
    assert article.h3.a.get_text() == "Title <b>"  # text, not markup
    assert article.div.get_text() == "x"
    assert soup.find_all("p")[-1].get_text() == "after"
    toc_ids = [child["id"] for child in md.toc_tokens[0]["children"]]
    assert toc_ids == ["arxiv-1-title"]
    # The blocks stay until the page is done: a second conversion finds them too.
    again, _ = convert("# Page\n" + "\n\n".join(store.blocks) + "\n", store)
    assert BeautifulSoup(again, "html.parser").find("article", id="arxiv-1") is not None
    assert store.finish("") == 0 and store.blocks == {}


def test_a_placeholder_never_placed_or_unknown_is_counted() -> None:
    store = BlockStore(page="sd/a.md")
    token = store.add(Html("<div>card</div>")).strip()
    html, _ = convert(f"<div>\n{token}\n</div>\n", store)  # inside raw HTML: not placed
    assert "card" not in html
    assert store.finish("sd/a.md") == 1
    convert(token, store)  # its page is done: the store no longer knows it
    assert store.unknown == [token]


def test_a_forged_placeholder_without_the_nonce_stays_text() -> None:
    store = BlockStore()
    store.add(Html("<div>secret</div>"))
    html, _ = convert("mkdocsdigest0000000000000000n0", store)
    assert "secret" not in html
    assert "mkdocsdigest0000000000000000n0" in html


HOSTILE = """\
---
title: Week
date: 2024-04-05
---

### [<script>alert('t')</script> "x" onmouseover=alert(1)](http://arxiv.org/abs/2599.00001)

**<img src=x onerror=alert(1)>**

<b>Ann</b>, Bob

- <script>alert(1)</script> and [link](javascript:alert(1))

<iframe src="https://example.org"></iframe>

**Comment:** <svg onload=alert(1)>

**トピック:** [<i>sd</i>](../../sd), **カテゴリ:** <u>cs.LG</u>, **投稿日時:** 2024-04-06 10:00
"""


def test_a_hostile_entry_renders_as_text_only() -> None:
    digest = parse_digest(HOSTILE, "sd/2024-04-05.md")
    catalog = Catalog.build([digest])
    pages, _ = Layout().pages(catalog)
    renderer = Renderer(catalog, pages, [TEMPLATES], labels_for("en"))
    urls = {"sd/2024-04-05.md": "sd/2024-04-05/", "sd/index.md": "sd/", "topics.md": "topics/"}
    store = BlockStore()
    text = renderer.digest_markdown(
        HOSTILE.split("---\n", 2)[2], 5, digest, Links(urls, digest.page), store
    )
    html, _ = convert(text, store)
    soup = BeautifulSoup(html, "html.parser")
    card = soup.find("article")
    tags = {tag.name for tag in card.find_all(True)}
    assert not tags & {"script", "img", "iframe", "svg", "b", "i", "u"}
    assert all(not attr.startswith("on") for tag in card.find_all(True) for attr in tag.attrs)
    assert all(not a.get("href", "").startswith("javascript") for a in card.find_all("a"))
    shown = card.get_text()
    for text_part in (
        "<script>alert('t')</script>",
        "<img src=x onerror=alert(1)>",
        "<b>Ann</b>",
        "<svg onload=alert(1)>",
        "<i>sd</i>",
        "<u>cs.LG</u>",
    ):
        assert text_part in shown
    assert "<iframe" in shown  # the commentary paragraph, as text


def test_a_lean_page_is_rendered_in_full_however_its_mark_is_written() -> None:
    from mkdocs_digest.rendering.lean_page import LeanPage

    lean: LeanPage[str] = LeanPage(lambda part: f"<div>{part} in full</div>")
    html = lean.add("a", '<p data-digest-lean="">a</p>') + "<hr>" + lean.add("b", "")
    # The second part's markup is gone (another plugin removed it): counted, not lost.
    assert lean.full(html) == "<div>a in full</div><hr>"
    assert lean.missed == 1
    whole: LeanPage[str] = LeanPage(lambda part: f"<div>{part}</div>")
    text = whole.add("x", "<p data-digest-lean>x</p>") + whole.add(
        "y", '<ul data-digest-lean="">\n</ul>'
    )
    assert whole.full(text) == "<div>x</div><div>y</div>" and whole.missed == 0
