"""Rendering pieces on their own: URLs, safe inline Markdown, splicing."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import assume, given
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from mkdocs_digest.rendering.inline import document, inline, is_safe_url, paragraphs
from mkdocs_digest.rendering.links import relative_url
from mkdocs_digest.rendering.pages.digest import splice
from mkdocs_digest.words import counted, labels_for


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("sd/", "sd/2024-03-29/"),
        ("dp/", "sd/2024-03-29/"),
        ("dp/index.html", "sd/2024-03-29.html"),
        ("sd/2024-03-29.html", "dp/index.html"),
        ("topics/", "./"),
        ("a/b/c/", "x/"),
        ("./", "a/b/"),
        ("index.html", "deep/er/page.html"),
        ("./", "./"),
        ("sd/", "."),
        ("sd/2024-03-29/", "sd/2024-03-29/"),
        ("a/../b/", "x/./y/"),
        ("", "sd/index.html"),
    ],
)
def test_relative_url_agrees_with_mkdocs(url: str, base: str) -> None:
    assert relative_url(url, base) == get_relative_url(url, base)


def text_and_tags(html: str) -> tuple[str, list[str]]:
    soup = BeautifulSoup(f"<div>{html}</div>", "html.parser")
    return soup.get_text(), [tag.name for tag in soup.div.find_all(True)]


def test_inline_markdown_renders_emphasis_code_and_links() -> None:
    soup = BeautifulSoup(
        str(inline("**bold** *it* `x<y` [site](https://example.org)")), "html.parser"
    )
    assert soup.strong.get_text() == "bold"
    assert soup.em.get_text() == "it"
    assert soup.code.get_text() == "x<y"
    assert soup.a["href"] == "https://example.org"
    assert "nofollow" in soup.a["rel"]


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<a href='javascript:alert(1)'>x</a>",
        "</p><script>alert(1)</script>",
    ],
)
def test_raw_html_in_digest_text_is_shown_as_text(text: str) -> None:
    shown, tags = text_and_tags(str(inline(text)))
    assert tags == []
    assert shown == text


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        " javascript:alert(1)",
        "&#x6a;avascript:alert(1)",
        "&#106;avascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
    ],
)
@pytest.mark.parametrize("convert", [inline, document], ids=["fields", "around entries"])
def test_links_with_unsafe_schemes_become_plain_text(href: str, convert) -> None:
    soup = BeautifulSoup(str(convert(f"see [click]({href})")), "html.parser")
    assert soup.find("a") is None
    assert soup.get_text().strip() == "see click"
    assert not is_safe_url(href)


def test_images_and_block_syntax_stay_text() -> None:
    assert text_and_tags(str(inline("![x](https://example.org/t.png)")))[1] == []
    assert text_and_tags(str(inline("# not a heading")))[1] == []
    assert [t for t in text_and_tags(str(paragraphs("one\n\ntwo")))[1]] == ["p", "p"]


def test_splice_replaces_source_spans_of_a_page_without_front_matter() -> None:
    source_lines = ["---", "title: t", "---", "", "intro", "", "entry a", "entry a2", "---", "tail"]
    markdown = "\n".join(source_lines[4:])  # what MkDocs hands on_page_markdown
    result = splice(markdown, 5, [(7, 9, "CARD"), (9, 10, "")])
    assert result.split("\n") == ["intro", "", "CARD", "", "tail"]


def test_splice_leaves_overlapping_and_out_of_range_spans_alone() -> None:
    markdown = "\n".join(["a", "b", "c", "d"])  # source lines 1..4
    # The second span starts inside the first: the text it covers is already replaced.
    assert splice(markdown, 1, [(1, 3, "X"), (2, 4, "Y")]).split("\n") == ["X", "c", "d"]
    # A span past the end of what MkDocs handed over is not ours to touch.
    assert splice(markdown, 1, [(3, 9, "Z")]) == markdown


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_plain_text_renders_as_the_converter_would(text: str) -> None:
    from mkdocs_digest.rendering.inline import convert, is_plain

    assume(is_plain(text) and text)
    assert str(paragraphs(text)) == str(convert(text))
    assert str(inline(text)) == str(convert(text)).removeprefix("<p>").removesuffix("</p>")


@pytest.mark.parametrize(
    ("n", "papers", "weeks"),
    [(0, "0 papers", "0 weeks"), (1, "1 paper", "1 week"), (2, "2 papers", "2 weeks")],
)
def test_english_counts_are_singular_for_one_only(n: int, papers: str, weeks: str) -> None:
    english = labels_for("en")
    assert counted(english, "n_papers", n) == papers
    assert counted(english, "n_weeks", n) == weeks
    assert counted(labels_for("ja"), "n_papers", n) == f"{n} 件の論文"
