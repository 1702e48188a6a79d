"""The catalog: one identity per arXiv id, topics across weeks, series order."""

from __future__ import annotations

import datetime as dt

from mkdocs_digest.domain.catalog import Catalog
from mkdocs_digest.domain.parser import parse_digest
from mkdocs_digest.structure.layout import (
    ArchivePage,
    ExplorerPage,
    Layout,
    ListingPage,
    OverviewPage,
)


def entry(arxiv: str, topics: str, published: str = "2024-04-02 10:00") -> str:
    return (
        f"- - -\n\n### [Paper {arxiv}](http://arxiv.org/abs/{arxiv})\n\n**論文**\n\nA B\n\n- x\n\n"
        f"**トピック:** {topics}, **カテゴリ:** cs.LG, **投稿日時:** {published}\n\n"
    )


def page(date: str, *entries: str) -> str:
    return f"---\ntitle: Week {date}\ndate: {date}\n---\n\nIntro\n\n" + "".join(entries)


SD, DP, FL = "[合成データ](../../sd)", "[差分プライバシー](../../dp)", "[連合学習](../../fl)"


def catalog(extra_week: bool = False) -> Catalog:
    pages = {
        "sd/2024-03-29.md": page(
            "2024-03-29", entry("2599.00001", SD), entry("2599.00002", f"{SD}, {DP}")
        ),
        "sd/2024-04-05.md": page("2024-04-05", entry("2599.00003", f"{SD}, {FL}")),
        "dp/2024-04-05.md": page(
            "2024-04-05",
            entry("2599.00002", f"{SD}, {DP}"),
            entry("2599.00004", DP, "2024-04-06 09:00"),
            entry("2599.00005", DP, "2024-04-07 09:00"),
        ),
        "index.md": "# Home\n\n" + entry("2599.00004", "[差分プライバシー](dp)"),
    }
    if extra_week:
        pages["sd/2024-04-12.md"] = page("2024-04-12", entry("2599.00006", SD))
    return Catalog.build([parse_digest(text, name) for name, text in pages.items()])


def test_papers_have_one_identity_with_every_appearance() -> None:
    c = catalog()
    assert sorted(c.appearances) == [f"2599.0000{n}" for n in range(1, 6)]
    pages = [e.page for e in c.appearances["2599.00002"]]
    assert pages == ["sd/2024-03-29.md", "dp/2024-04-05.md"]  # oldest week first
    assert [e.page for e in c.others(c.appearances["2599.00002"][0])] == ["dp/2024-04-05.md"]


def test_topics_span_series_and_weeks_newest_first() -> None:
    c = catalog()
    assert list(c.topics) == ["dp", "fl", "sd"]
    sd = c.topics["sd"]
    assert [w.date for w in sd.weeks] == [dt.date(2024, 4, 5), dt.date(2024, 3, 29)]
    assert sd.count == 3  # 2599.00002 is counted once although it is on two pages
    fl = c.topics["fl"]
    assert fl.topic.name == "連合学習"
    assert [e.paper.arxiv_id for w in fl.weeks for e in w.entries] == ["2599.00003"]


def test_topic_page_links_to_the_topics_own_series_when_it_can() -> None:
    c = catalog()
    dp_rows = {e.paper.arxiv_id: e.page for w in c.topics["dp"].weeks for e in w.entries}
    assert dp_rows["2599.00002"] == "dp/2024-04-05.md"
    sd_rows = {e.paper.arxiv_id: e.page for w in c.topics["sd"].weeks for e in w.entries}
    assert sd_rows["2599.00002"] == "sd/2024-03-29.md"
    # The home page is not a week: its copy of 2599.00004 never wins.
    assert dp_rows["2599.00004"] == "dp/2024-04-05.md"


def test_rows_in_a_week_are_newest_submission_first() -> None:
    week = catalog().topics["dp"].weeks[0]
    assert [e.paper.arxiv_id for e in week.entries] == ["2599.00005", "2599.00004", "2599.00002"]


def test_series_and_neighbours() -> None:
    c = catalog()
    assert list(c.series) == ["dp", "sd"]
    first, second = c.series["sd"].digests
    assert c.neighbours(first) == (None, second)
    assert c.neighbours(second) == (first, None)
    assert c.neighbours(c.digests["index.md"]) == (None, None)


def test_topic_names_from_config_win() -> None:
    pages = [parse_digest(page("2024-04-05", entry("2599.00003", f"{SD}, {FL}")), "sd/x.md")]
    c = Catalog.build(pages, {"fl": "Federated learning"})
    assert c.topic_name("fl") == "Federated learning"
    assert c.topic_name("sd") == "合成データ"


def test_layout_puts_topic_pages_beside_the_series_folders() -> None:
    c = catalog()
    pages = {p.src_uri: (type(p), p.subject) for p in Layout().pages(c)[0]}
    assert pages == {
        "topics.md": (OverviewPage, ("overview", "")),
        "papers/index.md": (ExplorerPage, ("explorer", "")),
        "dp/index.md": (ListingPage, ("topic", "dp")),
        "fl/index.md": (ListingPage, ("topic", "fl")),
        "sd/index.md": (ListingPage, ("topic", "sd")),
        "dp/archive.md": (ArchivePage, ("topic", "dp")),
        "fl/archive.md": (ArchivePage, ("topic", "fl")),
        "sd/archive.md": (ArchivePage, ("topic", "sd")),
    }
    nested = Catalog.build(
        [parse_digest(page("2024-04-05", entry("2599.00001", SD)), "digests/all/2024-04-05.md")]
    )
    pages = {p.src_uri: (type(p), p.subject) for p in Layout().pages(nested)[0]}
    assert pages == {
        "digests/topics.md": (OverviewPage, ("overview", "")),
        "digests/papers/index.md": (ExplorerPage, ("explorer", "")),
        "digests/sd/index.md": (ListingPage, ("topic", "sd")),
        "digests/sd/archive.md": (ArchivePage, ("topic", "sd")),
        "digests/all/index.md": (ListingPage, ("series", "digests/all")),
        "digests/all/archive.md": (ArchivePage, ("series", "digests/all")),
    }
    custom = Layout(topic_page="topics/{slug}.md", overview_page="topics/index.md", per_page=1)
    assert custom.topic(c, "sd") == "topics/sd.md"
    assert custom.overview(c) == "topics/index.md"
    more = catalog(extra_week=True)  # three groups of weeks: page 1 holds the newest two
    sd = next(x for x in custom.listings(more) if x.key == "sd")
    # Page 1 is the topic's own URL; the next pages and the archive live below it.
    assert sd.uris == ("topics/sd.md", "topics/sd/page/2.md")
    assert sd.archive == "topics/sd/archive.md"


def test_series_names_come_from_config_or_from_titles() -> None:
    week = page("2024-04-05", entry("2599.00001", SD)).replace(
        "title: Week 2024-04-05", "title: すべての論文 (2024-04-05 ~ 2024-04-11)"
    )
    digests = [parse_digest(week, "all/2024-04-05.md"), parse_digest(week, "misc/2024-04-05.md")]
    assert Catalog.build(digests).series["all"].name == "すべての論文"
    named = Catalog.build(digests, {"all": "今週のすべて"})
    assert named.series["all"].name == "今週のすべて"
    assert named.series["misc"].name == "すべての論文"


def test_a_topic_page_wins_a_url_clash_and_the_other_page_is_reported() -> None:
    topics = "[Topics](../../topics)"
    c = Catalog.build([parse_digest(page("2024-04-05", entry("2599.00001", topics)), "t/x.md")])
    pages, (problem,) = Layout().pages(c)
    assert {(p.src_uri, p.subject[0]) for p in pages} == {
        ("topics/index.md", "topic"),
        ("topics/archive.md", "topic"),
        ("t/index.md", "series"),
        ("t/archive.md", "series"),
        ("papers/index.md", "explorer"),
    }
    assert str(problem).startswith("t/x.md:")  # where the topic comes from
    assert "topics.md" in problem.message and "topics/index.md" in problem.message
    assert "overview_page" in problem.message
    moved, problems = Layout(overview_page="overview.md").pages(c)
    assert {p.src_uri for p in moved if not isinstance(p, ArchivePage)} == {
        "overview.md",
        "papers/index.md",
        "topics/index.md",
        "t/index.md",
    }
    assert problems == []


def test_a_clash_named_only_by_an_undated_page_is_reported_at_its_entry() -> None:
    home = "# Home\n\n" + entry("2599.00001", "[一覧](../../topics)")
    c = Catalog.build([parse_digest(home, "index.md")])
    assert c.topics["topics"].weeks == []  # an undated page gives the topic no week
    _, (problem,) = Layout().pages(c)
    assert str(problem).startswith("index.md:5: ")


def test_a_topic_no_folder_or_setting_knows_is_reported_once_at_its_metadata_line() -> None:
    typo = "[差分プライバシー](../../dpp)"
    pages = {
        "sd/2024-03-29.md": page("2024-03-29", entry("2599.00001", f"{SD}, {typo}")),
        "sd/2024-04-05.md": page("2024-04-05", entry("2599.00002", typo)),
        "dp/2024-04-05.md": page("2024-04-05", entry("2599.00003", DP)),
    }
    c = Catalog.build([parse_digest(text, name) for name, text in pages.items()])
    (problem,) = c.problems
    assert problem in c.diagnostics
    # Line 18 of the first page is the entry's **トピック:** line.
    assert str(problem).startswith("sd/2024-03-29.md:18: unknown topic 'dpp'")
    assert pages["sd/2024-03-29.md"].split("\n")[17].startswith("**トピック:**")
    named = Catalog.build(
        [parse_digest(text, name) for name, text in pages.items()], {"dpp": "DP typo kept"}
    )
    assert named.problems == []


def test_topics_of_a_paper_and_the_papers_two_topics_share() -> None:
    c = catalog()
    assert c.topics_of("2599.00002") == {"sd", "dp"}
    shared = c.shared(c.topics)
    assert shared["dp", "sd"] == 1  # 2599.00002
    assert shared["fl", "sd"] == 1  # 2599.00003
    assert ("dp", "fl") not in shared


def test_one_record_per_paper_feeds_export_and_json_ld() -> None:
    from mkdocs_digest.formats.export import catalog_json
    from mkdocs_digest.formats.jsonld import article

    pages = {
        "sd/2024-03-29.md": page("2024-03-29", entry("2599.00001", SD)),
        "dp/2024-04-05.md": page("2024-04-05", entry("2599.00001", f"{DP}, {SD}")),
    }
    c = Catalog.build([parse_digest(text, name) for name, text in pages.items()])
    record = c.record("2599.00001")
    assert [t.slug for t in record.topics] == ["sd", "dp"]  # every appearance's topics
    (exported,) = catalog_json(c)["papers"]
    assert exported["topics"] == ["sd", "dp"]
    assert article(record)["about"] == ["合成データ", "差分プライバシー"]
    assert [e.page for e in record.appearances] == list(pages)
