"""`mkdocs-digest check` and `export` on a small docs folder written here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mkdocs_digest.cli import main

GOOD = (
    "---\ntitle: W\ndate: 2024-04-05\n---\n\n- - -\n\n"
    "### [Good](http://arxiv.org/abs/2599.00001v2)\n\n**良い**\n\nA B, C D\n\n- point\n\n"
    "**トピック:** [合成データ](../../sd), **カテゴリ:** cs.LG, **投稿日時:** 2024-04-06 10:00\n"
)
NO_METADATA = (
    "\n- - -\n\n### [Broken](http://arxiv.org/abs/2599.00002)\n\n**壊れた**\n\nE F\n\n- x\n"
)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    (tmp_path / "sd").mkdir()
    (tmp_path / "sd" / "2024-04-05.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    return tmp_path


def test_check_is_quiet_and_succeeds_on_good_pages(docs: Path, capsys) -> None:
    assert main(["check", str(docs)]) == 0
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == "1 paper on 1 page, 0 errors, 0 warnings\n"


@pytest.mark.parametrize(
    ("broken", "message", "level"),
    [
        (NO_METADATA, "entry 2599.00002 has no '**トピック:**' line", "warning"),
        (
            NO_METADATA.replace("(http://arxiv.org/abs/2599.00002)", "")
            + "\n**トピック:** [合成データ](../../sd)\n",
            "heading does not link to an arXiv abstract",
            "error",
        ),
    ],
)
def test_check_prints_page_and_line_and_fails_like_strict(
    docs: Path, capsys, broken: str, message: str, level: str
) -> None:
    (docs / "sd" / "2024-04-05.md").write_text(GOOD + broken, encoding="utf-8")
    assert main(["check", str(docs)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"sd/2024-04-05.md:20: {message}")
    assert out.rstrip().endswith(f"[{level}]")


def test_export_has_the_documented_shape(docs: Path, capsys) -> None:
    assert main(["export", str(docs)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["papers"] == [
        {
            "arxiv_id": "2599.00001",
            "url": "https://arxiv.org/abs/2599.00001",  # canonical, as written: ...v2
            "title": "Good",
            "title_ja": "良い",
            "authors": ["A B", "C D"],
            "summary": ["point"],
            "commentary": None,
            "comment": None,
            "topics": ["sd"],
            "categories": ["cs.LG"],
            "published": "2024-04-06 10:00",
            "appearances": [{"page": "sd/2024-04-05.md", "line": 8}],
        }
    ]
    assert data["topics"] == [{"slug": "sd", "name": "合成データ", "count": 1}]
    assert data["digests"] == [
        {
            "page": "sd/2024-04-05.md",
            "series": "sd",
            "title": "W",
            "date": "2024-04-05",
            "papers": ["2599.00001"],
        }
    ]
    assert data["diagnostics"] == []


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(tmp_path / "nope")])
    assert exit_info.value.code == 2


def test_a_config_file_gives_the_docs_dir_and_the_plugins_options(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "site-docs"
    (docs / "sd").mkdir(parents=True)
    page = GOOD.replace("[合成データ](../../sd)", "[合成データ](../../sd), [連合学習](../../fl)")
    (docs / "sd" / "2024-04-05.md").write_text(page, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nsite_url: https://example.org/\ndocs_dir: site-docs\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - digest:\n      topic_names: {fl: 連合学習}\n",
        encoding="utf-8",
    )
    assert main(["check", str(docs)]) == 1  # without the config, `fl` is unknown
    assert "unknown topic 'fl'" in capsys.readouterr().out
    assert main(["check", "-f", str(config)]) == 0
    assert main(["export", "-f", str(config)]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert {t["slug"]: t["name"] for t in exported["topics"]}["fl"] == "連合学習"


def test_check_on_a_folder_holding_the_readme_finds_no_digest_in_its_code(
    tmp_path: Path, capsys
) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "**トピック:**" in readme  # the format's example, in a code block
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("0 papers on 0 pages")


def test_version_is_the_installed_distribution_s(capsys) -> None:
    """The package is a regular package with the version pip installed (pyproject's)."""
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text()
    declared = re.search(r'(?m)^version = "([^"]+)"', pyproject)
    assert declared is not None
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.split() == ["mkdocs-digest", declared.group(1)]


def test_export_reports_what_check_reports(docs: Path, capsys) -> None:
    # One model for both: a problem of the layout (a topic page over the owner's
    # page) as well as the parser's, on stderr beside the data.
    (docs / "sd" / "2024-04-05.md").write_text(GOOD + NO_METADATA, encoding="utf-8")
    config = docs.parent / "mkdocs.yml"
    config.write_text(
        f"site_name: S\ndocs_dir: {docs}\nplugins:\n  - digest:\n"
        "      topic_page: 'x/{slug}.md'\n",
        encoding="utf-8",
    )
    (docs / "x").mkdir()
    (docs / "x" / "sd.md").write_text("# The owner's own sd page\n", encoding="utf-8")
    assert main(["check", "-f", str(config)]) == 1
    checked = [line for line in capsys.readouterr().out.splitlines() if line]
    assert len(checked) >= 2, checked
    assert main(["export", "-f", str(config)]) == 0
    exported = capsys.readouterr()
    assert json.loads(exported.out)["papers"]
    assert [line for line in exported.err.splitlines() if line] == checked
