"""Digest text never meets a pipeline built for trusted text.

A site with every Markdown extension Material documents, and mkdocs-macros, builds
digest pages whose text around the entries (and in them) tries each extension's way
to read a file, make raw HTML, set an attribute or run a template, in several
spellings and places. A page of the site's own holds the same attacks as a control:
there they work, which shows the extensions are really on.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_digest.domain.model import html_id
from mkdocs_digest.domain.parser import parse_digest
from mkdocs_digest.options import DEFAULTS
from mkdocs_digest.rendering import inline
from mkdocs_digest.rendering.around import around_blocks
from mkdocs_digest.rendering.blocks import BlockStore, Html
from mkdocs_digest.rendering.context import TEMPLATES
from mkdocs_digest.rendering.inline import _safe_markdown
from mkdocs_digest.rendering.links import Links
from mkdocs_digest.site_model import SiteModel
from mkdocs_digest.structure.layout import OverviewPage
from mkdocs_digest.words import labels_for

from .conftest import Built, build, write_site
from .test_safety import unsafe

SECRET_EXTRA = "EXTRA-SECRET-7f3a"  # config.extra.secret, for mkdocs-macros
SECRET_FILE = "FILE-SECRET-91bc"  # secret.txt beside mkdocs.yml, for snippets
PRODUCT = "123579456"  # {{ 123456 * 1001 }}, if a template ran

# Each a way some extension turns page text into a file's text, markup or a template.
ATTACKS = [
    '--8<-- "secret.txt"',
    ';--8<-- "secret.txt"',
    '-8<- "secret.txt"',
    "--8<--\nsecret.txt\n--8<--",
    '/// html | script\nwindow.__xss = "blocks-script";\n///',
    '/// html | iframe\n    attrs: {srcdoc: "<script>parent.__xss=1</script>"}\n///',
    '/// html | base\n    attrs: {href: "https://evil.example/"}\n///',
    "/// html | div\n    attrs: {onclick: \"window.__xss='blocks-attr'\"}\n\nclick\n///",
    '[overlay](https://example.org/o){ style="position:fixed;top:0;left:0;width:100%" }',
    "A paragraph. { ONCLICK=\"window.__xss='upper'\" OnMouseOver=\"window.__xss='mixed'\" }",
    '{: style="position:fixed" }',
    "{{ config.extra.secret }} and {{ 123456 * 1001 }}",
    "{% for x in [1, 2] %}LOOP{{ x }}{% endfor %}",
    "<script>window.__xss='raw'</script> <iframe srcdoc=\"<script>parent.__xss=2</script>\">",
    "[entity](&#x6a;avascript:window.__xss='entity') [tab](java\tscript:window.__xss='tab')",
    "[spaced]( JaVaScRiPt:window.__xss='spaced') [data](data:text/html,<script>x</script>)",
    "![pixel](https://tracker.example/p.gif) ![js](javascript:window.__xss='img')",
    "++ctrl+alt+del++ ==mark== ^^sup^^ ~~del~~ {++added++} :smile: - [x] task",
]
AROUND = "\n\n".join(ATTACKS)


def digest(date: str, arxiv: str, topic: str) -> str:
    return f"""\
---
date: {date}
---

# Week {date} {{{{ config.extra.secret }}}}

{AROUND}

## Heading {{ onclick="window.__xss='heading'" }}

### [A Paper {{{{ config.extra.secret }}}} about {arxiv}](http://arxiv.org/abs/{arxiv})

**論文 {{{{ 123456 * 1001 }}}}**

A. Author, B. {{{{ config.extra.secret }}}}

- a bullet --8<-- "secret.txt" and {{ ONCLICK="x" }}
- /// html | script

A remark {{{{ config.extra.secret }}}}.

**トピック:** [{topic}](../../sd), **投稿日時:** {date} 10:00

---

{AROUND}

### [Another Paper {arxiv}](http://arxiv.org/abs/{arxiv}9)

A. Author

- a point

**トピック:** [{topic}](../../sd), **投稿日時:** {date} 11:00

---

## Closing

{AROUND}
"""


# Every extension Material's reference lists, as its setup page enables them.
EXTENSIONS: list[object] = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    {"pymdownx.arithmatex": {"generic": True}},
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.smartsymbols",
    "pymdownx.snippets",  # its base_path is the site's folder (build_trust_site)
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
    {"pymdownx.tasklist": {"custom_checkbox": True}},
    "pymdownx.tilde",
    "pymdownx.blocks.html",
    "pymdownx.blocks.details",
    "pymdownx.blocks.tab",
]
PAGES = ["sd/2024-04-05/", "sd/2024-04-12/"]
# The topic's name is digest text too: it titles generated pages.
TOPIC = "合成データ {{ config.extra.secret }}"


def build_trust_site(root: Path) -> Built:
    (root / "secret.txt").write_text(SECRET_FILE + "\n", encoding="utf-8")
    config = write_site(
        root,
        {
            "index.md": "# Home\n",
            "control.md": "# Control\n\n" + AROUND + "\n",
            "sd/2024-04-05.md": digest("2024-04-05", "2599.00001", TOPIC),
            "sd/2024-04-12.md": digest("2024-04-12", "2599.00002", TOPIC),
        },
        theme={"name": "material"},
        markdown_extensions=[
            {"pymdownx.snippets": {"base_path": [str(root)]}} if e == "pymdownx.snippets" else e
            for e in EXTENSIONS
        ],
        extra={"secret": SECRET_EXTRA},
        plugins=["search", "macros", "digest"],
    )
    built = build(config, root / "site", strict=False)
    assert built.returncode == 0, built.log
    return built


@pytest.fixture(scope="module")
def trust_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_trust_site(tmp_path_factory.mktemp("trust"))


def test_the_control_page_shows_the_extensions_and_macros_are_on(trust_site: Built) -> None:
    # Without this, the tests below could pass on a site where nothing was enabled.
    page = trust_site.page("control/")
    text = page.get_text()
    assert SECRET_FILE in text and SECRET_EXTRA in text and PRODUCT in text
    assert page.select_one("article iframe, article base") is not None or page.select(
        "article script"
    )
    assert page.select_one('article a[style*="position"]') is not None


def site_files(built: Built) -> list[Path]:
    return [p for p in built.site.rglob("*") if p.is_file() and "control" not in p.parts]


def test_no_file_and_no_template_is_read_for_digest_text(trust_site: Built) -> None:
    for path in site_files(trust_site):
        if path.suffix not in (".html", ".json", ".xml", ".js", ".bib"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.name == "search_index.json":  # the control page's entries are in it
            docs = json.loads(text)["docs"]
            text = json.dumps([d for d in docs if not d["location"].startswith("control")])
        for secret in (SECRET_FILE, SECRET_EXTRA, PRODUCT):
            assert secret not in text, (path, secret)


@pytest.mark.parametrize("path", PAGES)
def test_digest_text_is_shown_as_written(trust_site: Built, path: str) -> None:
    content = trust_site.page(path).select_one("article.md-content__inner")
    text = content.get_text()
    for written in (
        "{{ config.extra.secret }} and {{ 123456 * 1001 }}",
        '--8<-- "secret.txt"',
        "/// html | script",
        "{% for x in [1, 2] %}LOOP{{ x }}{% endfor %}",
        "<script>window.__xss='raw'</script>",
        "A paragraph. { ONCLICK=\"window.__xss='upper'\"",
    ):
        assert text.count(written) >= 3, written  # intro, between entries, closing
    assert "LOOP1" not in text
    card = content.select_one("article.digest-card")
    assert "{{ config.extra.secret }}" in card.select_one("h3").get_text()
    assert '--8<-- "secret.txt"' in card.select_one(".digest-card__summary").get_text()
    # The page's headings stay headings, for the TOC.
    headings = [h.get_text() for h in content.find_all("h2")]
    assert any(h.startswith("Closing") for h in headings), headings
    assert any(h.startswith("Heading { onclick=\"window.__xss='heading'\" }") for h in headings)
    toc = [a.get_text(strip=True) for a in trust_site.page(path).select("nav.md-nav--secondary a")]
    assert "Closing" in toc


@pytest.mark.parametrize("path", [*PAGES, "sd/", "topics/", "papers/"])
def test_no_element_attribute_or_url_comes_from_digest_text(trust_site: Built, path: str) -> None:
    soup = trust_site.page(path)
    content = soup.select_one("article.md-content__inner")
    assert content.select("iframe, base, object, embed, img, style") == []
    for script in soup.find_all("script"):
        assert "__xss" not in script.get_text(), script
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
        assert "position" not in element.get("style", ""), element
        for name in ("href", "src", "action", "formaction", "srcdoc"):
            assert not unsafe(element.get(name, "")), element
        assert "srcdoc" not in element.attrs, element


def test_generated_pages_titled_by_digest_text_are_not_templates(trust_site: Built) -> None:
    page = trust_site.page("sd/")
    assert page.title.get_text().startswith(TOPIC)
    assert page.select_one("article h1").get_text().removesuffix("¶") == TOPIC


def test_images_in_digest_text_are_dropped_and_reported_where_they_stand(
    trust_site: Built,
) -> None:
    lines = digest("2024-04-05", "2599.00001", TOPIC).split("\n")
    expected = {n for n, line in enumerate(lines, 1) if "![pixel]" in line}
    reported = {
        int(m.group(1))
        for m in re.finditer(r"sd/2024-04-05\.md:(\d+): an image outside", trust_site.log)
    }
    assert reported == expected and len(expected) == 3


def test_a_text_with_mkdocs_macros_still_builds_strict_when_clean(tmp_path: Path) -> None:
    # macros and the plugin together, on a digest with nothing to report: no warning.
    config = write_site(
        tmp_path,
        {"index.md": "# {{ 6 * 7 }}\n", "sd/2024-04-05.md": CLEAN},
        plugins=["macros", "digest"],
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert built.page("").select_one("article h1, h1").get_text() == "42"
    assert "{{ 6 * 7 }}" in built.page("sd/2024-04-05/").get_text()


CLEAN = """\
---
date: 2024-04-05
---

# Week of {{ 6 * 7 }}

### [A Paper](http://arxiv.org/abs/2599.00001)

A. Author

- a point {{ 6 * 7 }}

**トピック:** [合成データ](../../sd), **投稿日時:** 2024-04-05 10:00
"""


def test_the_card_pages_hold_no_raw_markup_from_the_text(trust_site: Built) -> None:
    html = (trust_site.site / PAGES[0] / "index.html").read_text(encoding="utf-8")
    body = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert "<script>window.__xss" not in str(body)


# -- strings from the docs folder that reach HTML outside the plugin's templates ----

H1_TITLE = "Week </title><script>window.__xss='h1'</script> & <b>co</b>"
FOLDER = 'all "papers" <svg onload=alert(1)>'  # a series folder's name, as found on disk


def titled_site(root: Path, theme: str) -> Built:
    config = write_site(
        root,
        {
            "index.md": "# Home\n",
            "sd/2024-04-05.md": CLEAN.replace("# Week of {{ 6 * 7 }}", f"# {H1_TITLE}"),
            "sd/2024-04-12.md": CLEAN.replace("date: 2024-04-05", "title:\ndate: 2024-04-12")
            .replace("2599.00001", "2599.00002")
            .replace("# Week of {{ 6 * 7 }}", "# Second week"),
            f"{FOLDER}/2024-04-05.md": CLEAN.replace("# Week of {{ 6 * 7 }}", "# Everything"),
        },
        theme={"name": theme},
        plugins=["digest"],
    )
    built = build(config, root / "site", strict=False)
    assert built.returncode == 0, built.log
    return built


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_a_title_from_the_page_s_heading_is_text_in_the_head(tmp_path: Path, theme: str) -> None:
    built = titled_site(tmp_path, theme)
    page = built.page("sd/2024-04-05/")
    assert page.title.get_text().startswith(H1_TITLE)
    assert page.head.find("script", string=re.compile("__xss")) is None
    assert page.body.find("script", string=re.compile("__xss")) is None
    # An empty front-matter title is no title: the heading names the page, not "None".
    second = built.page("sd/2024-04-12/")
    assert second.title.get_text().startswith("Second week")
    assert "None" not in second.title.get_text()


def test_a_series_folder_s_name_becomes_an_id_once_and_its_references_hold(
    tmp_path: Path,
) -> None:
    built = titled_site(tmp_path, "material")
    overview = built.page("topics/")
    charts = overview.select("svg.digest-chart")
    assert len(charts) == 2
    ids = {element["id"] for element in overview.find_all(id=True)}
    for chart in charts:
        assert not [name for name in chart.attrs if name.lower().startswith("on")]
        for ref in chart["aria-labelledby"].split():
            assert re.fullmatch(r"[A-Za-z0-9_\-]+", ref) and ref in ids, ref
    assert overview.select("svg svg, svg[onload]") == []


# -- work that grows with its input, and no faster ------------------------------------


def _seconds(work: Callable[[], object]) -> float:
    """The best of three runs, each without what the last one cached."""
    best = float("inf")
    for _ in range(3):
        inline.paragraphs.cache_clear()
        inline.inline.cache_clear()
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _page(title: str = "W", around: str = "", bullet: str = "a point", topics: int = 1) -> str:
    links = ", ".join(f"[t{n}](../../t{n})" for n in range(topics))
    return (
        f"---\ntitle: {json.dumps(title)}\ndate: 2024-04-05\n---\n\n{around}\n\n"
        "### [A Paper](http://arxiv.org/abs/2599.00001)\n\nA. Author\n\n"
        f"- {bullet}\n\n**トピック:** {links}, **投稿日時:** 2024-04-05 10:00\n"
    )


def _site(text: str) -> str:
    """Parse, catalog and render one digest and the overview, with the core (each
    topic's page shows the paper's every topic: an entry of n topics makes n pages of
    n chips, each page as large as its input)."""
    page = parse_digest(text, "t0/2024-04-05.md")
    model = SiteModel.make(
        [page], ["t0/2024-04-05.md"], DEFAULTS, labels_for("en"), [TEMPLATES], site_url=""
    )
    urls = {uri: uri.removesuffix(".md") + "/" for uri in [page.page, *model.pages]}
    store = BlockStore()
    digest, links = model.catalog.digests[page.page], Links(urls, page.page)
    out = model.renderer.digest_markdown(text.split("---\n", 2)[2], 5, digest, links, store)
    for uri, site_page in model.pages.items():
        if not isinstance(site_page, OverviewPage):
            continue
        out += model.renderer.listing_markdown(
            "", site_page, Links(urls, uri), store, marker="<!-- m -->", title=True
        )
    return out + "".join(str(b) for blocks in store.blocks.values() for b in blocks)


MARKDOWN_RUN = "**b** `c` [l](https://x.org) _e_ <i> "
GROWING = {
    # An LLM-looped bullet, and the same in the text around the entries.
    "bullet": lambda n: _page(bullet=MARKDOWN_RUN * n),
    "around": lambda n: _page(around=MARKDOWN_RUN * n),
    # A run of backticks around the entries (the raw-HTML report's code spans).
    "backticks": lambda n: _page(around="Text " + "`" * (10 * n) + " <b>"),
    # A title of spaces (the series' name), and an entry of many topics.
    "title": lambda n: _page(title="W" + " " * (40 * n) + "x"),
    "topics": lambda n: _page(topics=n // 8),
}


@pytest.mark.parametrize("case", GROWING.values(), ids=GROWING.keys())
def test_time_grows_near_linearly_when_the_input_grows(case: Callable[[int], str]) -> None:
    """Four times the input takes at most about four times as long: a bound of eight
    (and a little for a fast machine's noise) passes linear work and fails quadratic,
    which takes sixteen."""
    small, large = case(400), case(1600)
    _site(small)  # warm: templates compiled, caches filled
    took_small, took_large = _seconds(lambda: _site(small)), _seconds(lambda: _site(large))
    assert took_large < 8 * took_small + 0.05, (took_small, took_large)


def test_the_shared_papers_table_stays_small_whatever_the_topics() -> None:
    """An entry of 600 topics made a table of 600 x 600 cells; it crosses the twenty
    topics with the most papers."""
    html = _site(_page(topics=600))
    table = BeautifulSoup(html, "html.parser").select_one("table.digest-shared")
    assert table is not None and len(table.select("tbody tr")) == 20
    assert {len(row.select("td")) for row in table.select("tbody tr")} == {20}


def test_a_field_over_the_limit_is_shown_as_written_and_reported() -> None:
    bullet = MARKDOWN_RUN * 200  # 7,400 characters
    page = parse_digest(_page(bullet=bullet), "t0/2024-04-05.md")
    (problem,) = [d for d in page.diagnostics if "bullet 1" in d.message]
    assert problem.line == 8 and "7,400 characters" in problem.message  # its heading
    html = _site(_page(bullet=bullet))
    assert "**b** `c`" in BeautifulSoup(html, "html.parser").get_text()


# -- copies of one paper that disagree --------------------------------------------

OLD, NEW = "Tabular Synthesis Revisted", "Tabular Synthesis Revisited"


def copy_of(title: str, bullet: str, authors: str, page_topics: str) -> str:
    return (
        f"### [{title}](http://arxiv.org/abs/2599.00301)\n\n**表データ合成再訪**\n\n{authors}\n\n"
        f"- {bullet}\n- a second point\n\n**トピック:** {page_topics}, "
        "**カテゴリ:** cs.LG, **投稿日時:** 2024-04-04 10:00\n"
    )


def test_copies_that_disagree_are_reported_and_every_site_wide_output_shows_the_home_copy(
    tmp_path: Path,
) -> None:
    """The owner corrects the title, a bullet and the authors in the paper's own
    series (sd/, its home) only: each page shows its own text, every site-wide output
    the home copy's, and one warning names both copies, their lines and the fields."""
    topics = "[合成データ](../../sd)"
    head = "---\ndate: 2024-04-05\n---\n\n# Week\n\n"
    corrected = copy_of(NEW, "a corrected bullet", "Ann Lee, Bo Kim", topics)
    kept = copy_of(OLD, "an old bullet", "Ann Lee, Bo Kin", topics)
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "sd/2024-04-05.md": head + corrected,
            "all/2024-04-05.md": head + kept,
        },
        plugins=["search", "digest"],
    )
    built = build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.log
    (warning,) = [line for line in built.log.splitlines() if "differ" in line]
    assert "all/2024-04-05.md:7: arXiv 2599.00301: its title, authors, bullets" in warning
    assert "home copy at sd/2024-04-05.md:7" in warning
    # Each page shows its own copy.
    assert built.page("sd/2024-04-05/").select_one("article.digest-card h3").get_text() == NEW
    assert built.page("all/2024-04-05/").select_one("article.digest-card h3").get_text() == OLD
    # Every site-wide output shows the home copy's.
    data = built.site / "assets" / "mkdocs_digest"
    shown = {  # what of the paper each file shows
        built.site / "papers.json": (NEW, "Bo Kim", "a corrected bullet"),
        built.site / "feed.xml": (NEW, "Bo Kim", "a corrected bullet"),
        data / "papers-index.json": (NEW, "Bo Kim"),
        data / "search" / "papers-0.json": (NEW, "Bo Kim", "a corrected bullet"),
        data / "papers-bib-0.json": (NEW, "Bo Kim"),  # a site this small: one chunk
    }
    for path, words in shown.items():
        text = path.read_text(encoding="utf-8")
        assert all(word in text for word in words), path
        assert OLD not in text and "Bo Kin" not in text and "an old bullet" not in text, path
    record = json.loads((built.site / "papers.json").read_text(encoding="utf-8"))["papers"][0]
    assert record["authors"] == ["Ann Lee", "Bo Kim"]
    assert record["summary"][0] == "a corrected bullet"
    for page in ("sd/2024-04-05/", "all/2024-04-05/"):
        ld = built.page(page).select_one('script[type="application/ld+json"]').get_text()
        assert json.loads(ld)["@graph"][0]["headline"] == NEW, page


def test_copies_that_agree_are_not_reported(example_site: Built) -> None:
    # The example site holds papers in sd/, dp/ and all/ at once, as real sites do.
    assert "differ" not in example_site.log


# -- an allowlist, not a blocklist ------------------------------------------------


@pytest.mark.parametrize(
    "attributes",
    [
        '{ ONCLICK="x" }',
        '{ OnMouseOver="x" }',
        '{ style="position:fixed" }',
        "{ #digest-settings }",  # an id that would clobber the plugin's own
        "{ .md-overlay }",
        '{ data-x="1" hidden }',
        '{ href="javascript:x" }',
    ],
)
def test_only_listed_attributes_survive_even_where_an_extension_sets_them(
    attributes: str,
) -> None:
    """The allowlist under the plugin's own Markdown, tried with attr_list added, which
    sets any attribute it is given: none of these is on the list."""
    md = _safe_markdown(["attr_list"])
    html = md.convert(f"A paragraph\n{attributes}\n\n[a link](https://example.org){attributes}")
    soup = BeautifulSoup(html, "html.parser")
    assert [p.attrs for p in soup.find_all("p")] == [{}, {}]
    rel = ["nofollow", "noopener", "noreferrer"]
    for link in soup.find_all("a"):  # none left where the link's target was a script
        assert link.attrs == {"href": "https://example.org", "rel": rel}
    assert all(span.attrs == {} for span in soup.find_all("span"))
    assert soup.get_text().count("a link") == 1


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<!-- a remark for the editor -->", ""),
        ("a\n<!--\nmulti-line\n-->\nb", "a\nb"),
        ("<!-- a note --> Important text", "<!-- a note --> Important text"),
        ("<!-- a --> kept <!-- b -->", "<!-- a --> kept <!-- b -->"),
        ("<!-- never closed\nKept after it", "<!-- never closed\nKept after it"),
    ],
)
def test_a_comment_alone_on_its_lines_stays_hidden_and_no_text_beside_one_is_lost(
    text: str, shown: str
) -> None:
    html = "".join(str(b.html) for b in around_blocks(text) if isinstance(b, Html))
    assert BeautifulSoup(html, "html.parser").get_text().strip() == shown


@pytest.mark.parametrize(
    "text",
    [
        'all "papers" <svg onload=alert(1)>',
        "with space",
        "séries/日本語",
        "a'b",
        "",
    ],
)
def test_text_becomes_an_id_that_any_attribute_or_reference_holds(text: str) -> None:
    made = html_id(text)
    assert re.fullmatch(r"[A-Za-z0-9_\-]*", made), made
    assert html_id(text) == made  # the same text, the same id
    assert html_id(text + " ") != made  # texts that differ in markup stay apart
    assert html_id("sd") == "sd"  # an id-safe text is itself
