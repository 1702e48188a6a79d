"""The parser on each format generation, written out by hand from docs/FORMAT.md."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_digest.domain.catalog import Catalog
from mkdocs_digest.domain.fields import DEFAULT
from mkdocs_digest.domain.lines import arxiv_id
from mkdocs_digest.domain.metadata import topic_slug
from mkdocs_digest.domain.model import anchor_for, is_arxiv_category
from mkdocs_digest.domain.parser import looks_like_digest, parse_digest
from mkdocs_digest.formats.export import catalog_json

from .conftest import EXAMPLE

EXAMPLE_SEED = EXAMPLE / "docs" / "sd" / "2024-03-29.md"

FIRST_GENERATION = """\
---
title: 合成データ (2024-03-29 ~ 2024-04-04)
date: 2024-03-29
---

合成データに関する論文まとめ (2024-03-29 ~ 2024-04-04)

### [First Paper](http://arxiv.org/abs/2404.04125)
**最初の論文**

Ann One, Bob Two

- bullet one
- bullet two

**Comment:** 10 pages

**トピック:** [合成データ](../../sd), [差分プライバシー](../../dp), **投稿日:** 2024-04-04

---
### [Second Paper](http://arxiv.org/abs/2404.03537)
**二番目の論文**

Carol Three

- only bullet

**トピック:** [合成データ](../../sd), **投稿日:** 2024-04-03

---
"""

LATER_GENERATION = """\
---
title: 差分プライバシー (2024-11-22 ~ 2024-11-28)
date: 2024-11-22
---

差分プライバシーに関する論文まとめ (2024-11-22 ~ 2024-11-28)


- - -

### [A [Bracketed] Title (with parens) and $k$ | pipes](https://arxiv.org/abs/2411.12345v3)

**括弧のある題名**

Dee Four, Eve Five, Fay Six

- first *point*
- second point

A casual remark about the paper.

And a second remark paragraph.

**Comment:** Accepted at   Somewhere

**トピック:** [差分プライバシー](../../dp), **カテゴリ:** cs.CV, cs.CR, Machine Learning
  (stat.ML), I.2.1; I.2.11, **投稿日時:** 2024-11-22 00:09


- - -

### [Old Style](http://arxiv.org/pdf/math/0601001v2)

**古い番号**

Gus Seven

- bullet

**トピック:** [差分プライバシー](../../dp), **カテゴリ:** math.PR, **投稿日時:** 2024-11-23 13:05
"""


def test_first_generation_entries_and_fields() -> None:
    digest = parse_digest(FIRST_GENERATION, "sd/2024-03-29.md")
    assert digest.title == "合成データ (2024-03-29 ~ 2024-04-04)"
    assert digest.date == dt.date(2024, 3, 29)
    assert digest.series == "sd"
    assert digest.diagnostics == []
    first, second = (entry.paper for entry in digest.entries)
    assert first.arxiv_id == "2404.04125"
    assert first.url == "http://arxiv.org/abs/2404.04125"
    assert first.title == "First Paper"
    assert first.title_ja == "最初の論文"
    assert first.authors == ("Ann One", "Bob Two")
    assert first.summary == ("bullet one", "bullet two")
    assert first.commentary is None
    assert first.comment == "10 pages"
    assert [(t.slug, t.name) for t in first.topics] == [
        ("sd", "合成データ"),
        ("dp", "差分プライバシー"),
    ]
    assert first.categories == ()
    assert str(first.published) == "2024-04-04"
    assert second.comment is None
    assert second.authors == ("Carol Three",)


def test_entry_lines_and_spans_cover_entries_and_separators() -> None:
    digest = parse_digest(FIRST_GENERATION, "sd/2024-03-29.md")
    lines = FIRST_GENERATION.split("\n")
    first, second = digest.entries
    assert lines[first.line - 1].startswith("### [First Paper]")
    assert lines[first.end - 2].startswith("**トピック:**")
    assert lines[second.line - 1].startswith("### [Second Paper]")
    covered = {n for start, end in digest.spans for n in range(start, end)}
    separators = {n for n, line in enumerate(lines, 1) if line == "---" and n > 4}
    assert separators <= covered
    intro = lines.index("合成データに関する論文まとめ (2024-03-29 ~ 2024-04-04)") + 1
    assert intro not in covered


def test_later_generation_fields() -> None:
    digest = parse_digest(LATER_GENERATION, "dp/2024-11-22.md")
    assert digest.diagnostics == []
    paper, old = (entry.paper for entry in digest.entries)
    assert paper.arxiv_id == "2411.12345"
    assert paper.title == "A [Bracketed] Title (with parens) and $k$ | pipes"
    assert paper.summary == ("first *point*", "second point")
    assert paper.commentary == "A casual remark about the paper.\n\nAnd a second remark paragraph."
    assert paper.comment == "Accepted at   Somewhere"
    # Classification text between codes stays one item, its line break folded.
    assert paper.categories == ("cs.CV", "cs.CR", "Machine Learning (stat.ML), I.2.1; I.2.11")
    assert str(paper.published) == "2024-11-22 00:09"
    assert paper.published is not None and paper.published.iso == "2024-11-22T00:09"
    assert old.arxiv_id == "math/0601001"
    assert old.anchor == "arxiv-math-0601001"


def test_seed_page_has_twelve_entries_and_no_diagnostics() -> None:
    # The example site's first digest is the seed (a test checks it where ../shared is).
    digest = parse_digest(EXAMPLE_SEED.read_text(encoding="utf-8"), "sd/2024-03-29.md")
    assert len(digest.entries) == 12
    assert digest.diagnostics == []
    multi = [e.paper for e in digest.entries if len(e.paper.topics) > 1]
    assert [p.arxiv_id for p in multi] == ["2404.02519"]


def test_entries_after_other_markdown_on_a_home_page() -> None:
    home = (
        "# Home\n\nIntro text with a [link](https://example.org).\n\n## 最新更新分\n\n- - -\n\n"
        "### [Paper](http://arxiv.org/abs/2599.00001)\n\n**論文**\n\nA B\n\n- x\n\n"
        "**トピック:** [合成データ](sd), **カテゴリ:** cs.LG, **投稿日時:** 2024-04-09 10:15\n"
    )
    digest = parse_digest(home, "index.md")
    assert [e.paper.arxiv_id for e in digest.entries] == ["2599.00001"]
    assert digest.entries[0].paper.topics[0].slug == "sd"
    assert digest.series is None  # a home page is not a weekly digest
    covered = {n for start, end in digest.spans for n in range(start, end)}
    assert not covered & {1, 3, 5}  # the heading, intro and section heading stay


def test_bom_and_crlf_are_read_like_mkdocs_reads_them() -> None:
    text = "\ufeff" + FIRST_GENERATION.replace("\n", "\r\n")
    digest = parse_digest(text, "sd/2024-03-29.md")
    assert [e.paper.arxiv_id for e in digest.entries] == ["2404.04125", "2404.03537"]
    assert digest.entries[0].paper.summary == ("bullet one", "bullet two")


def test_entry_without_metadata_is_reported_and_carded_up_to_the_separator() -> None:
    text = FIRST_GENERATION.replace(
        "**トピック:** [合成データ](../../sd), **投稿日:** 2024-04-03\n", ""
    )
    digest = parse_digest(text, "sd/2024-03-29.md")
    _, second = digest.entries
    assert second.paper.arxiv_id == "2404.03537"
    assert second.paper.summary and second.paper.topics == () and second.paper.published is None
    (problem,) = digest.diagnostics
    lines = text.split("\n")
    assert problem.line == second.line
    assert lines[problem.line - 1].startswith("### [Second Paper]")
    assert problem.level == "warning" and "2404.03537" in problem.message
    assert lines[second.end - 2] == "- only bullet"  # the span ends at the entry's last line
    assert next(line for line in lines[second.end - 1 :] if line.strip()) == "---"


def test_only_dated_pages_or_pages_with_metadata_are_digests() -> None:
    notes = "# Reading list\n\n### [A Paper](https://arxiv.org/abs/1706.03762)\n\nGood.\n"
    assert not looks_like_digest(notes, "reading.md")  # a user's own page: no warnings
    assert looks_like_digest(notes, "sd/2024-04-05.md")
    assert looks_like_digest("x\n**トピック:** [a](../../a)\n", "index.md")


def test_heading_without_arxiv_link_is_reported_at_the_heading() -> None:
    text = FIRST_GENERATION.replace("(http://arxiv.org/abs/2404.03537)", "(https://example.org/x)")
    digest = parse_digest(text, "sd/2024-03-29.md")
    assert [e.paper.arxiv_id for e in digest.entries] == ["2404.04125"]
    (problem,) = digest.diagnostics
    assert text.split("\n")[problem.line - 1].startswith("### [Second Paper]")
    assert "arXiv" in problem.message


def test_bad_date_and_bad_front_matter_are_warnings_that_keep_the_card() -> None:
    text = FIRST_GENERATION.replace("2024-04-03\n", "2024-02-31\n").replace(
        "date: 2024-03-29", "date: [unclosed"
    )
    digest = parse_digest(text, "sd/2024-03-29.md")
    assert len(digest.entries) == 2
    assert digest.entries[1].paper.published is None
    messages = sorted(d.message for d in digest.diagnostics)
    assert any("front matter" in m for m in messages)
    assert any("2024-02-31" in m for m in messages)
    assert all(d.level == "warning" for d in digest.diagnostics)
    assert digest.date == dt.date(2024, 3, 29)  # from the file name


def test_duplicate_id_on_one_page_gets_a_distinct_anchor() -> None:
    text = FIRST_GENERATION.replace("2404.03537", "2404.04125")
    digest = parse_digest(text, "sd/2024-03-29.md")
    assert [e.anchor for e in digest.entries] == ["arxiv-2404.04125", "arxiv-2404.04125-2"]
    assert len(digest.diagnostics) == 1


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://arxiv.org/abs/2404.04125", "2404.04125"),
        ("https://arxiv.org/abs/2404.04125v2", "2404.04125"),
        ("https://arxiv.org/pdf/2404.04125v1.pdf", "2404.04125"),
        ("http://arxiv.org/abs/0704.0001", "0704.0001"),
        ("http://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("http://arxiv.org/abs/math.GT/0309136", "math.GT/0309136"),
        ("https://example.org/abs/2404.04125", None),
        ("javascript:alert(1)", None),
    ],
)
def test_arxiv_ids(url: str, expected: str | None) -> None:
    assert arxiv_id(url) == expected


@pytest.mark.parametrize(
    ("target", "slug"),
    [("../../sd", "sd"), ("sd", "sd"), ("../dp/", "dp"), ("../fl/index.md", "fl"), ("..", "")],
)
def test_topic_slugs(target: str, slug: str) -> None:
    assert topic_slug(target) == slug


def test_anchor_ids_are_safe_for_html() -> None:
    assert anchor_for("2404.04125") == "arxiv-2404.04125"
    assert anchor_for("math.GT/0309136") == "arxiv-math.GT-0309136"


@pytest.mark.parametrize(
    "target", ["../../<script>", "../../", "../../a%2Fb", "../../.hidden", "../../sitemap.xml"]
)
def test_topic_links_that_cannot_name_a_folder_are_reported(target: str) -> None:
    text = FIRST_GENERATION.replace("[差分プライバシー](../../dp)", f"[悪い]({target})")
    digest = parse_digest(text, "sd/2024-03-29.md")
    assert [t.slug for t in digest.entries[0].paper.topics] == ["sd"]
    (problem,) = digest.diagnostics
    assert problem.level == "warning" and "悪い" in problem.message


def test_a_topic_field_written_the_same_on_two_pages_is_reported_on_each() -> None:
    # Fields are read once per site (cached): the second page must still hear of it.
    text = FIRST_GENERATION.replace("[差分プライバシー](../../dp)", "差分プライバシー")
    first = parse_digest(text, "sd/2024-03-29.md")
    second = parse_digest(text, "dp/2024-03-29.md")
    for digest in (first, second):
        (problem,) = digest.diagnostics
        assert problem.page == digest.page and "'差分プライバシー' is not a link" in problem.message
    assert first.diagnostics[0].line == second.diagnostics[0].line > 1


EMPTY_TITLE = """\
---
title: 合成データ (2024-03-29 ~ 2024-04-04)
date: 2024-03-29
---

### [No Japanese Title](http://arxiv.org/abs/2404.00001)

****

Ann One, Bob Two

*日本語に訳したタイトル*

- bullet one
- bullet two

a remark

**Comment:** 9 pages

**トピック:** [合成データ](../../sd), **カテゴリ:** cs.LG, **投稿日時:** 2024-04-04 10:00

- - -

### [No Authors Line](http://arxiv.org/abs/2404.00002)

**著者なしの論文**

- only bullet

**トピック:** [合成データ](../../sd), **カテゴリ:** cs.CL, **投稿日時:** 2024-04-03 09:00

- - -

### [Neither Title Nor Authors](http://arxiv.org/abs/2404.00003)
****
- a bullet right away

**トピック:** [合成データ](../../sd), **投稿日時:** 2024-04-02 08:00
"""


def test_empty_japanese_title_keeps_every_other_field() -> None:
    digest = parse_digest(EMPTY_TITLE, "sd/2024-03-29.md")
    assert digest.diagnostics == []
    paper = digest.entries[0].paper
    assert paper.title_ja is None
    assert paper.authors == ("Ann One", "Bob Two")
    assert paper.summary == ("bullet one", "bullet two")
    # The source site keeps a translated italic title before the bullets as summary
    # text, not as a bullet (docs/FORMAT.md): commentary, with the remark after the list.
    assert paper.commentary == "*日本語に訳したタイトル*\n\na remark"
    assert paper.comment == "9 pages"
    assert [t.slug for t in paper.topics] == ["sd"]
    assert paper.categories == ("cs.LG",)
    assert str(paper.published) == "2024-04-04 10:00"


def test_missing_authors_line_and_empty_title_keep_the_rest() -> None:
    digest = parse_digest(EMPTY_TITLE, "sd/2024-03-29.md")
    second, third = digest.entries[1].paper, digest.entries[2].paper
    assert (second.title_ja, second.authors, second.summary) == (
        "著者なしの論文",
        (),
        ("only bullet",),
    )
    assert second.categories == ("cs.CL",)
    assert (third.title_ja, third.authors, third.summary) == (None, (), ("a bullet right away",))
    assert str(third.published) == "2024-04-02 08:00"


CODE_ON_PAGE = """\
---
title: 合成データ (2024-03-29 ~ 2024-04-04)
date: 2024-03-29
---

An entry looks like this:

```markdown
### [Example Title](http://arxiv.org/abs/2404.99999)

**例のタイトル**

- a bullet

**トピック:** [合成データ](../../sd), **投稿日時:** 2024-04-04 10:00
```

<!--
### [Commented Out](http://arxiv.org/abs/2404.88888)
**トピック:** [合成データ](../../sd)
-->

    ### [Indented Code](http://arxiv.org/abs/2404.77777)
    ---

### [Real Paper](http://arxiv.org/abs/2404.00001)

**本物の論文**

Ann One

- a bullet

A remark with code:

```python
# a comment, not a heading
print("hi")
```

**トピック:** [合成データ](../../sd), **投稿日時:** 2024-04-04 10:00

- - -

After the entries.
"""


def test_code_blocks_and_comments_hold_no_entries_and_do_not_end_one() -> None:
    digest = parse_digest(CODE_ON_PAGE, "sd/2024-03-29.md")
    assert digest.diagnostics == []
    (entry,) = digest.entries
    assert entry.paper.arxiv_id == "2404.00001"
    assert entry.paper.topics[0].slug == "sd"
    assert str(entry.paper.published) == "2024-04-04 10:00"
    assert "# a comment, not a heading" in (entry.paper.commentary or "")
    lines = CODE_ON_PAGE.split("\n")
    # The card replaces the entry and the separator after it, nothing of the code above.
    covered = {n for start, end in digest.spans for n in range(start, end)}
    assert min(covered) == lines.index("### [Real Paper](http://arxiv.org/abs/2404.00001)") + 1
    assert lines.index("After the entries.") + 1 not in covered


def test_a_readme_with_an_example_in_a_code_block_is_not_a_digest() -> None:
    text = "# Project\n\n```markdown\n" + CODE_ON_PAGE.split("```markdown\n")[1].split("```")[0]
    text += "```\n"
    assert parse_digest(text, "README.md").entries == []
    assert parse_digest(text, "README.md").diagnostics == []


def test_categories_are_arxiv_codes_and_other_classification_text_kept_whole() -> None:
    meta = (
        "**トピック:** [合成データ](../../sd), **カテゴリ:** cs.DC, Distributed, Parallel, and\n"
        "Cluster Computing (cs.DC), stat.ML, 68T05 (Primary) 62H30, 62J05 (Secondary), "
        "q-fin.ST, **投稿日時:** 2024-04-04 10:00"
    )
    text = EMPTY_TITLE.split("- - -")[0].replace(
        "**トピック:** [合成データ](../../sd), **カテゴリ:** cs.LG, **投稿日時:** 2024-04-04 10:00",
        meta,
    )
    (entry,) = parse_digest(text, "sd/2024-03-29.md").entries
    assert entry.paper.categories == (
        "cs.DC",
        "Distributed, Parallel, and Cluster Computing (cs.DC)",  # one line, as written
        "stat.ML",
        "68T05 (Primary) 62H30, 62J05 (Secondary)",
        "q-fin.ST",
    )
    assert [is_arxiv_category(c) for c in entry.paper.categories] == [1, 0, 1, 0, 1]


def test_a_page_without_front_matter_takes_its_title_from_its_h1() -> None:
    text = (
        "```\n# not the title\n```\n\n# 合成データ (2024-05-03 ~ 2024-05-09)\n\n"
        + (EMPTY_TITLE.split("---\n", 2)[2])
    )
    digest = parse_digest(text, "llm/2024-05-03.md")
    assert digest.title == "合成データ (2024-05-03 ~ 2024-05-09)"
    assert digest.date is not None and digest.date.isoformat() == "2024-05-03"  # from the name
    with_front_matter = parse_digest("---\ntitle: From YAML\n---\n\n# H1\n", "x/2024-05-03.md")
    assert with_front_matter.title == "From YAML"


def test_a_bullet_continued_on_an_indented_line_is_one_bullet() -> None:
    text = EMPTY_TITLE.replace("- bullet one\n", "- bullet one\n  continued here\n\tand here\n")
    paper = parse_digest(text, "sd/2024-03-29.md").entries[0].paper
    assert paper.summary == ("bullet one continued here and here", "bullet two")


# -- English field labels ---------------------------------------------------------

ENGLISH_DIGEST = EXAMPLE / "docs" / "fl" / "2024-04-12.md"
TO_JAPANESE = {"**Topics:**": "**トピック:**", "**Categories:**": "**カテゴリ:**"}
TO_JAPANESE |= {"**Published:**": "**投稿日時:**", "**Comment:**": "**コメント:**"}


def _japanese_twin(text: str) -> str:
    for english, japanese in TO_JAPANESE.items():
        assert english in text
        text = text.replace(english, japanese)
    return text


def test_the_example_sites_english_digest_exports_as_its_japanese_twin() -> None:
    english = ENGLISH_DIGEST.read_text(encoding="utf-8")
    page = "fl/2024-04-12.md"
    exported = [
        catalog_json(Catalog.build([parse_digest(text, page)]))
        for text in (english, _japanese_twin(english))
    ]
    assert exported[0] == exported[1]
    paper = exported[0]["papers"][0]
    assert paper["topics"] == ["fl"] and paper["categories"] == ["cs.LG", "cs.DC"]
    assert paper["published"] == "2024-04-14 11:20" and paper["comment"] == "14 pages, 6 figures"
    assert exported[0]["diagnostics"] == []


def test_a_digest_may_mix_japanese_and_english_labels() -> None:
    mixed = FIRST_GENERATION.replace("**投稿日:**", "**Published:**", 1)
    assert mixed != FIRST_GENERATION
    assert (
        parse_digest(mixed, "sd/x.md").entries == parse_digest(FIRST_GENERATION, "sd/x.md").entries
    )


def test_configured_aliases_name_the_same_fields() -> None:
    german = _japanese_twin(ENGLISH_DIGEST.read_text(encoding="utf-8"))
    german = german.replace("**トピック:**", "**Themen:**").replace("**投稿日時:**", "**Datum:**")
    page = "fl/2024-04-12.md"
    plain = parse_digest(german, page)
    assert plain.entries[0].paper.topics == ()  # unknown labels: no metadata line found
    assert "has no '**トピック:**' line" in plain.diagnostics[0].message
    names = DEFAULT.with_aliases({"topics": ["Themen"], "published": ["Datum"]})
    assert looks_like_digest(german, page, names)
    paper = parse_digest(german, page, names).entries[0].paper
    assert [t.slug for t in paper.topics] == ["fl"]
    assert str(paper.published) == "2024-04-14 11:20"
    with pytest.raises(ValueError, match="unknown field"):
        DEFAULT.with_aliases({"topic": ["Themen"]})


def test_metadata_fields_are_read_in_any_order() -> None:
    # Published written before Categories: each field keeps its own value.
    text = FIRST_GENERATION.replace(
        "**トピック:** [合成データ](../../sd), **投稿日:** 2024-04-03",
        "**トピック:** [合成データ](../../sd), **投稿日時:** 2024-04-03 09:30, "
        "**カテゴリ:** cs.LG, stat.ML",
    )
    digest = parse_digest(text, "sd/2024-03-29.md")
    paper = digest.entries[1].paper
    assert paper.categories == ("cs.LG", "stat.ML")
    assert paper.published is not None and paper.published.iso == "2024-04-03T09:30"
    assert [t.slug for t in paper.topics] == ["sd"]
    assert digest.diagnostics == []


def test_an_h1_s_closing_hashes_and_spaces_are_not_its_title() -> None:
    # ATX headings may close with hashes (`# Title ##`): MkDocs' title leaves them out.
    body = EMPTY_TITLE.split("---\n", 2)[2]
    digest = parse_digest("#   合成データ (2024-05-03) ##  \n\n" + body, "llm/2024-05-03.md")
    assert digest.title == "合成データ (2024-05-03)"
    assert parse_digest("# ##\n\n" + body, "llm/2024-05-03.md").title != "##"
