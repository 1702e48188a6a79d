"""Incremental builds (`mkdocs serve --dirty`) give the site a clean build gives.

The builds run in this process as `mkdocs serve --dirty` runs them: the plugins are
told at startup that builds are dirty, one instance of each is kept across builds,
and after the first build MkDocs renders only the pages it is told changed. After
each edit, every file of a clean `mkdocs build` of the same docs (another process)
must be in the incremental site with the same bytes, search index included.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mkdocs_digest.plugin import heap

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
        return set(self.config.plugins["digest"].kept.dirty_builds.rendered)

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

    def edit_copies(self, old: str, new: str) -> list[str]:
        """Edit every copy of a paper (each page holding `old`), as a site keeps its
        copies agreeing; the pages edited."""
        names = sorted(
            str(p.relative_to(self.docs)) for p in self.docs.rglob("*.md") if old in p.read_text()
        )
        for name in names:
            self.edit(name, old, new)
        return names

    def write(self, name: str, text: str) -> None:
        path = self.docs / name
        path.write_text(text, encoding="utf-8")
        later = time.time() + 1  # newer than any output, whatever the clock's grain
        os.utime(path, (later, later))

    def assert_same_as_clean(self, strict: bool = True) -> None:
        shutil.rmtree(self.clean_dir, ignore_errors=True)
        clean = build(self.config_file, self.clean_dir, strict=strict)
        assert clean.returncode == 0, clean.log
        # Both ways: no file missing, and none left over (a page, a feed, a .bib file).
        assert _files(self.site) == _files(self.clean_dir)
        expected = sorted(p.relative_to(self.clean_dir) for p in self.clean_dir.rglob("*.html"))
        for path in expected:
            if path.name == "404.html":
                continue  # rendered afresh by every build
            assert (self.site / path).read_text() == (self.clean_dir / path).read_text(), path
        search = Path("search", "search_index.json")

        assert json.loads((self.site / search).read_text()) == json.loads(
            (self.clean_dir / search).read_text()
        )
        # The plugin's other files: feeds, papers.json, .bib files, the filter's index,
        # the paper search's shards and records.
        written = {".json", ".xml", ".bib"}
        expected = sorted(
            p.relative_to(self.clean_dir)
            for p in self.clean_dir.rglob("*")
            if p.suffix in written and p.relative_to(self.clean_dir) != search
        )
        assert len(expected) >= 8
        for path in expected:
            if path.name == "sitemap.xml":
                continue  # MkDocs' own, dated by the build
            assert (self.site / path).read_bytes() == (self.clean_dir / path).read_bytes(), path


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


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

    # A typo in a bullet, in both copies: only their digests show bullets.
    edited = site.edit_copies("攻撃を提案", "攻撃を提案する")
    assert edited == ["dp/2024-04-12.md", "sd/2024-04-12.md"]
    assert site.build() == {"dp/2024-04-12/", "sd/2024-04-12/"}  # no other page shows them
    site.assert_same_as_clean()

    # A paper added under two topics: counts, both topic pages, their archives.
    site.write("dp/2024-04-12.md", (site.docs / "dp/2024-04-12.md").read_text() + NEW_ENTRY)
    rendered = site.build()
    assert {"dp/2024-04-12/", "dp/", "fl/", "dp/archive/", "fl/archive/"} <= rendered
    # Related papers look back only: the newest week's new paper changes no other
    # week's lists, so far from every page renders.
    assert rendered != every_page
    site.assert_same_as_clean()

    # The newest week's title: the nav holds a fixed link to it, not its title.
    site.edit("sd/2024-04-12.md", "title: 合成データ", "title: 合成データ 改")
    # It shows on its page, its archive, the pager of the week before and the other
    # digest whose cards link to its cards ("also in").
    assert site.build() == {"sd/2024-04-12/", "sd/archive/", "sd/2024-04-05/", "dp/2024-04-12/"}
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


def test_the_weekly_act_renders_the_new_week_s_pages_and_equals_a_clean_build(
    site: DirtySite,
) -> None:
    """The next week lands in every series at once, as a site's pipeline writes it:
    the new digests, the pages that list or count them and the week before's pager
    render, no older week, and the whole site is a clean build's, byte for byte."""
    site.build()
    series = sorted({p.parent.name for p in site.docs.glob("*/20*.md")})
    new, before = set(), set()
    for n, folder in enumerate(series):
        latest = sorted((site.docs / folder).glob("20*.md"))[-1]
        text = re.sub(r"\d{4}-\d{2}-\d{2}", _next_week, latest.read_text(encoding="utf-8"))
        text = re.sub(r"abs/2599\.0\d(\d{3})", rf"abs/2599.8{n}\1", text)  # fresh papers
        date = _next_week(re.match(r".*", latest.stem))  # type: ignore[arg-type]
        site.write(f"{folder}/{date}.md", text)
        new.add(f"{folder}/{date}/")
        before.add(f"{folder}/{latest.stem}/")
    rendered = site.build()
    assert new <= rendered
    older = {u for u in site.urls() if re.search(r"20\d\d-\d\d-\d\d/$", u)} - new
    # Of the older weeks, only each series' week before (its pager links the new one).
    assert rendered & older == before
    # Besides: the listings (their first page, their archive, and their other pages
    # when the newest group of weeks is full and they move on) and the overview.
    listings = re.compile(r"(all|dp|fl|sd)/((archive|page/\d+)/)?|topics/")
    assert all(listings.fullmatch(url) for url in rendered - new - before), rendered
    assert "" not in rendered and "papers/" not in rendered  # the home page, the explorer
    site.assert_same_as_clean()
    latest_link = (site.site / "sd" / "latest.html").read_text(encoding="utf-8")
    assert 'url=2024-04-19/"' in latest_link  # sd's new week


def _next_week(match: re.Match[str]) -> str:
    return (dt.date.fromisoformat(match.group(0)) + dt.timedelta(weeks=1)).isoformat()


def test_a_topic_s_feed_and_bib_file_go_with_its_last_paper(site: DirtySite) -> None:
    site.build()
    named = "**トピック:** [合成データ](../../sd), [量子](../../qc), "
    site.edit("dp/2024-04-12.md", "**トピック:** [合成データ](../../sd), ", named)
    site.build()
    topic = site.site / "qc"
    assert (topic / "feed.xml").is_file() and (topic / "papers.bib").is_file()
    site.edit("dp/2024-04-12.md", "[量子](../../qc), ", "")
    site.build()
    assert not (topic / "feed.xml").exists() and not (topic / "papers.bib").exists()
    site.assert_same_as_clean(strict=False)


def test_a_title_edited_in_another_week_reaches_this_week_s_json_ld(site: DirtySite) -> None:
    # 2599.00101 stands in all/, dp/, sd/ and the home page; its one record (JSON-LD)
    # takes the text of its home copy, sd/2024-04-05: every page shows it.
    site.build()
    site.edit("sd/2024-04-05.md", "Synthetic Tabular Data with", "Synthetic Tabular Data, Now With")
    rendered = site.build()
    assert {"all/2024-04-05/", "dp/2024-04-05/", ""} <= rendered
    html = (site.site / "all" / "2024-04-05" / "index.html").read_text(encoding="utf-8")
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert "Synthetic Tabular Data, Now With" in script
    site.assert_same_as_clean(strict=False)  # the other copies now disagree: warned


def _one_week_in_the_nav(site: DirtySite) -> None:
    """A week's title then shows only where the plugin puts it (pagers, archives), and
    a topic without a series folder (`qc`) only on its pages and in chips: not on
    every page through the nav, which would render every page again."""
    path = site.config_file
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    plugin = next(p for p in settings["plugins"] if isinstance(p, dict) and "digest" in p)
    plugin["digest"]["nav_weeks"] = 1
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")


def test_a_renamed_topic_reaches_the_other_topics_listings(site: DirtySite) -> None:
    _one_week_in_the_nav(site)
    # A dp and sd paper that also names qc: the sd and dp listings show a qc chip.
    site.edit(
        "dp/2024-04-12.md",
        "[差分プライバシー](../../dp), ",
        "[差分プライバシー](../../dp), [量子](../../qc), ",
    )
    site.build()
    site.edit("dp/2024-04-12.md", "[量子](../../qc)", "[量子計算](../../qc)")
    rendered = site.build()
    assert {"sd/", "dp/", "qc/"} <= rendered
    assert "sd/2024-03-29/" not in rendered  # shows no qc paper
    chips = (site.site / "sd" / "index.html").read_text(encoding="utf-8")
    assert "量子計算" in chips
    site.assert_same_as_clean(strict=False)  # qc is a topic without a series folder


def test_the_text_around_entries_renders_its_own_page_only(site: DirtySite) -> None:
    """The plugin renders a digest's own text too (rendering/around.py): an edited
    introduction, a heading and an admonition added, reach that page alone, and the
    site equals a clean build."""
    site.build()
    site.edit(
        "sd/2024-04-12.md",
        "合成データに関する論文まとめ (2024-04-12 ~ 2024-04-18)\n",
        "合成データに関する論文まとめ、改訂版\n\n## 今週の注目\n\n"
        '!!! note "編集より"\n    監査の論文に注目。<script>x</script>\n',
    )
    assert site.build() == {"sd/2024-04-12/"}
    page = (site.site / "sd" / "2024-04-12" / "index.html").read_text(encoding="utf-8")
    assert "改訂版" in page and 'class="admonition note"' in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    site.assert_same_as_clean(strict=False)  # the raw HTML is reported where it stands


def test_an_old_week_s_edited_title_reaches_the_archive(site: DirtySite) -> None:
    _one_week_in_the_nav(site)
    site.build()
    site.edit("sd/2024-03-29.md", "title: 合成データ", "title: 合成データ 初回")
    rendered = site.build()
    # The archive names it; the nav shows only the newest week, the pagers dates.
    assert {"sd/2024-03-29/", "sd/archive/"} <= rendered
    assert rendered != site.urls()
    archive = (site.site / "sd" / "archive" / "index.html").read_text(encoding="utf-8")
    assert "合成データ 初回" in archive
    site.assert_same_as_clean()


def test_a_row_template_of_the_site_s_own_shows_every_edit_of_its_papers(
    site: DirtySite,
) -> None:
    # The plugin's rows show titles, so a bullet edit renders only its digest. A
    # site's own row template may show more: its listings follow every edit.
    overrides = site.docs.parent / "overrides"
    (overrides / "digest").mkdir(parents=True)
    (overrides / "digest" / "topic_week.html").write_text(
        "<ul>{% for row in rows %}<li>{{ row.title }}: {{ row.paper.summary[0] }}</li>"
        "{% endfor %}</ul>\n",
        encoding="utf-8",
    )
    path = site.config_file
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    settings["theme"]["custom_dir"] = str(overrides)
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    site.build()
    site.edit_copies("攻撃を提案", "攻撃を提案する")
    rendered = site.build()
    assert {"dp/2024-04-12/", "dp/"} <= rendered and "sd/2024-03-29/" not in rendered
    assert "攻撃を提案する" in (site.site / "dp" / "index.html").read_text(encoding="utf-8")
    site.assert_same_as_clean()


def test_serve_writes_again_only_the_site_files_an_edit_changed(site: DirtySite) -> None:
    site.build()
    files = [p for p in site.site.rglob("*") if p.suffix in (".bib", ".xml", ".json")]
    before = {p: p.stat().st_mtime_ns for p in files}
    site.edit_copies("攻撃を提案", "攻撃を提案する")  # a bullet of an sd and dp paper
    site.build()
    rewritten = {str(p.relative_to(site.site)) for p in files if p.stat().st_mtime_ns != before[p]}
    # Bullets show in papers.json, in the paper search's records and terms, and in the
    # feeds that list the paper (the site's, sd's and dp's, each with its home copy's
    # text); neither a .bib file nor the filter's index shows bullets.
    ours = rewritten - {"search/search_index.json", "sitemap.xml"}
    feeds = {"feed.xml", "sd/feed.xml", "dp/feed.xml"}
    searched = {p for p in ours if p.startswith("assets/mkdocs_digest/search/")}
    assert ours - searched == {"papers.json", *feeds}
    # The paper search: its records' chunk, and the shards of the terms that changed.
    index = [p for p in files if "/search/" in str(p)]
    assert sum("/papers-" in p for p in searched) == 1
    assert 1 <= len(searched) < len(index)
    assert "攻撃を提案する" in (site.site / "papers.json").read_text(encoding="utf-8")
    site.assert_same_as_clean()


def test_new_urls_reach_the_site_files_the_last_build_kept(site: DirtySite) -> None:
    # The kept parts of the site files are not keyed by the site's URLs as a whole
    # (a new week adds URLs): a part made from URLs must have them in its key. Serve
    # reloads mkdocs.yml with the plugin kept; every card's URL moves with this
    # option while every entry stays as it was.
    site.build()
    config = yaml.safe_load(site.config_file.read_text(encoding="utf-8"))
    config["use_directory_urls"] = False
    site.config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site.build()
    shutil.rmtree(site.clean_dir, ignore_errors=True)
    clean = build(site.config_file, site.clean_dir)
    assert clean.returncode == 0, clean.log
    files = ["papers.json", "feed.xml", "sd/feed.xml", "assets/mkdocs_digest/papers-index.json"]
    for name in files:
        assert (site.site / name).read_bytes() == (site.clean_dir / name).read_bytes(), name
    assert ".html#arxiv-" in (site.site / "papers.json").read_text(encoding="utf-8")
    # The home page is index.html without directory URLs: it still announces the feed.
    home = (site.clean_dir / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml"[^>]*href="https://example.org/feed.xml"',
        home,
    )


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


# -- random edits ----------------------------------------------------------------------

# `qc` has no series folder: a topic that comes and goes with the papers naming it.
TOPIC_LINKS = (
    "[合成データ](../../sd)",
    "[差分プライバシー](../../dp)",
    "[連合学習](../../fl)",
    "[量子](../../qc)",
)
TOPIC_LINK = re.compile(r"\[([^\]]+)\]\(\.\./\.\./([a-z]+)\)")
HEADING = re.compile(r"^### \[(?P<title>[^\]]+)\]\((?P<url>http[^)]+)\)$", re.MULTILINE)


class RandomEdits:
    """Edits a site's owner makes between two saves, drawn from one seed."""

    def __init__(self, site: DirtySite, seed: int) -> None:
        self.site = site
        self.random = random.Random(seed)
        self.broken: list[tuple[str, str, str]] = []  # page, broken heading, its fix
        self.count = 0

    def digests(self) -> list[str]:
        pages = (p.relative_to(self.site.docs).as_posix() for p in self.site.docs.rglob("*.md"))
        return sorted(p for p in pages if "/" in p)

    def text(self, page: str) -> str:
        return (self.site.docs / page).read_text(encoding="utf-8")

    def step(self) -> str:
        edits = [self.title, self.topic, self.add_week, self.delete_week, self.rename_week]
        edits += [self.paper_title, self.topic_text, self.break_entry, self.fix_entry]
        edits.append(self.topic_names)
        edits.append(self.per_page)
        while True:
            done = self.random.choice(edits)()
            if done:
                self.count += 1
                return done

    def title(self) -> str | None:
        page = self.random.choice(self.digests())
        text = self.text(page)
        if "title: " not in text:
            return None
        self.site.write(page, text.replace("title: ", f"title: 改{self.count} ", 1))
        return f"title of {page}"

    def topic_text(self) -> str | None:
        """A topic renamed where the digests name it (the most used spelling names it):
        on every page, as a digest generator writes it anew."""
        pages = self.digests()
        found = sorted({link for page in pages for link in TOPIC_LINK.findall(self.text(page))})
        if not found:
            return None
        slug = self.random.choice(sorted({slug for _, slug in found}))
        name = self.random.choice([name for name, s in found if s == slug])
        renamed = f"{name.split(' ')[0]} {self.count}"
        for page in pages:
            text = self.text(page)
            if f"[{name}](../../{slug})" in text:
                self.site.write(
                    page, text.replace(f"[{name}](../../{slug})", f"[{renamed}](../../{slug})")
                )
        return f"topic {slug} renamed {renamed!r}"

    def _heading(self) -> tuple[str, str, re.Match[str]] | None:
        """A random page, its text and one of its paper headings (None: it has none)."""
        page = self.random.choice(self.digests())
        text = self.text(page)
        found = list(HEADING.finditer(text))
        return (page, text, self.random.choice(found)) if found else None

    def paper_title(self) -> str | None:
        picked = self._heading()
        if picked is None:
            return None
        page, text, heading = picked
        title = heading.group("title")
        self.site.write(page, text.replace(f"[{title}]", f"[{title} v{self.count}]", 1))
        return f"a paper's title on {page}"

    def topic(self) -> str | None:
        page = self.random.choice(self.digests())
        text = self.text(page)
        old = [link for link in TOPIC_LINKS if link in text]
        if not old:
            return None
        new = self.random.choice(TOPIC_LINKS)
        self.site.write(page, text.replace(self.random.choice(old), new, 1))
        return f"a topic of {page} to {new}"

    def add_week(self) -> str:
        series = self.random.choice(["sd", "dp", "fl", "all"])
        day = self._free_day(series)
        topic = self.random.choice(TOPIC_LINKS)
        n = 9000 + self.count
        self.site.write(
            f"{series}/{day}.md",
            f"---\ntitle: 追加 {day}\ndate: {day}\n---\n\n- - -\n\n"
            f"### [Added Paper {n}](http://arxiv.org/abs/2599.0{n})\n\n**追加 {n}**\n\n"
            f"Ann Added, Bo Added\n\n- point {n}\n\n**トピック:** {topic}, "
            f"**カテゴリ:** cs.LG, **投稿日時:** {day} 10:00\n",
        )
        return f"week {series}/{day} added"

    def delete_week(self) -> str | None:
        pages = self.digests()
        if len(pages) < 6:
            return None
        page = self.random.choice(pages)
        (self.site.docs / page).unlink()
        self.broken = [b for b in self.broken if b[0] != page]
        return f"{page} deleted"

    def rename_week(self) -> str:
        page = self.random.choice(self.digests())
        series, _, name = page.partition("/")
        day = self._free_day(series)
        text = self.text(page).replace(f"date: {name.removesuffix('.md')}", f"date: {day}")
        (self.site.docs / page).unlink()
        self.site.write(f"{series}/{day}.md", text)
        self.broken = [(f"{series}/{day}.md", *b[1:]) if b[0] == page else b for b in self.broken]
        return f"{page} renamed to {day}"

    def break_entry(self) -> str | None:
        picked = self._heading()
        if picked is None:
            return None
        page, text, heading = picked
        broken = "### " + heading.group("title")
        self.site.write(page, text.replace(heading.group(0), broken, 1))
        self.broken.append((page, broken, heading.group(0)))
        return f"an entry of {page} broken"

    def fix_entry(self) -> str | None:
        if not self.broken:
            return None
        page, broken, heading = self.broken.pop(self.random.randrange(len(self.broken)))
        self.site.write(page, self.text(page).replace(broken, heading, 1))
        return f"an entry of {page} fixed"

    def topic_names(self) -> str:
        name = self.random.choice(["連合学習", "Federated", f"FL {self.count}"])
        self._configure(topic_names={"fl": name})
        return f"topic_names fl: {name}"

    def per_page(self) -> str:
        size = self.random.choice([2, 3, 8, 100])
        self._configure(per_page=size)
        return f"per_page: {size}"

    def _configure(self, **options: object) -> None:
        path = self.site.config_file
        settings = yaml.safe_load(path.read_text(encoding="utf-8"))
        plugin = next(p for p in settings["plugins"] if isinstance(p, dict) and "digest" in p)
        plugin["digest"].update(options)
        path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")

    def _free_day(self, series: str) -> str:
        while True:
            day = dt.date(2024, 4, 19) + dt.timedelta(weeks=self.random.randrange(40))
            if not (self.site.docs / series / f"{day}.md").exists():
                return day.isoformat()


@pytest.mark.parametrize("seed", [1, 2])
def test_random_edits_under_dirty_builds_give_the_clean_site(site: DirtySite, seed: int) -> None:
    """After each step of a seeded sequence of edits, every output file of the dirty
    rebuild equals a clean build's. `DIGEST_DIRTY_STEPS` runs more steps per seed."""
    steps = int(os.environ.get("DIGEST_DIRTY_STEPS", "12"))
    edits = RandomEdits(site, seed)
    # One week a series in the nav: a week's title then shows only where the plugin
    # puts it (pagers, archives), not on every page through the nav.
    edits._configure(nav_weeks=1)
    # And a topic without a series, so not in the nav: only its pages and chips name it.
    site.edit(
        "dp/2024-04-12.md",
        "[差分プライバシー](../../dp), ",
        "[差分プライバシー](../../dp), [量子](../../qc), ",
    )
    site.build()
    done: list[str] = []
    for _ in range(steps):
        done.append(edits.step())
        site.build()
        try:
            site.assert_same_as_clean(strict=False)
        except AssertionError as problem:
            raise AssertionError(f"seed {seed}, after {done}: {problem}") from None


def test_an_author_s_second_paper_in_a_topic_reaches_the_overview(site: DirtySite) -> None:
    """Alan Brooks gains a second paper of 合成データ: the overview, which lists a
    topic's authors of two papers or more, renders again with them and its column."""
    site.build()
    assert "digest-overview__authors" not in (site.site / "topics" / "index.html").read_text()
    site.edit("sd/2024-03-29.md", "Tong Lin, Jerome P. Reiter", "Tong Lin, Alan Brooks")
    assert "topics/" in site.build()
    overview = (site.site / "topics" / "index.html").read_text(encoding="utf-8")
    assert ">Alan Brooks</a> <small>2 件の論文</small>" in overview
    site.assert_same_as_clean()


def test_serve_collects_each_build_s_pages_once_idle(
    site: DirtySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """plugin/heap.py freezes a build's objects while its pages render; the last
    build's pages, garbage by then, must still be collected, or every save of a long
    `mkdocs serve` would keep a site's worth of them."""
    monkeypatch.setattr(heap, "IDLE", 0.05)
    alive = []
    for n in range(4):
        site.edit("sd/2024-04-12.md", "合成", f"合成{n}")
        site.build()
        assert gc.get_freeze_count() == 0
        time.sleep(0.5)  # serve is idle
        alive.append(sum(isinstance(o, Page) for o in gc.get_objects()))
    assert alive[-1] <= alive[1], alive
