"""BibTeX and COinS, read back with a real BibTeX parser (pybtex) and urllib."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import parse_qs

import bibtexparser
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database import parse_string

from mkdocs_digest.domain.catalog import Catalog
from mkdocs_digest.domain.model import Paper, Published
from mkdocs_digest.domain.parser import parse_digest
from mkdocs_digest.formats.citations import bibtex, citation_keys, coins
from mkdocs_digest.formats.latex import latex

from .conftest import Built, build, site_bibtex, write_site
from .zotero import zotero_item

HOSTILE = 'A {Brace, 100% Sure & #1 of </script> "Quotes" in C:\\path_x $5 ~ ^'


def paper(title: str = "Attention Is All You Need", **changes: object) -> Paper:
    fields: dict[str, object] = {
        "arxiv_id": "1706.03762",
        "url": "http://arxiv.org/abs/1706.03762",
        "title": title,
        "title_ja": None,
        "authors": ("Ashish Vaswani", "Noam Shazeer"),
        "summary": (),
        "commentary": None,
        "comment": None,
        "topics": (),
        "categories": ("cs.CL", "cs.LG"),
        "published": Published(dt.datetime(2017, 6, 12, 17, 57), True),
    }
    return Paper(**(fields | changes))  # type: ignore[arg-type]


def parsed_entry(text: str):
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == 1
    return next(iter(entries.items()))


def test_bibtex_is_arxivs_own_style() -> None:
    key, entry = parsed_entry(bibtex(paper(), "vaswani2017attention"))
    assert key == "vaswani2017attention" and entry.type == "misc"
    assert entry.fields["title"] == "Attention Is All You Need"
    assert [str(p) for p in entry.persons["author"]] == ["Vaswani, Ashish", "Shazeer, Noam"]
    assert entry.fields["year"] == "2017"
    assert entry.fields["eprint"] == "1706.03762"
    assert entry.fields["archivePrefix"] == "arXiv"
    assert entry.fields["primaryClass"] == "cs.CL"
    assert entry.fields["url"] == "https://arxiv.org/abs/1706.03762"


def test_every_latex_special_character_is_escaped_and_the_entry_still_parses() -> None:
    _, entry = parsed_entry(bibtex(paper(HOSTILE, authors=("Jo {Smith} & Co",)), "k"))
    title = entry.fields["title"]
    assert title == latex(HOSTILE)
    for raw, escaped in (("%", r"\%"), ("&", r"\&"), ("#", r"\#"), ("_", r"\_"), ("$", r"\$")):
        assert escaped in title and title.replace(escaped, "").count(raw) == 0
    assert r"\textbraceleft{}" in title and r"\textbackslash{}" in title
    assert "</script>" in title and '"Quotes"' in title
    assert title.count("{") == title.count("}")  # balanced, as BibTeX needs
    assert r"\textbraceleft{}Smith\textbraceright{} \&" in str(entry.persons["author"][0])


@pytest.mark.parametrize(
    "title",
    [
        "When Is a Synthetic Benchmark Hard Enough? Measuring $k$-Step Reasoning",
        r"$\alpha$-Divergence Bounds for $\mathcal{O}(n^{2})$ Models",
        "Scaling $k$-NN to $10^9$ Points & Beyond",  # math kept, the & outside escaped
    ],
)
def test_a_tex_title_keeps_its_math_through_pybtex_and_bibtexparser(title: str) -> None:
    """arXiv's export keeps TeX math as written; only what breaks BibTeX is escaped."""
    text = bibtex(paper(title), "k")
    expected = title.replace(" & ", r" \& ")
    assert parsed_entry(text)[1].fields["title"] == expected
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert library.entries[0].fields_dict["title"].value == expected


def test_math_that_would_break_bibtex_is_escaped_like_any_text() -> None:
    for title in ("An $a{b$ Case", "A $5 and 10% $ Case"):  # unbalanced; a comment
        _, entry = parsed_entry(bibtex(paper(title), "k"))
        assert entry.fields["title"] == latex(title) and r"\$" in entry.fields["title"]


# The commands escaping writes: the only ones text without kept math may hold.
ESCAPES = {"textbackslash", "textbraceleft", "textbraceright", "textasciicircum"}
ESCAPES |= {"textasciitilde", "$", "%", "&", "#", "_"}
# Math that LaTeX would do more with than typeset: read a file, write one, run a
# command, define one, or spell a backslash in hex.
UNVOUCHED_MATH = [
    r"$\input{/etc/passwd}$",
    r"$\include{secret}$",
    r"$\immediate\write18{rm -rf ~}$",
    r"$\write18{id}$",
    r"$\openout1=x \read1 to\x$",
    r"$\def\x{1}\x$",
    r"$\csname input\endcsname{f}$",
    r"$\catcode`\@=0$",
    r"$^^5cinput{f}$",
    r"$\alpha\input{f}$",  # one vouched-for command does not vouch for the rest
    r"$\INPUT{f}$",
]


@pytest.mark.parametrize("math", UNVOUCHED_MATH)
def test_math_with_a_command_not_vouched_for_is_escaped_in_every_field(math: str) -> None:
    """Only math whose commands are on the list is kept as written; anything else is
    text: no backslash reaches LaTeX as a command, in the title or an author."""
    text = bibtex(paper(f"A {math} Title", authors=(f"Eve {math}",)), "k")
    _, entry = parsed_entry(text)
    for value in (entry.fields["title"], str(entry.persons["author"][0])):
        commands = set(re.findall(r"\\([A-Za-z]+|.)", value))
        assert commands <= ESCAPES, commands
        assert r"\$" in value  # the math's dollars are text too
    assert "\\input" not in text and "\\write18" not in text


def test_keys_follow_surname_year_first_word_and_are_unique_across_the_site() -> None:
    page = "---\ndate: 2024-04-05\n---\n\n" + "".join(
        f"### [{title}](http://arxiv.org/abs/2404.0000{n})\n\nAnn Émile-Dupré\n\n- x\n\n"
        "**トピック:** [合成データ](../../sd)\n\n- - -\n\n"
        for n, title in enumerate(["The Deep Nets", "Deep Nets Again", "On Deep Things"], 1)
    )
    catalog = Catalog.build([parse_digest(page, "sd/2024-04-05.md")])
    keys = citation_keys(catalog)
    assert list(keys.values()) == [
        "emiledupre2024deep",
        "emiledupre2024deepb",
        "emiledupre2024deepc",
    ]


def test_zotero_imports_a_card_as_a_preprint_with_its_id_authors_date_and_url() -> None:
    item = zotero_item(coins(paper(HOSTILE)))
    assert item == {
        "itemType": "preprint",
        "title": HOSTILE,
        "creators": ["Ashish Vaswani", "Noam Shazeer"],
        "date": "2017-06-12",
        "publisher": "arXiv",  # a preprint's repository
        "language": "en",
        "DOI": "10.48550/arXiv.1706.03762",  # arXiv's DOI: it names the id
        "url": "https://arxiv.org/abs/1706.03762",
    }


def test_the_journal_form_with_a_preprint_genre_was_a_journal_article_in_zotero() -> None:
    """Why the card says `dc` and `rft.type`: Zotero ignores `rft.genre=preprint`."""
    old = (
        "ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal"
        "&rft.genre=preprint&rft.atitle=T&rft.jtitle=arXiv&rft.au=A+B"
    )
    item = zotero_item(old)
    assert item is not None and item["itemType"] == "journalArticle"
    assert item["publicationTitle"] == "arXiv"


# -- in the built example site ------------------------------------------------------


def built_bibtex(built: Built) -> dict[str, str]:
    """arXiv id -> its BibTeX entry, as a card's "Cite" block shows it (digest.js
    fills it from the chunk that holds it)."""
    return site_bibtex(built.site)


def cards_bibtex(built: Built) -> dict[str, str]:
    """arXiv id -> key, for the paper of every card of every digest page, each parsed."""
    entries = built_bibtex(built)
    keys: dict[str, str] = {}
    for path in built.pages():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for card in soup.select("article.digest-card"):
            assert card.select_one("details.digest-card__cite pre.digest-card__bibtex")
            arxiv_id = card["data-arxiv-id"]
            key, entry = parsed_entry(entries[arxiv_id])
            assert entry.fields["eprint"] == arxiv_id
            keys[arxiv_id] = key
    return keys


def test_every_card_cites_its_paper_with_a_key_no_other_paper_has(example_site: Built) -> None:
    keys = cards_bibtex(example_site)
    catalog = json.loads((example_site.site / "papers.json").read_text(encoding="utf-8"))
    assert set(keys) == {p["arxiv_id"] for p in catalog["papers"]}  # every paper is cited
    assert len(set(keys.values())) == len(keys)


@pytest.mark.parametrize(("topic", "count"), [("sd", 17), ("dp", 6), ("fl", 4)])
def test_each_topic_has_a_bib_file_of_its_papers(example_site: Built, topic, count) -> None:
    text = (example_site.site / topic / "papers.bib").read_text(encoding="utf-8")
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == count
    keys = cards_bibtex(example_site)
    assert {key: keys[entry.fields["eprint"]] for key, entry in entries.items()} == {
        key: key for key in entries
    }
    intro = example_site.page(f"{topic}/").select_one(".digest-topic__intro")
    assert intro.select_one('a[type="application/x-bibtex"]')["href"].endswith("papers.bib")


def test_the_seed_page_has_one_coins_span_per_paper(example_site: Built) -> None:
    page = example_site.page("sd/2024-03-29/")
    cards = page.select("article.digest-card")
    assert len(cards) == 12
    for card in cards:
        spans = card.select("span.Z3988")
        assert len(spans) == 1
        item = zotero_item(spans[0]["title"])  # as Zotero's COinS translator reads it
        assert item is not None and item["itemType"] == "preprint"
        title = card.select_one("h3 a").get_text()
        assert item["title"] == " ".join(title.split())
        authors = card.select_one(".digest-card__authors").get_text(" ")
        assert item["creators"] and all(author in authors for author in item["creators"])
        assert item["date"] == card.find("time")["datetime"][:10]
        arxiv_id = card["data-arxiv-id"]
        assert item["DOI"] == f"10.48550/arXiv.{arxiv_id}"
        assert item["url"] == f"https://arxiv.org/abs/{arxiv_id}"


def test_a_hostile_title_stays_text_in_the_card_and_the_bib_file(tmp_path: Path) -> None:
    page = (
        "---\ndate: 2024-04-05\n---\n\n- - -\n\n"
        f"### [{HOSTILE.replace('[', '(')}](http://arxiv.org/abs/2599.00001)\n\nAnn Lee\n\n"
        "- point\n\n**トピック:** [合成データ](../../sd), **カテゴリ:** cs.LG\n"
    )
    built = build(write_site(tmp_path, {"sd/2024-04-05.md": page}), tmp_path / "site")
    assert built.returncode == 0, built.log
    _, entry = parsed_entry(built_bibtex(built)["2599.00001"])
    assert entry.fields["title"] == latex(HOSTILE)
    bib = (built.site / "sd" / "papers.bib").read_text(encoding="utf-8")
    assert parse_string(bib, "bibtex").entries[entry.key].fields["title"] == latex(HOSTILE)


@given(
    title=st.text(st.characters(exclude_categories=["Cs"]), min_size=1).filter(str.strip),
    authors=st.lists(
        st.text(st.characters(exclude_categories=["Cs"]), min_size=1).filter(str.strip),
        max_size=4,
    ),
)
def test_coins_read_back_as_written_whatever_the_text(title: str, authors: list[str]) -> None:
    # COinS are form-encoded by hand (urlencode was a card's slowest part): any title
    # or name, with `+`, `%`, `&`, `=` or any script, reads back as it was.
    fields = parse_qs(coins(paper(title, authors=tuple(authors))), keep_blank_values=True)
    assert fields["rft.title"] == [" ".join(title.split())]
    assert fields.get("rft.au", []) == authors


def test_a_corporate_author_is_one_bibtex_author() -> None:
    authors = ("ATLAS and CMS Collaborations", "Ann Lee", "R&D and Ops Team")
    entry = parse_string(bibtex(paper(authors=authors), "k"), "bibtex").entries["k"]
    people = entry.persons["author"]
    assert len(people) == 3
    assert str(people[0]).strip("{}") == "ATLAS and CMS Collaborations"
    assert people[1].last_names == ["Lee"]


def test_an_oxford_comma_author_line_names_each_author() -> None:
    page = (
        "### [T](http://arxiv.org/abs/2599.00001)\n\nAlice Smith, Bob Jones, and Carol White\n"
        "\n- x\n\n**トピック:** [合成データ](../../sd)\n"
    )
    (entry,) = parse_digest(page, "sd/2024-04-05.md").entries
    assert entry.paper.authors == ("Alice Smith", "Bob Jones", "Carol White")
    parsed = parse_string(bibtex(entry.paper, "k"), "bibtex").entries["k"]
    assert [p.last_names for p in parsed.persons["author"]] == [["Smith"], ["Jones"], ["White"]]
