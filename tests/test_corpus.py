"""The parser against the real corpus: `mkdocs-digest export` vs the site's papers.json."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import CORPUS, needs_corpus

pytestmark = needs_corpus()


def command() -> str:
    """The installed `mkdocs-digest` console script, beside this Python."""
    found = shutil.which("mkdocs-digest", path=str(Path(sys.executable).parent))
    assert found, "mkdocs-digest is not installed: pip install -e ."
    return found


@pytest.fixture(scope="module")
def exported() -> dict[str, Any]:
    done = subprocess.run(
        [command(), "export", str(CORPUS)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def truth() -> dict[str, dict[str, Any]]:
    records = json.loads((CORPUS / "papers.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in records}


def summary_markdown(paper: dict[str, Any]) -> str:
    """papers.json keeps bullets and commentary as one Markdown text."""
    text = "\n".join(f"- {bullet}" for bullet in paper["summary"])
    return text + (f"\n\n{paper['commentary']}" if paper["commentary"] else "")


def normalize_markers(summary: str) -> str:
    # One LLM bullet uses an ideographic space after '-'; the marker is not bullet text.
    return re.sub(r"(?m)^-\u3000", "- ", summary)


# Topics the slice's papers name whose series folders are not in the slice.
FOLDERLESS = {"fl", "he", "mpc", "pets", "tee", "zkp"}


def test_one_record_per_paper_and_only_folderless_topics_reported(exported, truth) -> None:
    ids = [paper["arxiv_id"] for paper in exported["papers"]]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(truth)
    messages = [d["message"] for d in exported["diagnostics"]]
    assert sorted(m.split("'")[1] for m in messages) == sorted(FOLDERLESS)
    assert all(m.startswith("unknown topic '") for m in messages)


FIELDS = {
    "url": lambda p: p["url"],
    "title": lambda p: p["title"],
    "japanese_title": lambda p: p["title_ja"],
    "authors": lambda p: p["authors"],
    "comment": lambda p: p["comment"] or "",  # papers.json writes "" for none
    "summary": summary_markdown,
    "topics": lambda p: sorted(p["topics"]),
    "categories": lambda p: ", ".join(p["categories"]),  # see the corpus README
    "published": lambda p: p["published"],
    "found_in": lambda p: sorted(a["page"] for a in p["appearances"]),
}

TRUTH = {
    # papers.json gives arXiv's canonical URL (https, no version) for the one written.
    "url": lambda t: re.sub(
        r"^https?://arxiv\.org/abs/(.+?)(v\d+)?$", r"https://arxiv.org/abs/\1", t["url"]
    ),
    "summary": lambda t: normalize_markers(t["summary"]),
    "topics": lambda t: sorted(t["topics"]),
    # The model folds the line breaks arXiv leaves in category strings.
    "categories": lambda t: " ".join(", ".join(t["categories"]).split()),
    "published": lambda t: t["published"][:16].replace("T", " "),  # pages show minutes
    "found_in": lambda t: sorted(t["found_in"]),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_every_paper_matches_papers_json(exported, truth, field: str) -> None:
    mismatches = []
    for paper in exported["papers"]:
        expected_record = truth[paper["arxiv_id"]]
        got = FIELDS[field](paper)
        expected = TRUTH.get(field, lambda t: t[field])(expected_record)
        if got != expected:
            mismatches.append((paper["arxiv_id"], got, expected))
    assert mismatches == [], f"{len(mismatches)} papers differ in {field}: {mismatches[:3]}"


def test_appearance_lines_point_at_the_entry_headings(exported) -> None:
    for paper in exported["papers"][:200]:
        for appearance in paper["appearances"]:
            lines = (CORPUS / appearance["page"]).read_text(encoding="utf-8").split("\n")
            heading = lines[appearance["line"] - 1]
            assert heading.startswith("### [") and paper["arxiv_id"] in heading


def test_topics_and_digests(exported) -> None:
    topics = {topic["slug"]: topic for topic in exported["topics"]}
    assert topics["sd"]["name"] == "合成データ"
    assert topics["dp"]["name"] == "差分プライバシー"
    assert {"fl", "he", "mpc", "pets", "tee", "zkp"} <= set(topics)
    assert len(exported["digests"]) == 79
    series = {digest["series"] for digest in exported["digests"]}
    assert series == {"sd", "dp"}


def test_check_command_reports_only_the_folderless_topics_of_the_slice() -> None:
    done = subprocess.run(
        [command(), "check", str(CORPUS)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stdout + done.stderr  # like --strict
    lines = done.stdout.splitlines()
    assert sorted(line.split("'")[1] for line in lines) == sorted(FOLDERLESS)
    assert all(": unknown topic '" in line for line in lines)
