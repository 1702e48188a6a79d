"""Real `mkdocs build` runs of the example site and of small sites written here."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from .conftest import (
    CORPUS,
    EXAMPLE,
    ROOT,
    SEED,
    Built,
    broken_links,
    build,
    duplicate_ids,
    needs_corpus,
    resolve,
    search_records,
    site_bibtex,
    with_config,
    write_site,
)

SOURCE_HEADING = re.compile(r"^### \[.*\]\(https?://arxiv\.org/abs/([^)]+?)(?:v\d+)?\)", re.M)
SEED_IDS = [
    "2404.04125",
    "2404.03537",
    "2404.03144",
    "2404.02686",
    "2404.02552",
    "2404.02534",
    "2404.02519",
    "2404.02187",
    "2404.01608",
    "2404.01060",
    "2404.00859",
    "2404.00848",
]


def test_example_site_builds_strict_without_warnings(example_site: Built) -> None:
    assert "WARNING" not in example_site.log
    assert "ERROR" not in example_site.log


def test_seed_digest_has_a_card_per_paper_with_anchor_title_and_toc(example_site: Built) -> None:
    soup = example_site.page("sd/2024-03-29/")
    cards = soup.select("article.digest-card")
    assert [card["id"] for card in cards] == [f"arxiv-{i}" for i in SEED_IDS]
    toc = {a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")}
    for card in cards:
        heading = card.find("h3")
        assert heading["lang"] == "en"
        assert f"#{heading['id']}" in toc
        assert card.select_one('[lang="ja"].digest-card__title-ja').get_text(strip=True)
    assert "**トピック:**" not in soup.get_text()
    assert "トピック:**" not in str(soup)
    # The page text before the entries stays as the author wrote it.
    assert "合成データに関する論文まとめ (2024-03-29 ~ 2024-04-04)" in soup.get_text()


def test_card_shows_every_field(example_site: Built) -> None:
    card = example_site.page("sd/2024-04-05/").select_one("#arxiv-2599\\.00102")
    text = card.get_text(" ", strip=True)
    assert card.h3.get_text(strip=True).startswith("When Is a Synthetic Benchmark Hard Enough?")
    assert '<Tags> & "Quotes"' in card.h3.get_text()
    assert "合成ベンチマークはいつ十分に難しいか" in text
    assert "Dmitri Volkov" in text
    more = card.select_one("details.digest-card__more-authors")
    assert "他 3 名" in more.summary.get_text()
    assert (
        card.select_one(".digest-card__rest").get_text() == ", Ines Duarte, Jonas Berg, Kaori Saito"
    )
    first_bullet = card.select_one(".digest-card__summary li").get_text(" ", strip=True)
    assert first_bullet == "合成推論ベンチマークの難易度を ステップ数 と 分岐係数 で定量化"
    assert card.select_one(".digest-card__summary strong").get_text() == "ステップ数"
    assert card.select_one(".digest-card__summary code").get_text() == "分岐係数"
    assert "ずっと気になってた" in card.select_one("aside.digest-card__commentary").get_text()
    assert "9 pages, 4 figures" in card.select_one(".digest-card__comment").get_text()
    assert [c.get_text() for c in card.select(".digest-card__categories li")] == ["cs.CL", "cs.AI"]
    assert card.find("time")["datetime"] == "2024-04-08T16:40"
    assert "投稿日時: 2024-04-08 16:40" in text
    links = {a.get_text(): a["href"] for a in card.select(".digest-card__links a")}
    assert links == {
        "arXiv": "https://arxiv.org/abs/2599.00102",
        "PDF": "https://arxiv.org/pdf/2599.00102",
        "HTML": "https://arxiv.org/html/2599.00102",
    }


def test_dp_topic_page_links_to_the_card_in_the_sd_digest(example_site: Built) -> None:
    page_file = example_site.site / "dp" / "index.html"
    soup = example_site.page("dp/")
    links = [a for a in soup.select("a.digest-listing__title") if "Survey-Weighted" in a.get_text()]
    assert len(links) == 1
    target, fragment = resolve(example_site.site, page_file, links[0]["href"])
    assert target == example_site.site / "sd" / "2024-03-29" / "index.html"
    assert fragment == "arxiv-2404.02519"
    assert example_site.page("sd/2024-03-29/").find(id=fragment).name == "article"


def test_topic_page_groups_weeks_newest_first_in_the_toc(example_site: Built) -> None:
    # The example site shows 8 papers a page: the seed week (12) gets a page of its own.
    weeks = []
    rows = []
    for url in ("sd/", "sd/page/2/"):
        soup = example_site.page(url)
        weeks += [
            h.get_text(strip=True).rstrip("¶") for h in soup.select("article.md-content__inner h2")
        ]
        sidebar = soup.select(".md-sidebar--secondary nav.md-nav--secondary a")
        toc = [a.get_text(strip=True) for a in sidebar]
        assert [w for w in toc if w.endswith("の週")] == weeks[-len(toc) :]
        rows += soup.select("a.digest-listing__title")
    assert weeks == ["2024-04-12 の週", "2024-04-05 の週", "2024-03-29 の週"]
    assert len(rows) == 12 + 3 + 2  # the seed week and our own two weeks


def test_a_topic_row_names_the_first_authors_and_the_submission_date(
    example_site: Built,
) -> None:
    rows = {
        row.a.get_text(): row for row in example_site.page("sd/").select("li.digest-listing__item")
    }
    six = rows["Membership Inference Against Synthetic Text Corpora"]  # six authors
    meta = six.select_one(".digest-listing__meta")
    assert " ".join(meta.get_text(" ").split()) == (
        "Uma Reddy, Victor Hugo Lima, Wen Chen 他 3 名 · 2024-04-15"
    )
    assert meta.time["datetime"] == "2024-04-15T08:30"
    two = rows["Procedural Scenes for Robot Grasping at Scale"]
    assert " ".join(two.select_one(".digest-listing__meta").get_text(" ").split()) == (
        "Alan Brooks, Bea Kim · 2024-04-13"
    )


def test_overview_lists_every_topic_with_its_count(example_site: Built) -> None:
    rows = example_site.page("topics/").select("table.digest-overview tbody tr")
    counts = {r.th.get_text(strip=True): int(r.select("td")[0].get_text()) for r in rows}
    # The topics, then the series without a topic of its own (all/, two papers).
    assert counts == {"合成データ": 17, "差分プライバシー": 6, "連合学習": 4, "すべての論文": 2}
    assert rows[-1].th.a["href"] == "../all/"
    # No author of the example has two papers in one topic: no column of authors.
    heads = example_site.page("topics/").select("table.digest-overview thead th")
    assert [th.get_text() for th in heads] == ["トピック", "論文数", "最新の週", "週ごとの論文数"]
    # Each chart names its first and last week, and each bar its week and count: on
    # hover (its <title>) and as text beside the chart for screen readers.
    dp = rows[1]
    assert [s.get_text() for s in dp.select(".digest-chart__weeks span")] == [
        "2024-03-29",
        "2024-04-12",
    ]
    bars = [rect.title.get_text() for rect in dp.select("svg rect")]
    assert bars == ["2024-03-29 の週: 3 件", "2024-04-05 の週: 2 件", "2024-04-12 の週: 1 件"]
    assert dp.select_one(".digest-visually-hidden").get_text() == ", ".join(bars)


def test_series_without_a_topic_gets_a_page_of_its_weeks(example_site: Built) -> None:
    soup = example_site.page("all/")
    # Named from its digests' title "すべての論文 (2024-04-05 ~ 2024-04-11)".
    assert soup.h1.get_text().rstrip("¶") == "すべての論文"
    rows = [a["href"] for a in soup.select("a.digest-listing__title")]
    # Newest submission first: 2599.00101 on 2024-04-09, 2599.00103 on 2024-04-07.
    assert rows == ["2024-04-05/#arxiv-2599.00101", "2024-04-05/#arxiv-2599.00103"]
    archive = example_site.page("all/archive/")
    assert [a.get_text() for a in archive.select("table.digest-archive td a")] == [
        "すべての論文 (2024-04-05 ~ 2024-04-11)"
    ]


def test_digest_pages_link_previous_and_next_week(example_site: Built) -> None:
    pager = example_site.page("sd/2024-04-05/").select_one("nav.digest-pager")
    assert pager.select_one("a[rel=prev]")["href"] == "../2024-03-29/"
    assert pager.select_one("a.digest-pager__topic")["href"] == "../"
    assert pager.select_one("a[rel=next]")["href"] == "../2024-04-12/"
    last = example_site.page("sd/2024-04-12/").select_one("nav.digest-pager")
    assert last.select_one("a[rel=next]") is None


def test_cards_name_other_appearances(example_site: Built) -> None:
    card = example_site.page("sd/2024-04-05/").select_one("#arxiv-2599\\.00101")
    hrefs = sorted(a["href"] for a in card.select(".digest-card__also a"))
    assert hrefs == [
        "../../all/2024-04-05/#arxiv-2599.00101",
        "../../dp/2024-04-05/#arxiv-2599.00101",
    ]


def test_digest_pages_describe_their_papers_in_json_ld(example_site: Built) -> None:
    page = example_site.page("sd/2024-03-29/")
    (script,) = page.head.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org"
    graph = data["@graph"]
    assert [record["identifier"]["value"] for record in graph] == SEED_IDS
    first = graph[0]
    assert first["@type"] == "ScholarlyArticle"
    abs_url = "https://arxiv.org/abs/2404.04125"
    assert first["url"] == abs_url
    assert first["sameAs"] == [abs_url, "https://doi.org/10.48550/arXiv.2404.04125"]
    title = page.select_one("#arxiv-2404\\.04125-title").a.get_text()
    assert first["headline"] == title
    title_ja = page.select_one("#arxiv-2404\\.04125 .digest-card__title-ja").get_text()
    assert first["alternativeHeadline"] == {"@value": title_ja, "@language": "ja"}
    # One URL for the paper wherever the site gives it: BibTeX and papers.json too.
    bibtex = site_bibtex(example_site.site)["2404.04125"]
    assert f"url={{{abs_url}}}" in bibtex
    papers = json.loads((example_site.site / "papers.json").read_text(encoding="utf-8"))
    assert next(p for p in papers["papers"] if p["arxiv_id"] == "2404.04125")["url"] == abs_url
    assert first["datePublished"] == page.select_one("#arxiv-2404\\.04125 time")["datetime"]
    assert example_site.page("sd/").select('script[type="application/ld+json"]') == []


def test_json_ld_can_be_switched_off(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"sd/2024-04-05.md": digest_page("[合成データ](../../sd)")},
        plugins=[{"digest": {"json_ld": False}}],
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    page = built.page("sd/2024-04-05/")
    assert page.select("article.digest-card") and not page.select("script[type*=ld]")


def build_with_hook(tmp_path: Path, hook: str) -> Built:
    """A one-digest site built with `hook` as an MkDocs hook (another plugin's stand-in)."""
    (tmp_path / "hook.py").write_text(hook, encoding="utf-8")
    docs = {"sd/2024-04-05.md": digest_page("[合成データ](../../sd)")}
    built = build(write_site(tmp_path, docs, hooks=[str(tmp_path / "hook.py")]), tmp_path / "site")
    assert built.returncode == 0, built.log
    return built


def test_a_digest_another_plugin_changed_is_read_as_it_stands_then(tmp_path: Path) -> None:
    # The parse cache keeps no page texts: the plugin checks the page MkDocs hands it
    # against the file's text, and reads the page again when something changed it.
    built = build_with_hook(
        tmp_path,
        "from mkdocs.plugins import event_priority\n\n"
        "@event_priority(110)  # before the digest plugin (100)\n"
        "def on_page_markdown(markdown, **kwargs):\n"
        "    return 'Added by a hook.\\n\\n' + markdown.replace('Paper 2599', 'Hooked 2599')\n",
    )
    page = built.page("sd/2024-04-05/")
    assert "Added by a hook." in page.get_text()
    titles = [h.get_text(strip=True) for h in page.select("article.digest-card h3")]
    assert titles == ["Hooked 2599.00001"]


def test_a_build_holds_digest_and_topic_pages_lean_once_they_are_written(
    tmp_path: Path,
) -> None:
    # MkDocs keeps every page's HTML to the end of the build; a card's body is most of
    # a digest page and a row's links most of a topic page, so the plugin renders them
    # for the theme only.
    built = build_with_hook(
        tmp_path,
        "import json, pathlib\n"
        "pages = []\n\n"
        "def on_post_page(output, page, **kwargs):\n"
        "    pages.append(page)\n\n"
        "def on_post_build(config, **kwargs):\n"
        "    held = {page.file.src_uri: page.content for page in pages}\n"
        "    (pathlib.Path(config.site_dir) / 'held.json').write_text(json.dumps(held))\n",
    )
    held = json.loads((tmp_path / "site" / "held.json").read_text())
    written = built.page("sd/2024-04-05/").select_one("article.digest-card")
    lean = BeautifulSoup(held["sd/2024-04-05.md"], "html.parser").select_one("article.digest-card")
    assert written.select_one(".digest-card__body .digest-chip")
    assert lean.h3 == written.h3
    assert lean.select(".digest-card__body") == []
    # The paper's home card keeps its words for search and other plugins.
    assert lean.p.get_text(" ", strip=True) == "2599.00001 論文 A B cs.LG point"

    week = built.page("sd/").select_one("ul.digest-listing")
    held_listing = BeautifulSoup(held["sd/index.md"], "html.parser")
    lean_week = held_listing.select_one("#week-2024-04-05 + p")
    assert week.select("a.digest-listing__title")
    # Search finds each paper at its card: a listing's weeks are held empty and
    # marked for Material's search to leave out.
    assert lean_week.get_text(strip=True) == "" and lean_week.has_attr("data-digest-lean")
    assert held_listing.select_one("#week-2024-04-05").has_attr("data-search-exclude")


def test_search_index_jumps_to_paper_headings(plain_theme_site: Built) -> None:
    index = json.loads((plain_theme_site.site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert "sd/2024-03-29/#arxiv-2404.02519-title" in locations


def test_a_card_s_search_entry_holds_its_text_commentary_and_comment(
    plain_theme_site: Built,
) -> None:
    index = json.loads((plain_theme_site.site / "search" / "search_index.json").read_text())
    entry = next(
        d for d in index["docs"] if d["location"] == "sd/2024-04-05/#arxiv-2599.00102-title"
    )
    for words in (
        "合成ベンチマークはいつ",
        "Kaori Saito",
        "分岐係数",
        "ずっと気になってた",
        "9 pages",
    ):
        assert words in entry["text"], words


def test_material_s_search_box_gets_the_papers_from_the_plugin_s_files(
    example_site: Built,
) -> None:
    """Under Material, its index holds the pages and no paper; digest.js answers paper
    queries from the plugin's split index, named in each page's head."""
    site = example_site.site
    material = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    assert not [d for d in material if "#arxiv-" in d["location"]]
    assert not [d for d in material if "Synthetic Benchmark Hard Enough" in d["text"]]
    assert {"sd/2024-04-05/", "sd/", "topics/"} <= {d["location"] for d in material}
    head = example_site.page("sd/2024-04-05/").select_one("head script#digest-settings")
    settings = json.loads(head.string)
    search = settings["search"]
    shards = search["shards"]
    assert [(site / search["terms"].format(k=k)).is_file() for k in range(shards)] == [
        True
    ] * shards
    records = search_records(site)
    n = [r[0] for r in records].index("2599.00102")
    chunk = json.loads((site / search["papers"].format(k=n // search["chunk"])).read_text())
    record = chunk[n % search["chunk"]]
    assert record == records[n] and record[4] == "sd/2024-04-05/#arxiv-2599.00102"
    for words in ("分岐係数", "ずっと気になってた", "9 pages"):  # summary, remark, comment
        assert words in record[6], words
    for markup in ("要点", "**", "`", "]("):
        assert markup not in record[6], markup
    assert settings["labels"]["n_papers"] == "{n} 件の論文"  # the site's language


def test_the_stylesheet_is_shipped_and_linked(example_site: Built) -> None:
    css = example_site.site / "assets" / "mkdocs_digest" / "digest.css"
    assert "--md-default-fg-color" in css.read_text()
    hrefs = [link["href"] for link in example_site.page("").select("link[rel=stylesheet]")]
    assert "assets/mkdocs_digest/digest.css" in hrefs


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_local_link_resolves(tmp_path: Path, directory_urls: bool) -> None:
    config = with_config(EXAMPLE / "mkdocs.yml", tmp_path, use_directory_urls=directory_urls)
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    chips = [p for p in built.pages() if p.read_text().count("digest-chip")]
    assert len(chips) >= 8
    assert (
        broken_links(
            built,
            "a.digest-chip, .digest-card a, .digest-listing a, "
            ".digest-pager a, .digest-weeks a, .digest-topic__intro a",
        )
        == []
    )
    assert broken_links(built) == []
    assert duplicate_ids(built) == []


def digest_page(series_link: str, arxiv: str = "2599.00001", extra: str = "") -> str:
    return (
        "---\ntitle: Week\ndate: 2024-04-05\n---\n\nIntro\n\n- - -\n\n"
        f"### [Paper {arxiv}](http://arxiv.org/abs/{arxiv})\n\n**論文**\n\nA B\n\n- point\n\n"
        f"**トピック:** {series_link}, **カテゴリ:** cs.LG, "
        f"**投稿日時:** 2024-04-06 10:00\n\n{extra}"
    )


@pytest.mark.parametrize("directory_urls", [True, False])
def test_topic_links_work_for_digests_at_any_depth(tmp_path: Path, directory_urls: bool) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "papers/weekly/sd/2024-04-05.md": digest_page("[合成データ](../../sd), [DP](../../dp)"),
            "papers/weekly/dp/2024-04-05.md": digest_page("[DP](../../dp)", "2599.00002"),
        },
        use_directory_urls=directory_urls,
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    page = "papers/weekly/sd/2024-04-05" + ("/" if directory_urls else ".html")
    page_file = built.site / (page + ("index.html" if directory_urls else ""))
    chips = built.page(page).select("article.digest-card a.digest-chip")
    targets = [resolve(built.site, page_file, chip["href"])[0] for chip in chips]
    assert targets == [
        built.site / "papers/weekly/sd/index.html",
        built.site / "papers/weekly/dp/index.html",
    ]
    assert broken_links(built) == []


@pytest.fixture(scope="module")
def plain_theme_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example site under MkDocs' own theme: its search indexes the papers' text."""
    tmp = tmp_path_factory.mktemp("plain")
    built = build(with_config(EXAMPLE / "mkdocs.yml", tmp, theme={"name": "mkdocs"}), tmp / "site")
    assert built.returncode == 0, built.log
    return built


def test_plain_mkdocs_theme(plain_theme_site: Built) -> None:
    built = plain_theme_site
    soup = built.page("sd/2024-03-29/")
    assert len(soup.select("article.digest-card")) == 12
    assert broken_links(built) == []


def test_users_page_at_a_topic_path_is_kept_and_gets_the_listing(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "sd/2024-04-05.md": digest_page("[合成データ](../../sd)"),
            "sd/index.md": (
                "# My synthetic data page\n\nBefore.\n\n<!-- digest:listing -->\n\nAfter.\n"
            ),
            "dp/index.md": (
                "# DP, written by hand\n\nNo marker here, only an example of one:\n\n"
                "```html\n<!-- digest:listing -->\n```\n\nThe end.\n"
            ),
            "dp/2024-04-05.md": digest_page("[DP](../../dp)", "2599.00002"),
        },
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    text = built.page("sd/").select_one("article.md-content__inner").get_text(" ", strip=True)
    assert text.index("Before.") < text.index("Paper 2599.00001") < text.index("After.")
    assert "My synthetic data page" in text
    dp = built.page("dp/").select_one("article.md-content__inner").get_text(" ", strip=True)
    assert dp.index("The end.") < dp.index("Paper 2599.00002")  # appended, not in the code
    example = built.page("dp/").select_one("article.md-content__inner pre code")
    assert example.get_text().strip() == "<!-- digest:listing -->"
    assert (tmp_path / "docs" / "sd" / "index.md").read_text().startswith("# My synthetic")
    assert sorted(p.name for p in (tmp_path / "docs").rglob("*")) == [
        "2024-04-05.md",
        "2024-04-05.md",
        "dp",
        "index.md",
        "index.md",
        "sd",
    ]  # nothing written into docs/


def test_coexists_with_materials_blog_tags_search_privacy_and_offline(tmp_path: Path) -> None:
    tagged = digest_page("[合成データ](../../sd)").replace(
        "date: 2024-04-05\n", "date: 2024-04-05\ntags: [synthetic]\n"
    )
    config = write_site(
        tmp_path,
        {
            "index.md": "---\ntags: [home]\n---\n# Home\n",
            "tags.md": "# Tags\n\n<!-- material/tags -->\n",
            "blog/index.md": "# Blog\n",
            "blog/posts/hello.md": "---\ndate: 2024-04-01\n---\n# Hello\n\nA post.\n",
            "sd/2024-04-05.md": tagged,
        },
        # No web fonts, and offline's worker shim left where it is: the privacy plugin
        # would download both, and the test machine has no network.
        theme={"name": "material", "font": False},
        plugins=[
            "search",
            "tags",
            "blog",
            {"privacy": {"assets_exclude": ["unpkg.com/*"]}},
            "offline",
            "digest",
        ],
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    # The offline plugin turns directory URLs off: pages are `.html` files.
    assert len(built.page("sd/2024-04-05.html").select("article.digest-card")) == 1
    assert built.page("sd/index.html").select("a.digest-listing__title")
    assert built.page("blog/index.html").find(string=lambda t: "Hello" in t) is not None
    # The digest's front-matter tag reaches Material's tags index, linking the digest.
    tags = built.page("tags.html")
    section = tags.find(id="tag:synthetic") or tags.find(id="synthetic")
    assert section is not None, tags.select("h2")
    assert any("2024-04-05" in a["href"] for a in tags.select("a[href]") if "sd/" in a["href"])
    # offline: a search index a file:// page can load, with the cards' papers in it.
    offline = (built.site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "Paper 2599.00001" in offline


def test_edits_between_builds_in_one_process_reach_the_topic_pages(tmp_path: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE / "docs", docs)
    config_file = with_config(
        EXAMPLE / "mkdocs.yml", tmp_path, docs_dir=str(docs), site_dir=str(tmp_path / "site")
    )

    def build_once():
        config = load_config(str(config_file))
        config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build(config)
        return config.plugins["digest"]

    first = build_once()
    listing = (tmp_path / "site" / "fl" / "index.html").read_text()
    assert "Auditing Private Training with One Run" in listing
    digest = docs / "dp" / "2024-03-29.md"
    digest.write_text(
        digest.read_text().replace(
            "[差分プライバシー](../../dp), [連合学習](../../fl), **投稿日:** 2024-04-01",
            "[差分プライバシー](../../dp), **投稿日:** 2024-04-01",
        )
    )
    (docs / "sd" / "2024-04-05.md").unlink()
    (docs / "sd" / "2024-04-19.md").write_text(
        digest_page("[合成データ](../../sd)", "2599.00999").replace("2024-04-05", "2024-04-19")
    )
    second = build_once()
    assert second is first  # serve keeps the instance (and its parse cache)
    fl = (tmp_path / "site" / "fl" / "index.html").read_text()
    assert "Auditing Private Training with One Run" not in fl
    listing_pages = [tmp_path / "site" / "sd" / "index.html"]
    listing_pages += sorted((tmp_path / "site" / "sd" / "page").glob("*/index.html"))
    sd = "".join(page.read_text() for page in listing_pages)
    assert "When Is a Synthetic Benchmark Hard Enough" not in sd
    assert "Survey-Weighted" in sd
    assert "Paper 2599.00999" in sd
    pager = Built(tmp_path / "site", "", 0).page("sd/2024-04-12/").select_one("nav.digest-pager")
    assert pager.select_one("a[rel=next]")["href"] == "../2024-04-19/"
    assert pager.select_one("a[rel=prev]")["href"] == "../2024-03-29/"  # 04-05 is gone


@needs_corpus()
def test_real_corpus_builds_with_every_entry_carded_and_no_broken_link(tmp_path: Path) -> None:
    # The corpus has no home page, and every theme links to one: add it to a copy.
    shutil.copytree(CORPUS, tmp_path / "docs", ignore=shutil.ignore_patterns("*.json"))
    # The slice holds the sd/ and dp/ series only: the site's other topics are named
    # in the config, as their folders are not there to make them known.
    others = {"fl": "連合学習", "he": "準同型暗号", "mpc": "秘密計算", "pets": "PETs"}
    others |= {"tee": "TEE", "zkp": "ゼロ知識証明"}
    plugins = ["search", {"digest": {"topic_names": others}}]
    config = write_site(tmp_path, {"index.md": "# Home\n"}, plugins=plugins)
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    truth = json.loads((CORPUS / "papers.json").read_text())
    expected = sorted((page, p["id"]) for p in truth for page in p["found_in"])
    carded = []
    for page in sorted(CORPUS.rglob("*.md")):
        rel = page.relative_to(CORPUS).with_suffix("").as_posix()
        ids = [
            card["data-arxiv-id"] for card in built.page(rel + "/").select("article.digest-card")
        ]
        # Read independently of the parser: each arXiv heading in the source, in order.
        assert ids == SOURCE_HEADING.findall(page.read_text(encoding="utf-8")), rel
        carded += [(rel + ".md", arxiv) for arxiv in ids]
    assert sorted(carded) == expected
    assert broken_links(built) == []
    assert duplicate_ids(built) == []


@pytest.mark.skipif(not SEED.is_file(), reason=f"the seed is not present at {SEED}")
def test_seed_is_the_example_sites_first_digest() -> None:
    assert (EXAMPLE / "docs" / "sd" / "2024-03-29.md").read_text() == SEED.read_text()


def test_properdocs_builds_the_example_site(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "-f",
            str(EXAMPLE / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr
    built = Built(tmp_path / "site", done.stderr, done.returncode)
    assert len(built.page("sd/2024-03-29/").select("article.digest-card")) == 12
    assert broken_links(built) == []


def test_date_only_submission_is_labelled_as_a_date(example_site: Built) -> None:
    card = example_site.page("sd/2024-03-29/").select_one("#arxiv-2404\\.02519")
    published = card.select_one(".digest-card__published")
    assert published.get_text(" ", strip=True) == "投稿日: 2024-04-03"
    assert published.time["datetime"] == "2024-04-03"


def test_english_labels_and_reworded_labels(tmp_path: Path) -> None:
    authors = ", ".join(f"Author {n}" for n in range(8))
    page = digest_page("[合成データ](../../sd)").replace("A B\n", authors + "\n")
    config = write_site(
        tmp_path,
        {"sd/2024-04-05.md": page},
        plugins=[
            "search",
            {
                "digest": {
                    "language": "en",
                    "labels": {"summary": "Key points"},
                    "max_authors": 2,
                    "topic_names": {"sd": "Synthetic data"},
                }
            },
        ],
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    card = built.page("sd/2024-04-05/").select_one("article.digest-card")
    assert card.select_one("details summary .digest-card__more").get_text() == "6 more authors"
    assert card.select_one(".digest-card__summary")["aria-label"] == "Key points"
    assert [a.get_text() for a in card.select("a.digest-chip")] == ["Synthetic data"]
    assert built.page("sd/").select_one("h2").get_text().rstrip("¶") == "Week of 2024-04-05"


def test_english_labels_count_one_thing_in_the_singular(tmp_path: Path) -> None:
    page = digest_page("[合成データ](../../sd)").replace("A B\n", "A, B, C\n")
    plugins = ["search", {"digest": {"language": "en", "max_authors": 2}}]
    config = write_site(tmp_path, {"sd/2024-04-05.md": page}, plugins=plugins)
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    digest = built.page("sd/2024-04-05/")
    assert digest.select_one("details summary .digest-card__more").get_text() == "1 more author"
    assert digest.select_one(".digest-header__count").get_text() == "1 paper"
    intro = built.page("sd/").select_one(".digest-topic__intro").get_text(" ", strip=True)
    assert " ".join(intro.split()).startswith("1 paper over 1 week ·")
    chart = built.page("topics/").select_one("svg.digest-chart desc").get_text()
    assert chart.startswith("1 paper in 1 week from 2024-04-05 to 2024-04-05;")


def test_material_without_a_language_gets_english_labels(tmp_path: Path) -> None:
    # Material's own default language is English; the plugin follows the theme.
    config = write_site(tmp_path, {"sd/2024-04-05.md": digest_page("[合成データ](../../sd)")})
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert built.page("sd/").select_one("h2").get_text().rstrip("¶") == "Week of 2024-04-05"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"topic_page": "topics/index.md"}, "must contain {slug}"),
        ({"labels": {"sumary": "x"}}, "option 'labels.sumary': unknown label"),
        ({"max_authors": 0}, "max_authors"),
        ({"no_such_option": 1}, "no_such_option"),
    ],
)
def test_bad_options_stop_a_strict_build_with_a_clear_message(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    config = write_site(tmp_path, {"index.md": "# Home\n"}, plugins=[{"digest": options}])
    built = build(config, tmp_path / "site")
    assert built.returncode != 0
    assert message in built.log


def test_every_count_on_a_topic_counts_the_rows_listed(example_site: Built) -> None:
    rows_by_week: dict[str, int] = {}
    for url in ("sd/", "sd/page/2/"):
        content = example_site.page(url).select_one("article.md-content__inner")
        for heading in content.select("h2[id^=week-]"):
            rows = heading.find_next_sibling().select("a.digest-listing__title")
            rows_by_week[heading["id"].removeprefix("week-")] = len(rows)
    total = sum(rows_by_week.values())
    intro = example_site.page("sd/").select_one(".digest-topic__intro").get_text()
    assert intro.startswith(f"{total} 件の論文（{len(rows_by_week)} 週分）")
    archive = example_site.page("sd/archive/").select("table.digest-archive tbody tr")
    counted = {row.th.a["href"].rpartition("#week-")[2]: int(row.td.get_text()) for row in archive}
    assert counted == rows_by_week
    overview = example_site.page("topics/").select("table.digest-overview tbody tr")
    assert {r.th.get_text(strip=True): int(r.td.get_text()) for r in overview}[
        "合成データ"
    ] == total


def test_an_entry_inside_raw_html_is_carded_and_the_html_shown_as_text(tmp_path: Path) -> None:
    # A digest page is untrusted: its raw HTML is text, so an entry inside a `<div>`
    # (where Python-Markdown would leave the entry unread) is a card like any other.
    page = digest_page("[合成データ](../../sd)").replace("- - -\n\n", "<div>\n\n") + "\n</div>\n"
    config = write_site(tmp_path, {"sd/2024-04-05.md": page})
    built = build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.log
    assert "were not placed" not in built.log
    lines = page.split("\n")
    reported = re.findall(r"sd/2024-04-05\.md:(\d+): raw HTML '(<div>|</div>)'", built.log)
    assert [(lines[int(n) - 1], tag) for n, tag in reported] == [
        ("<div>", "<div>"),
        ("</div>", "</div>"),
    ]
    content = built.page("sd/2024-04-05/").select_one("article.md-content__inner")
    assert len(content.select("article.digest-card")) == 1
    assert "<div>" in content.get_text() and content.find("div", class_=None) is None


def test_separators_around_entries_leave_no_rule_on_digest_pages(example_site: Built) -> None:
    # Every digest of the example site has a separator before its first entry
    # (after the intro) and between entries: the cards take their place.
    for page in ("sd/2024-03-29/", "sd/2024-04-05/", "dp/2024-04-05/", ""):
        content = example_site.page(page).select_one("article.md-content__inner")
        assert content.select("article.digest-card"), page
        assert content.select("hr") == [], page


NO_FRONT_MATTER = """\
# 合成データ (2024-05-03 ~ 2024-05-09)

An entry looks like this:

```markdown
### [Example Only](http://arxiv.org/abs/2599.09999)

**トピック:** [合成データ](../../sd), **投稿日時:** 2024-05-04 10:00
```

- - -

### [Parallel Paper](http://arxiv.org/abs/2599.00301)

**並列の論文**

A. One

- a point

**トピック:** [合成データ](../../sd), [差分プライバシー](../../dp), **カテゴリ:** cs.DC, \
Distributed, Parallel, and Cluster Computing (cs.DC), 68T05 (Primary) 62H30, 62J05 \
(Secondary), **投稿日時:** 2024-05-04 10:00
"""


def test_digests_without_front_matter_code_examples_and_comma_categories(tmp_path: Path) -> None:
    dp = NO_FRONT_MATTER.replace("合成データ (2024", "差分プライバシー (2024")
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n", "sd/2024-05-03.md": NO_FRONT_MATTER, "dp/2024-05-03.md": dp},
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    page = built.page("sd/2024-05-03/")
    assert [card["id"] for card in page.select("article.digest-card")] == ["arxiv-2599.00301"]
    assert "Example Only" in page.select_one("pre code").get_text()  # the example stays code
    card = page.select_one("article.digest-card")
    assert [li.get_text() for li in card.select(".digest-card__categories li")] == [
        "cs.DC",
        "Distributed, Parallel, and Cluster Computing (cs.DC), 68T05 (Primary) 62H30, "
        "62J05 (Secondary)",
    ]
    assert [li.get("class") for li in card.select(".digest-card__categories li")] == [
        None,
        ["digest-card__classification"],
    ]
    # The other appearance is named by its series (from the H1 titles), not a path.
    assert card.select_one(".digest-card__also a").get_text() == "差分プライバシー"
    assert page.title.get_text().startswith("合成データ (2024-05-03 ~ 2024-05-09)")
    rows = built.page("sd/").select("a.digest-listing__title")
    assert [a.get_text() for a in rows] == ["Parallel Paper"]
    archive = built.page("sd/archive/").select_one("table.digest-archive td a")
    assert archive.get_text() == "合成データ (2024-05-03 ~ 2024-05-09)"


def test_search_indexes_each_paper_once_from_its_text_not_its_markup(
    plain_theme_site: Built,
) -> None:
    index = json.loads((plain_theme_site.site / "search" / "search_index.json").read_text())
    entries = {e["location"]: e for e in index["docs"]}
    card = entries["sd/2024-04-05/#arxiv-2599.00102-title"]
    assert card["title"].startswith("When Is a Synthetic Benchmark Hard Enough?")
    for words in ("合成ベンチマークはいつ十分に難しいか", "Kaori Saito", "ステップ数", "分岐係数"):
        assert words in card["text"], words
    for markup in ("要点", "他 3 名", "arXiv PDF HTML", "**", "`"):
        assert markup not in card["text"], markup
    cards = [loc for loc in entries if loc.startswith("sd/2024-04-05/#arxiv-")]
    assert len(cards) == 3  # one entry per paper
    # The built page still shows whole cards: only the search plugin read the text.
    page = plain_theme_site.page("sd/2024-04-05/")
    assert len(page.select("article.digest-card .digest-card__body ul.digest-chips")) == 3


def test_field_names_in_mkdocs_yml_add_labels_and_reject_unknown_fields(tmp_path: Path) -> None:
    french = digest_page("[合成データ](../../sd)").replace("**トピック:**", "**Sujets:**")
    config = write_site(
        tmp_path / "ok",
        {"sd/2024-04-05.md": french},
        plugins=["search", {"digest": {"field_names": {"topics": ["Sujets"]}}}],
    )
    built = build(config, tmp_path / "ok" / "site")
    assert built.returncode == 0, built.log
    card = built.page("sd/2024-04-05/").select_one("article.digest-card")
    assert [chip.get_text() for chip in card.select("a.digest-chip")] == ["合成データ"]
    assert "Paper 2599.00001" in built.page("sd/").get_text()

    config = write_site(
        tmp_path / "bad",
        {"sd/2024-04-05.md": french},
        plugins=["search", {"digest": {"field_names": {"subjects": ["Sujets"]}}}],
    )
    built = build(config, tmp_path / "bad" / "site")
    assert built.returncode != 0
    assert "option 'field_names': unknown field 'subjects'" in built.log


def test_papers_json_is_the_export_with_each_cards_url(example_site: Built, capsys) -> None:
    from mkdocs_digest.cli import main

    assert main(["export", "-f", str(EXAMPLE / "mkdocs.yml")]) == 0
    exported = json.loads(capsys.readouterr().out)
    published = json.loads((example_site.site / "papers.json").read_text(encoding="utf-8"))
    urls = []
    for paper in published["papers"]:
        for appearance in paper["appearances"]:
            urls.append(appearance.pop("url"))
    assert published == exported
    # Absolute (the example site sets site_url), and each one leads to its card.
    assert len(urls) == sum(len(p["appearances"]) for p in exported["papers"])
    for url in urls:
        assert url.startswith("https://example.org/")
        path, anchor = url.removeprefix("https://example.org/").split("#")
        assert example_site.page(path).find(id=anchor) is not None, url
    overview = example_site.page("topics/")
    assert overview.select_one(".digest-overview__data a")["href"] == "../papers.json"


def test_papers_json_follows_its_shipped_schema(
    example_site: Built, tmp_path: Path, capsys
) -> None:
    """The schema the package ships (mkdocs_digest/schemas/papers.schema.json) holds
    papers.json and `export` of the example, and of a site with problems to report;
    it turns down what its readers could not read."""
    import jsonschema

    from mkdocs_digest.cli import main
    from mkdocs_digest.formats.export import FORMAT_VERSION

    schema_file = ROOT / "mkdocs_digest" / "schemas" / "papers.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    published = json.loads((example_site.site / "papers.json").read_text(encoding="utf-8"))
    assert published["version"] == FORMAT_VERSION == schema["properties"]["version"]["const"]
    validator.validate(published)
    # The export of a site with problems to report (a topic without a folder).
    config = write_site(tmp_path, {"sd/2024-04-05.md": digest_page("[Nowhere](../../zz)")})
    main(["export", "-f", str(config)])
    exported = json.loads(capsys.readouterr().out)
    assert exported["diagnostics"]
    validator.validate(exported)
    for bad in (
        {**published, "version": 1},
        {**published, "papers": [{**published["papers"][0], "url": "http://arxiv.org/abs/x"}]},
        {**published, "extra": True},
    ):
        assert not validator.is_valid(bad)


LISTED_TITLE = ".digest-listing__title"


def test_the_filter_index_leads_each_topics_rows_to_their_cards(example_site: Built) -> None:
    index_file = example_site.site / "assets" / "mkdocs_digest" / "papers-index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    papers, pages, lists = index["papers"], index["pages"], index["lists"]
    rows = lists["topic:sd"]
    topic_pages = [example_site.page("sd/"), example_site.page("sd/page/2/")]
    shown = [t.get_text(" ", strip=True) for p in topic_pages for t in p.select(LISTED_TITLE)]
    # The example's docs name 21 papers; 17 of them link the sd topic.
    assert len(rows) == 17 and len(papers) == 21
    for row in rows:
        arxiv_id, title = papers[row[0]][:2]
        anchor = row[2] if len(row) > 2 else "arxiv-" + arxiv_id
        card = example_site.page(pages[row[1]]).find(id=anchor)
        assert card is not None and title in card.get_text(" ", strip=True)
        assert title in shown  # listed on sd's pages


def resolved_rows(index: dict[str, Any], key: str) -> list[tuple[str, str, str]]:
    """A list of a filter index as (arXiv id, page URL, anchor), its numbers resolved."""
    papers, pages = index["papers"], index["pages"]
    return [
        (papers[r[0]][0], pages[r[1]], r[2] if len(r) > 2 else "arxiv-" + papers[r[0]][0])
        for r in index["lists"][key]
    ]


def test_a_listings_filter_fetches_its_own_listing_alone(example_site: Built) -> None:
    """The filter of a topic page reads a file of that topic's papers only: what
    the whole index says of the topic, a fraction of its weight."""
    data = example_site.site / "assets" / "mkdocs_digest"
    whole_text = (data / "papers-index.json").read_text(encoding="utf-8")
    whole = json.loads(whole_text)
    for url, key in (("sd/", "topic:sd"), ("sd/page/2/", "topic:sd"), ("dp/", "topic:dp")):
        form = example_site.page(url).select_one("form.digest-filter")
        assert form is not None
        own_file = (example_site.site / url / form["data-digest-index"]).resolve()
        own = json.loads(own_file.read_text(encoding="utf-8"))
        assert list(own["lists"]) == [key]
        assert resolved_rows(own, key) == resolved_rows(whole, key)
        listed = {own["papers"][r[0]][0] for r in own["lists"][key]}
        assert {p[0] for p in own["papers"]} == listed  # no paper of another listing
        assert len(own_file.read_text(encoding="utf-8")) < len(whole_text)


def test_serve_compiles_the_theme_once_and_an_edited_override_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MkDocs makes a new theme environment per build; under serve the plugin keeps
    # the compiled templates, and Jinja's checksum catches an edited override.
    import jinja2
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(env: jinja2.Environment, source: str, name: str, *rest: Any) -> Any:
        compiled.append(name)
        return compile_template(env, source, name, *rest)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    override = tmp_path / "overrides" / "main.html"
    override.parent.mkdir()
    notice = '{% extends "base.html" %}{% block announce %}NOTICE {}{% endblock %}'
    override.write_text(notice.replace("{}", "one"), encoding="utf-8")
    card = tmp_path / "overrides" / "digest" / "card.html"  # the plugin's own templates
    card.parent.mkdir()
    card.write_text("<p>CARD one</p>\n", encoding="utf-8")
    config_file = write_site(
        tmp_path,
        {"sd/2024-04-05.md": digest_page("[合成データ](../../sd)")},
        theme={"name": "material", "custom_dir": "overrides"},
    )
    page = tmp_path / "site" / "sd" / "2024-04-05" / "index.html"

    def serve_build(first: bool = False) -> list[str]:
        compiled.clear()
        config = load_config(str(config_file), site_dir=str(tmp_path / "site"))
        if first:  # serve starts the plugins once, then reloads the config per build
            config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build(config)
        return list(compiled)

    try:
        assert {"main.html", "base.html"} <= set(serve_build(first=True))
        assert "NOTICE one" in page.read_text(encoding="utf-8")
        assert "CARD one" in page.read_text(encoding="utf-8")
        again = serve_build()
        assert "base.html" not in again and "main.html" not in again
        assert "NOTICE one" in page.read_text(encoding="utf-8")
        override.write_text(notice.replace("{}", "two"), encoding="utf-8")
        card.write_text("<p>CARD two</p>\n", encoding="utf-8")
        later = time.time() + 1  # newer than the first, whatever the clock's grain
        os.utime(card, (later, later))
        edited = serve_build()
        assert "main.html" in edited and "base.html" not in edited
        assert "NOTICE two" in page.read_text(encoding="utf-8")
        assert "CARD two" in page.read_text(encoding="utf-8")
    finally:  # plugins with on_startup are kept for the whole process
        load_config(str(config_file)).plugins.on_startup(command="build", dirty=False)


def test_templates_in_custom_dir_override_cards_topic_pages_and_feeds(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "digest"
    overrides.mkdir(parents=True)
    (overrides / "card.html").write_text('<p class="my-card">MY CARD {{ paper.title }}</p>\n')
    (overrides / "topic_week.html").write_text(
        '<ul>{% for row in rows %}<li class="my-row">MY ROW {{ row.paper.title }}</li>'
        "{% endfor %}</ul>\n"
    )
    (overrides / "feed_entry.html").write_text("<p>MY FEED {{ paper.arxiv_id }}</p>\n")
    config = write_site(
        tmp_path,
        {"sd/2024-04-05.md": digest_page("[合成データ](../../sd)")},
        theme={"name": "material", "custom_dir": "overrides"},
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    card = built.page("sd/2024-04-05/").select_one("article.digest-card")
    assert card.select_one("p.my-card").get_text() == "MY CARD Paper 2599.00001"
    assert card.h3 is not None  # the heading stays the plugin's
    assert built.page("sd/").select_one("li.my-row").get_text() == "MY ROW Paper 2599.00001"
    feed = (built.site / "sd" / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;p&gt;MY FEED 2599.00001&lt;/p&gt;" in feed


def test_a_plugin_that_rewrites_the_page_html_keeps_the_cards_full(tmp_path: Path) -> None:
    # glightbox parses and writes every page's HTML again, and writes the lean mark
    # as `data-digest-lean=""`: the cards must still be rendered in full.
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n", "sd/2024-04-05.md": digest_page("[合成データ](../../sd)")},
        plugins=["search", "glightbox", "digest"],
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    card = built.page("sd/2024-04-05/").select_one("article.digest-card")
    assert card.select_one(".digest-card__body .digest-card__authors").get_text(strip=True)
    assert card.select_one("pre.digest-card__bibtex")
    assert not built.page("sd/2024-04-05/").select("[data-digest-lean]")


@pytest.mark.parametrize(
    ("theme", "told"),
    [
        ({"name": "material", "language": "pt"}, "'pt'"),
        ({"name": "material", "language": "ja"}, None),
        ({"name": "material", "language": "zh-TW"}, None),  # Chinese: the plugin's zh
        ({"name": "mkdocs", "locale": "en"}, None),
    ],
)
def test_a_theme_language_without_labels_is_told_in_one_info_line(
    tmp_path: Path, theme: dict[str, str], told: str | None
) -> None:
    config = write_site(
        tmp_path, {"sd/2024-04-05.md": digest_page("[合成データ](../../sd)")}, theme=theme
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log  # --strict: information, not a warning
    lines = [line for line in built.log.splitlines() if "no labels in the theme's language" in line]
    if told is None:
        assert lines == []
    else:
        assert len(lines) == 1 and lines[0].startswith("INFO") and told in lines[0]
        assert "'language' or 'labels' under the digest plugin" in lines[0]
        # English labels on the page, as the line says.
        header = built.page("sd/2024-04-05/").select_one(".digest-header").get_text(" ")
        assert "1 paper" in header, header


def test_the_explorer_is_in_the_nav_and_says_without_javascript_what_it_needs(
    example_site: Built,
) -> None:
    page = example_site.page("papers/")
    assert "JavaScript" in page.select_one(".digest-explorer__nojs").get_text()
    assert page.select_one(".digest-explorer__nojs a")["href"] == "../topics/"
    assert page.select_one("form.digest-explorer__form").has_attr("hidden")
    nav = [a["href"] for a in example_site.page("sd/").select("nav.md-nav--primary a[href]")]
    assert "../papers/" in nav
    # Cards carry up to three related papers, each a link to another paper's card.
    cards = example_site.page("sd/2024-04-05/").select("article.digest-card")
    related = [card.select(".digest-card__related li a") for card in cards]
    assert any(related) and all(len(links) <= 3 for links in related)
    for card, links in zip(cards, related, strict=True):
        assert all(card["id"] not in a["href"] for a in links)
    # Without JavaScript no "Cite" block shows (its BibTeX comes by script).
    cites = [card.select_one("details.digest-card__cite") for card in cards]
    assert cites and all(cite is not None and cite.has_attr("hidden") for cite in cites)


def test_the_explorer_moves_and_related_papers_switch_off(tmp_path: Path) -> None:
    options = {"explorer_page": "find.md", "related": 0}
    config = with_config(EXAMPLE / "mkdocs.yml", tmp_path, plugins=["search", {"digest": options}])
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert built.page("find/").select_one("[data-digest-explorer]")
    assert not (built.site / "papers").exists()
    assert built.page("sd/2024-04-05/").select(".digest-card__related") == []
    settings = json.loads(built.page("").select_one("script#digest-settings").string)
    assert settings["explorer"] == "find/"
