"""Incremental builds (`mkdocs serve --dirty`) give the site a clean build gives.

The builds run in this process as `mkdocs serve --dirty` runs them: the plugins are
told at startup that builds are dirty, one instance of each is kept across builds,
and after the first build MkDocs renders only the pages it is told changed. After
each edit, every file of a clean `mkdocs build` of the same docs (another process)
must be in the incremental site with the same bytes, search index included.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from .conftest import EXAMPLE, build, with_config

NEW_ENTRY = """
- - -

### [A Paper Added Between Builds](http://arxiv.org/abs/2599.09911)

**ビルドの間に追加した論文**

New Author

- 追加した要点

**トピック:** [差分プライバシー](../../dp), [連合学習](../../fl), """ + (
    "**カテゴリ:** cs.LG, **投稿日時:** 2024-04-13 09:00\n"
)


class DirtySite:
    def __init__(self, root: Path) -> None:
        self.docs = root / "docs"
        shutil.copytree(EXAMPLE / "docs", self.docs)
        self.site = root / "site"
        self.config_file = with_config(
            EXAMPLE / "mkdocs.yml", root, docs_dir=str(self.docs), site_dir=str(self.site)
        )
        self.clean_dir = root / "clean"
        self.config: MkDocsConfig | None = None

    def build(self) -> set[str]:
        """A dirty build, as serve runs it; the URLs of the pages it rendered."""
        first = self.config is None
        self.config = load_config(str(self.config_file))
        if first:  # serve starts the plugins once, then reloads the config per build
            self.config.plugins.on_startup(command="serve", dirty=True)
        mkdocs_build(self.config, dirty=True)
        return set(self.config.plugins["digest"].dirty_builds.rendered)

    def urls(self) -> set[str]:
        pages = self.site.rglob("index.html")
        return {str(p.parent.relative_to(self.site)).removeprefix(".") + "/" for p in pages} - {
            "/"
        } | {""}

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.docs / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        self.write(name, text.replace(old, new, 1))

    def write(self, name: str, text: str) -> None:
        path = self.docs / name
        path.write_text(text, encoding="utf-8")
        later = time.time() + 1  # newer than any output, whatever the clock's grain
        os.utime(path, (later, later))

    def assert_same_as_clean(self) -> None:
        shutil.rmtree(self.clean_dir, ignore_errors=True)
        clean = build(self.config_file, self.clean_dir)
        assert clean.returncode == 0, clean.log
        expected = sorted(p.relative_to(self.clean_dir) for p in self.clean_dir.rglob("*.html"))
        found = sorted(p.relative_to(self.site) for p in self.site.rglob("*.html"))
        assert found == expected  # no page missing, none left over
        for path in expected:
            if path.name == "404.html":
                continue  # rendered afresh by every build
            assert (self.site / path).read_text() == (self.clean_dir / path).read_text(), path
        search = Path("search", "search_index.json")

        assert json.loads((self.site / search).read_text()) == json.loads(
            (self.clean_dir / search).read_text()
        )
        # The plugin's other files: feeds, papers.json, .bib files, the filter's index.
        written = {".json", ".xml", ".bib"}
        expected = sorted(
            p.relative_to(self.clean_dir)
            for p in self.clean_dir.rglob("*")
            if p.suffix in written and p.parent.name != "search"
        )
        assert len(expected) >= 8
        for path in expected:
            if path.name == "sitemap.xml":
                continue  # MkDocs' own, dated by the build
            assert (self.site / path).read_bytes() == (self.clean_dir / path).read_bytes(), path


@pytest.fixture
def site(tmp_path: Path) -> Iterator[DirtySite]:
    dirty = DirtySite(tmp_path)
    try:
        yield dirty
    finally:
        # Plugins with on_startup are kept for the whole process: leave them clean.
        if dirty.config is not None:
            dirty.config.plugins.on_startup(command="build", dirty=False)


def test_each_edit_renders_what_it_changes_and_the_site_equals_a_clean_build(
    site: DirtySite,
) -> None:
    every_page = site.build()
    assert every_page == site.urls()  # the first build renders them all

    # A typo in a bullet: only its digest shows bullets.
    site.edit("dp/2024-04-12.md", "攻撃を提案", "攻撃を提案する")
    assert site.build() == {"dp/2024-04-12/"}  # no other page shows its bullets
    site.assert_same_as_clean()

    # A paper added under two topics: counts, both topic pages, their archives.
    site.write("dp/2024-04-12.md", (site.docs / "dp/2024-04-12.md").read_text() + NEW_ENTRY)
    rendered = site.build()
    assert {"dp/2024-04-12/", "dp/", "fl/", "dp/archive/", "fl/archive/"} <= rendered
    assert "sd/2024-03-29/" not in rendered
    site.assert_same_as_clean()

    # The newest week's title: the nav of every page shows it.
    site.edit("sd/2024-04-12.md", "title: 合成データ", "title: 合成データ 改")
    assert site.build() == every_page
    site.assert_same_as_clean()

    # A paper moved to another topic, then a digest deleted.
    site.edit(
        "sd/2024-04-12.md",
        "**トピック:** [合成データ](../../sd), **カテゴリ:** cs.RO",
        "**トピック:** [差分プライバシー](../../dp), **カテゴリ:** cs.RO",
    )
    site.build()
    site.assert_same_as_clean()
    (site.docs / "sd" / "2024-04-05.md").unlink()
    site.build()
    site.assert_same_as_clean()


def test_serve_writes_again_only_the_site_files_an_edit_changed(site: DirtySite) -> None:
    site.build()
    files = [p for p in site.site.rglob("*") if p.suffix in (".bib", ".xml", ".json")]
    before = {p: p.stat().st_mtime_ns for p in files}
    site.edit("dp/2024-04-12.md", "攻撃を提案", "攻撃を提案する")  # a bullet of a dp paper
    site.build()
    rewritten = {str(p.relative_to(site.site)) for p in files if p.stat().st_mtime_ns != before[p]}
    # Bullets show in papers.json and in the dp topic's feed (its entry for the paper
    # is this one); the site's feed shows the paper's sd appearance, the same week,
    # and neither a .bib file nor the filter's index shows bullets.
    ours = rewritten - {"search/search_index.json", "sitemap.xml"}
    assert ours == {"papers.json", "dp/feed.xml"}
    assert "攻撃を提案する" in (site.site / "papers.json").read_text(encoding="utf-8")
    site.assert_same_as_clean()


def test_the_memo_keeps_one_builds_values_in_one_context() -> None:
    from mkdocs_digest.domain.cache import Memo

    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    memo = Memo()
    memo.start("urls")
    assert [memo.get(k, lambda k=k: make(k)) for k in ("a", "b", "a")] == ["A", "B", "A"]
    assert made == ["a", "b"]
    memo.start("urls")  # the next build, same context: only "a" is asked for
    assert memo.get("a", lambda: make("a")) == "A"
    assert made == ["a", "b"]
    memo.start("urls")  # "b" was not asked for in the last build: made anew
    memo.get("b", lambda: make("b"))
    assert made == ["a", "b", "b"]
    memo.start("other urls")  # everything made anew
    memo.get("b", lambda: make("b"))
    assert made == ["a", "b", "b", "b"]


def test_a_memo_part_has_a_context_of_its_own() -> None:
    from mkdocs_digest.domain.cache import Memo

    made: list[str] = []
    memo = Memo()
    part = memo.part("index")
    assert memo.part("index") is part
    memo.start("urls")
    part.start("numbering")
    memo.get("feed", lambda: made.append("feed"))
    part.get("rows", lambda: made.append("rows"))
    memo.start("urls")
    part.start("new numbering")  # a paper added: the rows are made anew, not the feed
    memo.get("feed", lambda: made.append("feed"))
    part.get("rows", lambda: made.append("rows"))
    assert made == ["feed", "rows", "rows"]


def test_papers_and_entries_hash_by_value_once() -> None:
    import dataclasses

    from mkdocs_digest.domain.model import Paper

    paper = Paper("2401.00001", "u", "T", None, ("A",), ("b",), None, None, (), (), None)
    twin = dataclasses.replace(paper)
    edited = dataclasses.replace(paper, summary=("b edited",))
    assert twin is not paper and {paper: 1}[twin] == 1
    assert hash(edited) != hash(paper) and edited != paper


def test_a_memo_that_does_not_keep_makes_every_value() -> None:
    from mkdocs_digest.domain.cache import Memo

    made: list[str] = []
    memo = Memo(keep=False)
    memo.start("urls")
    for _ in range(2):
        memo.get("a", lambda: made.append("a") or "A")
    assert made == ["a", "a"]


def test_kept_templates_compile_anew_for_another_syntax() -> None:
    # A template's code depends on the environment's syntax as well as its source:
    # code kept for one environment must not serve another that reads it otherwise.
    import jinja2

    from mkdocs_digest.plugin.templates import KeptTemplates

    kept = KeptTemplates()
    source = {"page.html": "<% if true %>{{ 1 + 1 }}<% endif %>"}

    def render(**syntax: str) -> str:
        loader = jinja2.DictLoader(source)
        env = jinja2.Environment(loader=loader, bytecode_cache=kept, **syntax)  # type: ignore[arg-type]
        return env.get_template("page.html").render()

    assert render() == "<% if true %>2<% endif %>"
    assert render(block_start_string="<%", block_end_string="%>") == "2"
    assert render() == "<% if true %>2<% endif %>"  # and the first is still kept
