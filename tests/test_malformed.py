"""Malformed digests: one warning naming page, line and problem; nothing lost.

Each case breaks one thing in a two-entry page and builds it for real. A plain build
succeeds with the problem logged as one MkDocs warning (which `--strict` counts:
one case builds strict too), the readable entries are carded and the text of what
could not be read is still on the built page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_digest.cli import main

from .conftest import build, write_site

PAGE = "sd/2024-04-05.md"
# Line numbers below are this text's: the first heading is line 8, the second line 20,
# its metadata line 28.
GOOD = """\
---
title: Week of 2024-04-05
date: 2024-04-05
---

# Week of 2024-04-05

### [First Paper](http://arxiv.org/abs/2599.00001)

**最初の論文**

A. One, B. Two

- first point

**トピック:** [合成データ](../../sd), **カテゴリ:** cs.LG, **投稿日時:** 2024-04-04 10:00

---

### [Second Paper](http://arxiv.org/abs/2599.00002)

**二番目の論文**

C. Three

- second point with a distinctive phrase

**トピック:** [合成データ](../../sd), **カテゴリ:** stat.ML, **投稿日時:** 2024-04-03 09:30
"""
SECOND_HEADING = 20
SECOND_META = 28


@dataclass(frozen=True)
class Case:
    old: str
    new: str
    line: int
    problem: str  # a regular expression the warning must match
    cards: tuple[str, ...]  # card ids on the built page, in order
    kept: tuple[str, ...] = ()  # text outside any card that must be on the page
    topic_names: tuple[tuple[str, str], ...] = ()  # the plugin's `topic_names`


CASES = {
    "heading without a link": Case(
        "### [Second Paper](http://arxiv.org/abs/2599.00002)",
        "### Second Paper",
        SECOND_HEADING,
        r"heading does not link to an arXiv abstract",
        ("arxiv-2599.00001",),
        ("Second Paper", "二番目の論文", "second point with a distinctive phrase"),
    ),
    "heading linking elsewhere": Case(
        "(http://arxiv.org/abs/2599.00002)",
        "(https://example.org/papers/2)",
        SECOND_HEADING,
        r"heading does not link to an arXiv abstract",
        ("arxiv-2599.00001",),
        ("Second Paper", "second point with a distinctive phrase"),
    ),
    "impossible date": Case(
        "2024-04-03 09:30",
        "2024-02-30 09:30",
        SECOND_META,
        r"submission date '2024-02-30 09:30' is not a valid date",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "no metadata paragraph": Case(
        "**トピック:** [合成データ](../../sd), **カテゴリ:** stat.ML, "
        "**投稿日時:** 2024-04-03 09:30\n",
        "",
        SECOND_HEADING,
        r"entry 2599\.00002 has no '\*\*トピック:\*\*' line; carded without topics",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "empty topic": Case(
        "**トピック:** [合成データ](../../sd), **カテゴリ:** stat.ML",
        "**トピック:** **カテゴリ:** stat.ML",
        SECOND_META,
        r"names no topic; carded without one",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "topic that is not a link": Case(
        "**トピック:** [合成データ](../../sd), **カテゴリ:** stat.ML",
        "**トピック:** 合成データ, **カテゴリ:** stat.ML",
        SECOND_META,
        r"topic '合成データ' is not a link to a topic page",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "topic linking off site": Case(
        "**トピック:** [合成データ](../../sd), **カテゴリ:** stat.ML",
        "**トピック:** [量子](https://example.org/quantum), **カテゴリ:** stat.ML",
        SECOND_META,
        r"topic link '\[量子\]\(https://example\.org/quantum\)' needs .* relative target",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "topic whose page would take the overview's URL": Case(
        "**トピック:** [合成データ](../../sd), **カテゴリ:** stat.ML",
        "**トピック:** [一覧](../../topics), **カテゴリ:** stat.ML",
        SECOND_HEADING,
        r"the overview page topics\.md would share its URL with the topic page topics/index",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
        topic_names=(("topics", "一覧"),),  # a known topic: only the clash is a problem
    ),
    "topic link with a typo": Case(
        "**トピック:** [合成データ](../../sd), **カテゴリ:** stat.ML",
        "**トピック:** [合成データ](../../sdd), **カテゴリ:** stat.ML",
        SECOND_META,
        r"unknown topic 'sdd': no series folder of that name and not in 'topic_names'",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "duplicate arXiv id": Case(
        "(http://arxiv.org/abs/2599.00002)",
        "(http://arxiv.org/abs/2599.00001)",
        SECOND_HEADING,
        r"paper 2599\.00001 appears again on this page \(first at line 8\)",
        ("arxiv-2599.00001", "arxiv-2599.00001-2"),
    ),
    "front matter that is not YAML": Case(
        "title: Week of 2024-04-05",
        "title: [Week of 2024-04-05",
        3,
        r"front matter is not valid YAML",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
        ("title: [Week of 2024-04-05",),  # MkDocs shows front matter it cannot read
    ),
    "front matter with an impossible date": Case(
        "date: 2024-04-05",
        "date: 2024-13-45",
        3,
        r"front matter cannot be read: month must be in 1\.\.12",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "byte order mark inside the page": Case(
        "### [Second Paper]",
        "\ufeff### [Second Paper]",
        SECOND_HEADING,
        r"stray byte order mark \(U\+FEFF\)",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "a remark after the metadata line": Case(
        "**投稿日時:** 2024-04-04 10:00\n\n---",
        "**投稿日時:** 2024-04-04 10:00\n\nA remark the model appended.\n\n---",
        18,
        r"text after the '\*\*トピック:\*\*' line of entry 2599\.00001, before its separator; "
        r"shown as the entry's commentary",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
    ),
    "raw HTML between entries": Case(
        "---\n\n### [Second Paper]",
        "---\n\nStray <b>bold</b> text\n\n### [Second Paper]",
        20,
        r"raw HTML '<b>' outside the entries is shown as text",
        ("arxiv-2599.00001", "arxiv-2599.00002"),
        ("Stray <b>bold</b> text",),
    ),
}


def plugin_warnings(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING") and "digest" in line]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_one_warning_nothing_lost(tmp_path: Path, case: Case, capsys) -> None:
    assert GOOD.count(case.old) == 1
    text = GOOD.replace(case.old, case.new)
    assert text.split("\n")[case.line - 1].strip()  # the line named is a real line
    plugin = {"digest": {"topic_names": dict(case.topic_names)}}
    config = write_site(tmp_path, {"index.md": "# Home\n", PAGE: text}, plugins=["search", plugin])

    plain = build(config, tmp_path / "plain", strict=False)
    assert plain.returncode == 0, plain.log

    (warning,) = plugin_warnings(plain.log)
    assert f"{PAGE}:{case.line}: " in warning
    assert re.search(case.problem, warning), warning
    # The command line reads the same mkdocs.yml and says exactly the same.
    assert main(["check", "-f", str(config)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert warning.endswith(line.rpartition(" [")[0])
    page = plain.page("sd/2024-04-05/")
    assert [card["id"] for card in page.select("article.digest-card")] == list(case.cards)
    assert all(ul.find("li") for ul in page.select("article.digest-card ul"))  # no empty lists
    outside = page.select_one("article.md-content__inner")
    for card in outside.select("article.digest-card"):
        card.decompose()
    for text in case.kept:
        assert text in outside.get_text(), text


def test_a_malformed_entry_fails_a_strict_build(tmp_path: Path) -> None:
    case = CASES["impossible date"]
    config = write_site(tmp_path, {"index.md": "# Home\n", PAGE: GOOD.replace(case.old, case.new)})
    strict = build(config, tmp_path / "strict")
    assert strict.returncode != 0
    assert "Aborted with 1 warnings in strict mode" in strict.log, strict.log


def test_bom_and_crlf_files_build_like_clean_ones(tmp_path: Path) -> None:
    # A leading BOM and CRLF line endings are what Windows editors write, and MkDocs
    # reads them transparently: not a problem to warn about, so --strict passes.
    raw = ("\ufeff" + GOOD).replace("\n", "\r\n").encode("utf-8")
    config = write_site(tmp_path, {"index.md": "# Home\n", PAGE: ""})
    (tmp_path / "docs" / PAGE).write_bytes(raw)
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    page = built.page("sd/2024-04-05/")
    cards = page.select("article.digest-card")
    assert [card["id"] for card in cards] == ["arxiv-2599.00001", "arxiv-2599.00002"]
    assert cards[1].select_one("time")["datetime"] == "2024-04-03T09:30"
    assert "\r" not in cards[1].get_text()


def test_a_page_of_notes_with_arxiv_headings_is_not_a_digest(tmp_path: Path) -> None:
    notes = "# Reading list\n\n### [Attention](https://arxiv.org/abs/1706.03762)\n\nRead it.\n"
    config = write_site(tmp_path, {"index.md": "# Home\n", "reading.md": notes, PAGE: GOOD})
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log  # strict, and no warning about the notes
    page = built.page("reading/")
    assert page.select("article.digest-card") == [] and page.find("h3", id="attention")
