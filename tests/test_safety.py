"""Hostile digest text: built for real, checked with an HTML parser and in Chromium.

Every field of one entry carries markup, event handlers, script URLs or text meant
to close a <script> element. Each payload that ran would set `window.__xss` (or open
a dialog); the page must show all of it as text and run none of it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import Built, build, write_site

TITLE = "Attack <script>window.__xss='title'</script> \" onmouseover=\"window.__xss='attr'"
TITLE_JA = "<img src=x onerror=\"window.__xss='ja'; alert('ja')\"> 日本語"
AUTHORS = ["Eve <svg onload=\"window.__xss='author'\">", 'Mallory "><script>alert(2)</script>']
BULLETS = [
    "<script>window.__xss='bullet'</script> plain",
    "[js link](javascript:window.__xss='js') and "
    "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "**bold** and `code <b>` and [ok link](https://example.org/ok)",
    '<a href="javascript:window.__xss=\'raw\'">raw anchor</a> <iframe src="about:blank"></iframe>',
    "[entity link](jav&#x09;ascript:window.__xss='entity') ![img](x\" onerror=\"alert('img'))",
    "[spaced link]( JaVaScRiPt:window.__xss='case') <details open ontoggle=alert('toggle')>",
    "</script><script>window.__xss='jsonld'</script><!-- <script>",
]
COMMENTARY = (
    "<div onmouseover=\"window.__xss='commentary'\">c</div> <style>body{display:none}</style>"
)
COMMENT = "10 pages </script><script>window.__xss='comment'</script>"
TOPIC_NAME = "<img src=x onerror=\"window.__xss='topic'\">"
TOPIC_NAME_2 = "x\" autofocus onfocus=\"window.__xss='topic2'"
CATEGORY = "cs.LG\"><script>window.__xss='category'</script>"

HOSTILE = f"""\
# 2024-04-05 の論文

### [{TITLE}](http://arxiv.org/abs/2599.00001)

**{TITLE_JA}**

{", ".join(AUTHORS)}

{chr(10).join("- " + b for b in BULLETS)}

{COMMENTARY}

**Comment:** {COMMENT}

**トピック:** [{TOPIC_NAME}](../../sd), [{TOPIC_NAME_2}](../../dp), \
**カテゴリ:** {CATEGORY}, **投稿日時:** 2024-04-04 17:58

---

### Unreadable <script>window.__xss='unread'</script>

**読めない <img src=x onerror="window.__xss='unread-ja'">**

A. Author

- [unread link](javascript:window.__xss='unread-link') kept text

**トピック:** [<b onmouseover="window.__xss='unread-topic'">sd</b>](../../sd)
"""
FM_TITLE = "DP <img src=x onerror=\"window.__xss='fm-title'\"> & more"
DP_WEEK = f"""\
---
title: {json.dumps(FM_TITLE)}
date: 2024-04-05
---

### [A Benign Paper](http://arxiv.org/abs/2599.00077)

**無害な論文**

{", ".join(AUTHORS)}

- a point

**トピック:** [{TOPIC_NAME_2}](../../dp), **投稿日時:** 2024-04-06 10:00
"""
# Digest text around the entries is just as untrusted: the page's title and intro,
# a remark after an entry's metadata, text between entries, a closing section. The
# site's Markdown (an admonition, attr_list) still works there; nothing runs.
SURROUNDED = """\
---
title: Surrounded
date: 2024-03-29
---

# DP week <img src=x onerror="window.__xss='h1'">

Intro <script>window.__xss='intro'</script> with [intro js](javascript:window.__xss='link') \
and [entity js](jav&#x09;ascript:window.__xss='entity') and `<code>` kept.

!!! note "Admonition stays"
    Inside <img src=x onerror="window.__xss='admonition'"> too.

<div onmouseover="window.__xss='block'" markdown="1">block *html*</div>

[attr link](https://example.org/attr){ onclick="window.__xss='attr'" }

### [A Surrounded Paper](http://arxiv.org/abs/2599.00078)

**囲まれた論文**

A. Author

- a point

**トピック:** [dp](../../dp), **投稿日時:** 2024-04-11 10:00

A stray remark <img src=x onerror="window.__xss='remark'"> after the metadata.

---

Between <iframe src="javascript:window.__xss='between'"></iframe> entries.

### [Another Surrounded Paper](http://arxiv.org/abs/2599.00079)

A. Author

- another point

**トピック:** [dp](../../dp), **投稿日時:** 2024-04-11 11:00

---

## Closing

<script>window.__xss='closing'</script>

<!-- a harmless comment -->
"""
# The same name for `dp` as the other pages give it: the most used spelling wins.
SURROUNDED = SURROUNDED.replace("[dp](../../dp)", f"[{TOPIC_NAME_2}](../../dp)")
SURROUNDED_PAGE = "dp/2024-03-29/"
DIGEST = "sd/2024-04-05/"
# dp/2024-04-05/ has a hostile front-matter title: its own <title>, the nav of every
# page (it is among the latest weeks) and the `dp` series name print it.
PAGES = ["", DIGEST, "sd/", "dp/", "dp/2024-04-05/", "dp/archive/", "topics/", SURROUNDED_PAGE]
UNSAFE_URL = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
# Browsers drop control characters and spaces anywhere in a URL (`jav\tascript:`).
URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def unsafe(url: str) -> bool:
    return bool(UNSAFE_URL.match(URL_IGNORED.sub("", url)))


# Labels are the site owner's, but they reach a <script> element in every page's head
# (the site search's words) and the pages' text.
HOSTILE_LABELS = {
    "n_papers": "{n} </script><script>window.__xss='label'</script>",
    "n_papers_one": "{n} </script><script>window.__xss='label'</script>",
    "search_more": "<!-- {n} <img src=x onerror=\"window.__xss='more'\">",
}


def build_hostile_site(root: Path) -> Built:
    config = write_site(
        root,
        # dp/ makes the second topic a known one: a series folder of its own.
        {
            "index.md": "# Home\n",
            "sd/2024-04-05.md": HOSTILE,
            "dp/2024-04-05.md": DP_WEEK,
            "dp/2024-03-29.md": SURROUNDED,
        },
        theme={"name": "material", "features": ["navigation.instant"]},
        markdown_extensions=["admonition", "attr_list", "md_in_html"],
        plugins=["search", {"digest": {"labels": HOSTILE_LABELS}}],
    )
    built = build(config, root / "site", strict=False)
    assert built.returncode == 0, built.log
    return built


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


def test_the_url_check_sees_through_control_characters() -> None:
    assert unsafe("jav\tascript:alert(1)") and unsafe("\x01java\nscript:x") and unsafe(" data:x")
    assert not unsafe("https://arxiv.org/abs/2599.00001") and not unsafe("../sd/")


def test_only_the_unreadable_entry_is_reported(hostile_site: Built) -> None:
    heading = next(n for n, line in enumerate(HOSTILE.split("\n"), 1) if "Unreadable" in line)
    warnings = [
        line
        for line in hostile_site.log.splitlines()
        if line.startswith("WARNING") and "sd/2024-04-05.md" in line
    ]
    assert len(warnings) == 1 and f"sd/2024-04-05.md:{heading}:" in warnings[0], warnings


@pytest.mark.parametrize("path", PAGES)
def test_no_markup_from_the_text_reaches_any_page(hostile_site: Built, path: str) -> None:
    soup = hostile_site.page(path)
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert handlers == [], element
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            assert not unsafe(element.get(name, "")), element
    assert soup.select("iframe, object, embed, svg[onload], details[ontoggle]") == []
    for script in soup.find_all("script"):
        if script.get("type") not in ("application/ld+json", "application/json"):  # data
            assert "__xss" not in script.get_text(), script
    content = soup.select_one(".md-content")
    assert content.find("style") is None and content.find("img") is None


def test_hostile_author_names_are_text_on_the_overview_and_data_in_its_links(
    hostile_site: Built,
) -> None:
    """The two hostile authors share two papers of `dp`: the overview names them as
    text, each linking to the explorer with the name, encoded, as its query."""
    items = hostile_site.page("topics/").select(".digest-overview__authors li a")
    assert set(AUTHORS) <= {a.get_text() for a in items}
    for a in items:
        assert a["href"].startswith("../papers/?author=")
        assert parse_qs(urlsplit(a["href"]).query) == {"author": [a.get_text()]}


def test_every_field_is_shown_as_text(hostile_site: Built) -> None:
    card = hostile_site.page(DIGEST).select_one("article.digest-card")
    assert card.select_one("h3").get_text() == TITLE
    assert card.select_one(".digest-card__title-ja").get_text() == TITLE_JA
    assert card.select_one(".digest-card__authors").get_text().strip() == ", ".join(AUTHORS)
    items = card.select(".digest-card__summary li")
    assert items[0].get_text() == BULLETS[0]
    assert items[-1].get_text() == BULLETS[-1]
    assert COMMENTARY in card.select_one(".digest-card__commentary").get_text()
    assert COMMENT in card.select_one(".digest-card__comment").get_text()
    assert [c.get_text() for c in card.select("a.digest-chip")] == [TOPIC_NAME, TOPIC_NAME_2]
    assert card.select_one(".digest-card__categories li").get_text() == CATEGORY
    topic_page = hostile_site.page("sd/")
    assert topic_page.title.get_text().startswith(TOPIC_NAME)
    assert topic_page.select_one("h1").get_text() == TOPIC_NAME


def test_markdown_in_bullets_still_renders(hostile_site: Built) -> None:
    items = hostile_site.page(DIGEST).select(".digest-card__summary li")
    assert items[2].select_one("strong").get_text() == "bold"
    assert items[2].select_one("code").get_text() == "code <b>"
    assert items[2].select_one("a")["href"] == "https://example.org/ok"
    for item, text in ((items[1], "js link"), (items[1], "data link"), (items[4], "entity link")):
        assert text in item.get_text() and item.find("a", string=text) is None, item
    assert "spaced link" in items[5].get_text() and items[5].find("a") is None


def test_json_ld_holds_the_text_and_cannot_close_its_element(hostile_site: Built) -> None:
    html = (hostile_site.site / DIGEST / "index.html").read_text(encoding="utf-8")
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert "<" not in raw and ">" not in raw
    (record,) = json.loads(raw)["@graph"]
    assert record["headline"] == TITLE
    assert record["alternativeHeadline"] == {"@value": TITLE_JA, "@language": "ja"}
    assert [a["name"] for a in record["author"]] == AUTHORS
    assert "description" not in record  # the bullets are on the page; not carried twice
    assert record["about"] == [TOPIC_NAME, TOPIC_NAME_2]
    assert "keywords" not in record  # the categories are on the card
    head = BeautifulSoup(html, "html.parser").head
    assert head.select_one('script[type="application/ld+json"]') is not None


def test_an_unreadable_entry_keeps_its_text_without_its_markup(hostile_site: Built) -> None:
    kept = hostile_site.page(DIGEST).select_one(".digest-unread")
    text = kept.get_text()
    assert "Unreadable <script>window.__xss='unread'</script>" in text
    assert "読めない <img src=x" in text and "kept text" in text
    assert "unread link" in text and kept.find("a", string="unread link") is None


def test_hostile_labels_stay_data_in_the_search_settings(hostile_site: Built) -> None:
    page = hostile_site.page("dp/2024-04-05/")
    scripts = page.select("head script#digest-settings")
    assert len(scripts) == 1 and "</" not in scripts[0].string
    labels = json.loads(scripts[0].string)["labels"]
    assert {key: labels[key] for key in HOSTILE_LABELS} == HOSTILE_LABELS
    assert page.find("script", string=lambda s: s and "__xss='label'" in s and "{" not in s) is None


def test_a_front_matter_title_is_text_wherever_the_site_shows_it(hostile_site: Built) -> None:
    page = hostile_site.page("dp/2024-04-05/")
    assert page.title.get_text().startswith(FM_TITLE)
    assert page.select_one("article h1").get_text().startswith(FM_TITLE)
    # In the nav its series' section names it by its week: no digest text there.
    nav = [a.get_text(strip=True) for a in hostile_site.page("sd/").select("nav.md-nav--primary a")]
    assert "Week of 2024-04-05" in nav and FM_TITLE not in nav
    archive = hostile_site.page("dp/archive/").select_one("table.digest-archive td a")
    assert archive.get_text() == FM_TITLE


def test_text_around_entries_is_shown_and_never_run(hostile_site: Built) -> None:
    page = hostile_site.page(SURROUNDED_PAGE)
    content = page.select_one("article.md-content__inner")
    text = content.get_text()
    for kept in (
        "DP week <img src=x onerror=\"window.__xss='h1'\">",
        "Intro <script>window.__xss='intro'</script> with intro js",
        "Inside <img src=x onerror=\"window.__xss='admonition'\"> too.",
        '<div onmouseover="window.__xss=\'block\'" markdown="1">block html</div>',
        "Between <iframe src=\"javascript:window.__xss='between'\"></iframe> entries.",
        "<script>window.__xss='closing'</script>",
    ):
        assert kept in text, kept
    # The site's Markdown still works around the entries.
    assert content.select_one(".admonition .admonition-title").get_text() == "Admonition stays"
    assert content.select_one("code").get_text() == "<code>"
    assert content.find("h2", string="Closing") is not None
    attr_link = content.find("a", string="attr link")
    assert attr_link["href"] == "https://example.org/attr" and "onclick" not in attr_link.attrs
    for name in ("intro js", "entity js"):
        assert content.find("a", string=name) is None and name in text
    assert "harmless comment" not in text  # a well-formed comment stays a comment


def test_a_remark_after_the_metadata_is_the_entry_s_commentary(hostile_site: Built) -> None:
    card = hostile_site.page(SURROUNDED_PAGE).select_one("#arxiv-2599\\.00078")
    remark = "A stray remark <img src=x onerror=\"window.__xss='remark'\"> after the metadata."
    assert remark in card.select_one(".digest-card__commentary").get_text()
    line = SURROUNDED.split("\n").index(remark) + 1
    assert f"dp/2024-03-29.md:{line}: text after the '**トピック:**' line" in hostile_site.log


def test_raw_html_around_entries_is_reported_where_it_stands(hostile_site: Built) -> None:
    lines = SURROUNDED.split("\n")
    reported = {
        int(m.group(1)) for m in re.finditer(r"dp/2024-03-29\.md:(\d+): raw HTML", hostile_site.log)
    }
    expected = {
        n
        for n, line in enumerate(lines, start=1)
        if re.search(r"<[a-z]", line) and "2599." not in line and "remark" not in line
    }
    assert reported == expected and len(expected) == 6, (reported, expected)
