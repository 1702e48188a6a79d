"""Where the plugin meets options, folders and files it does not expect.

Every bad option is refused alike by `mkdocs build --strict`, `check -f` and
`generate -f`, naming the option; `generate` touches only what it wrote; the site's
own pages win URL clashes; unreadable pages and mkdocs.yml are named, never a
traceback; the command line reads the pages MkDocs reads.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from mkdocs_digest.cli import main

from .conftest import build, write_site

DIGEST = (
    "---\ntitle: W\ndate: 2024-04-05\n---\n\n- - -\n\n"
    "### [Good](http://arxiv.org/abs/2599.00001)\n\n**良い**\n\nA B, C D\n\n- point\n\n"
    "**トピック:** [合成データ](../../sd), **カテゴリ:** cs.LG, **投稿日時:** 2024-04-06 10:00\n"
)


def entry(arxiv_id: str, topic: str = "[合成データ](../../sd)") -> str:
    return (
        f"\n- - -\n\n### [Paper {arxiv_id}](http://arxiv.org/abs/{arxiv_id})\n\nA B\n\n"
        f"- point\n\n**トピック:** {topic}, **投稿日時:** 2024-04-06 10:00\n"
    )


BAD_OPTIONS = {
    "unknown label": ({"labels": {"bogus": "x"}}, "bogus"),
    "negative per_page": ({"per_page": -1}, "per_page"),
    "typo of an option": ({"per_pag": 5}, "per_pag"),
    "topic_page leaving docs": ({"topic_page": "../../{slug}/index.md"}, "topic_page"),
    "absolute topic_page": ({"topic_page": "/srv/{slug}.md"}, "topic_page"),
    "topic_page with {0}": ({"topic_page": "{0}/index.md"}, "topic_page"),
    "overview_page leaving docs": ({"overview_page": "../topics.md"}, "overview_page"),
    "label with an unknown field": ({"labels": {"n_papers": "{x} papers"}}, "n_papers"),
    "label with a stray brace": ({"labels": {"n_papers": "{n papers"}}, "n_papers"),
    "label reaching into Python": ({"labels": {"n_papers": "{n.__class__.__mro__}"}}, "n_papers"),
    "feed_size of 0": ({"feed_size": 0}, "feed_size"),
    # A format spec its field's type refuses, one that takes minutes, a conversion:
    # the browser fills labels by plain replacement, so a label gives plain fields.
    "label with a spec for text": ({"labels": {"n_papers": "{n:s} papers"}}, "n_papers"),
    "label with a huge width": ({"labels": {"n_papers": "{n:>99999999}"}}, "n_papers"),
    "label with a conversion": ({"labels": {"week_of": "{date!r}"}}, "week_of"),
    "label with an index": ({"labels": {"week_of": "{date[0]}"}}, "week_of"),
    "a label as long as a page": ({"labels": {"summary": "x" * 5000}}, "summary"),
    "topic_page with a spec": ({"topic_page": "t/{slug:>99999999}.md"}, "topic_page"),
    # A null is not the default: every front end refuses it alike.
    "per_page: null": ({"per_page": None}, "per_page"),
    "nav_weeks: null": ({"nav_weeks": None}, "nav_weeks"),
    "labels: null": ({"labels": None}, "labels"),
    "compact_nav: null": ({"compact_nav": None}, "compact_nav"),
    "unknown language": ({"language": "pt"}, "language"),
}


@pytest.mark.parametrize("case", BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
def test_every_front_end_refuses_a_bad_option_alike(tmp_path: Path, capsys, case) -> None:
    options, named = case
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n", "sd/2024-04-05.md": DIGEST},
        plugins=["search", {"digest": options}],
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 1 and named in built.log, built.log
    assert "Traceback" not in built.log
    assert main(["check", "-f", str(config)]) == 1
    out = capsys.readouterr()
    assert named in out.err and "Traceback" not in out.err
    assert main(["generate", "-f", str(config), str(tmp_path / "out")]) == 2
    assert named in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert (tmp_path / "docs" / "index.md").read_text(encoding="utf-8") == "# Home\n"


def test_every_front_end_reports_feeds_without_a_site_url(tmp_path: Path, capsys) -> None:
    # Feeds are on by default and need absolute links: a site without site_url gets
    # none, with one warning, from the build, `check` and `generate` alike.
    config = write_site(tmp_path, {"index.md": "# Home\n", "sd/2024-04-05.md": DIGEST})
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    del settings["site_url"]
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    built = build(config, tmp_path / "site")
    assert built.returncode == 1 and built.log.count("feeds need 'site_url'") == 1, built.log
    assert main(["check", "-f", str(config)]) == 1
    assert capsys.readouterr().out.count("feeds need 'site_url'") == 1
    assert main(["generate", "-f", str(config), str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err.count("feeds need 'site_url'") == 1
    assert not (tmp_path / "out" / "feed.xml").exists()
    # Without a mkdocs.yml, nothing is known of the site's URL: no such warning.
    assert main(["check", str(tmp_path / "docs")]) == 0


def test_generate_takes_the_theme_language(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"sd/2024-04-05.md": DIGEST},
        theme={"name": "material", "language": "en"},
    )
    assert main(["generate", "-f", str(config), str(tmp_path / "out")]) == 0
    topic = (tmp_path / "out" / "sd" / "index.md").read_text(encoding="utf-8")
    assert "1 paper over 1 week" in topic and "件の論文" not in topic


# -- generate's output folder ---------------------------------------------------


def test_generate_refuses_a_folder_of_someone_else_s_files(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "docs"
    (docs / "sd").mkdir(parents=True)
    (docs / "sd" / "2024-04-05.md").write_text(DIGEST, encoding="utf-8")
    deploy = tmp_path / "deploy"
    (deploy / ".git").mkdir(parents=True)
    theirs = {".git/HEAD": "ref: refs/heads/main\n", "CNAME": "example.org\n", "mkdocs.yml": "x"}
    for name, text in theirs.items():
        (deploy / name).write_text(text, encoding="utf-8")
    assert main(["generate", str(docs), str(deploy)]) == 2
    message = capsys.readouterr().err
    assert "is not empty and was not written by mkdocs-digest generate" in message
    assert "empty or new folder" in message
    found = {p.relative_to(deploy).as_posix() for p in deploy.rglob("*") if p.is_file()}
    assert found == set(theirs)


def test_generate_removes_only_what_it_wrote(tmp_path: Path) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    (docs / "sd").mkdir(parents=True)
    (docs / "sd" / "2024-04-05.md").write_text(DIGEST, encoding="utf-8")
    (docs / "sd" / "2024-04-12.md").write_text(DIGEST.replace("2599.00001", "2599.00002"))
    assert main(["generate", str(docs), str(out)]) == 0
    assert (out / "sd" / "2024-04-12.md").is_file()
    (out / "CNAME").write_text("example.org\n")  # the owner's own file, added later
    (out / "sd" / "notes.txt").write_text("mine\n")
    (docs / "sd" / "2024-04-12.md").unlink()
    assert main(["generate", str(docs), str(out)]) == 0
    assert not (out / "sd" / "2024-04-12.md").exists()
    assert (out / "CNAME").read_text() == "example.org\n"
    assert (out / "sd" / "notes.txt").read_text() == "mine\n"
    assert (out / "sd" / "2024-04-05.md").is_file()


def test_generate_never_writes_through_a_link_out_of_its_folder(tmp_path: Path, capsys) -> None:
    docs, out, elsewhere = tmp_path / "docs", tmp_path / "out", tmp_path / "elsewhere"
    (docs / "sd").mkdir(parents=True)
    (docs / "sd" / "2024-04-05.md").write_text(DIGEST, encoding="utf-8")
    assert main(["generate", str(docs), str(out)]) == 0
    elsewhere.mkdir()
    for name in os.listdir(out / "sd"):
        (out / "sd" / name).unlink()
    (out / "sd").rmdir()
    (out / "sd").symlink_to(elsewhere, target_is_directory=True)
    assert main(["generate", str(docs), str(out)]) == 2
    assert "outside" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("before", ["generated", "empty"])
def test_generate_neither_reads_nor_writes_its_list_through_a_link(
    tmp_path: Path, capsys, before: str
) -> None:
    """Its own list of what it wrote, placed as a link to a file elsewhere, in a
    folder it wrote before or in an empty one: refused, named, the file untouched."""
    docs, out, elsewhere = tmp_path / "docs", tmp_path / "out", tmp_path / "elsewhere.json"
    (docs / "sd").mkdir(parents=True)
    (docs / "sd" / "2024-04-05.md").write_text(DIGEST, encoding="utf-8")
    if before == "generated":
        assert main(["generate", str(docs), str(out)]) == 0
        (out / ".mkdocs-digest-generated.json").unlink()
    out.mkdir(exist_ok=True)
    elsewhere.write_text('["precious"]', encoding="utf-8")
    (out / ".mkdocs-digest-generated.json").symlink_to(elsewhere)
    capsys.readouterr()
    assert main(["generate", str(docs), str(out)]) == 2
    said = capsys.readouterr().err
    assert ".mkdocs-digest-generated.json is a link" in said and "Traceback" not in said
    assert elsewhere.read_text(encoding="utf-8") == '["precious"]'


# -- clashes ----------------------------------------------------------------------


def test_the_owner_s_page_wins_a_url_clash_with_a_topic_page(tmp_path: Path, capsys) -> None:
    about = "# About us\n\nThe owner's own words.\n"
    page = DIGEST + entry("2599.00002", "[About](../../about)")
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n", "about.md": about, "sd/2024-04-05.md": page},
        plugins=["search", {"digest": {"topic_names": {"about": "About"}}}],
    )
    built = build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.log
    assert "The owner's own words." in built.page("about/").get_text()
    (warning,) = [line for line in built.log.splitlines() if "would take the URL" in line]
    assert "about/index.md" in warning and "about.md is kept" in warning
    assert main(["check", "-f", str(config)]) == 1
    assert "about.md is kept" in capsys.readouterr().out


def test_a_topic_page_pattern_never_replaces_a_digest(tmp_path: Path) -> None:
    dp_digest = DIGEST.replace("2599.00001", "2599.00003").replace("(../../sd)", "(dp)")
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n", "sd/2024-04-05.md": DIGEST, "dp.md": dp_digest},
        plugins=["search", {"digest": {"topic_page": "{slug}.md", "topic_names": {"dp": "DP"}}}],
    )
    built = build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.log
    assert built.page("dp/").select_one("article.digest-card#arxiv-2599\\.00003") is not None
    assert "dp.md is kept" in built.log


# -- unreadable input ----------------------------------------------------------------


def test_a_page_that_is_not_utf8_is_named_without_a_traceback(tmp_path: Path, capsys) -> None:
    config = write_site(tmp_path, {"index.md": "# Home\n", "sd/2024-04-05.md": DIGEST})
    bad = DIGEST.encode("utf-8").replace(b"- point", b"- p\xffoint")
    (tmp_path / "docs" / "sd" / "2025-01-03.md").write_bytes(bad)
    line = DIGEST.split("\n").index("- point") + 1
    built = build(config, tmp_path / "site", strict=False)
    assert "Traceback" not in built.log
    assert f"sd/2025-01-03.md:{line}: not UTF-8 (byte 0xff)" in built.log
    assert main(["check", "-f", str(config)]) == 1
    out = capsys.readouterr()
    assert f"sd/2025-01-03.md:{line}: not UTF-8 (byte 0xff)" in out.out
    # generate names it too, and copies it as it is: nothing is lost.
    assert main(["generate", "-f", str(config), str(tmp_path / "out")]) == 0
    assert f"sd/2025-01-03.md:{line}: not UTF-8 (byte 0xff)" in capsys.readouterr().err
    assert (tmp_path / "out" / "sd" / "2025-01-03.md").read_bytes() == bad


def test_an_invalid_mkdocs_yml_is_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: ok\nnav: [unclosed\n", encoding="utf-8")
    assert main(["check", "-f", str(config)]) == 1
    (message,) = capsys.readouterr().err.splitlines()
    # PyYAML finds the missing `]` where the text ends: line 3.
    assert (
        message == f"mkdocs-digest check: {config}:3: expected ',' or ']', but got '<stream end>'"
    )


# -- the pages MkDocs reads ----------------------------------------------------------


def test_the_command_line_reads_the_pages_mkdocs_reads(tmp_path: Path, capsys) -> None:
    elsewhere = tmp_path / "elsewhere" / "dp"
    elsewhere.mkdir(parents=True)
    (elsewhere / "2024-04-05.md").write_text(
        DIGEST.replace("2599.00001", "2599.00010").replace("../../sd", "../../dp")
    )
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "sd/2024-04-05.md": DIGEST,
            ".drafts/2024-04-12.md": DIGEST.replace("2599.00001", "2599.00020"),
            "sd/2024-04-12.md": DIGEST.replace("2599.00001", "2599.00021"),
        },
        exclude_docs="sd/2024-04-12.md\n",
    )
    (tmp_path / "docs" / "dp").symlink_to(elsewhere, target_is_directory=True)
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    papers = json.loads((built.site / "papers.json").read_text(encoding="utf-8"))["papers"]
    in_build = {p["arxiv_id"] for p in papers}
    assert in_build == {"2599.00001", "2599.00010"}
    assert main(["export", "-f", str(config)]) == 0
    exported = json.loads(capsys.readouterr().out)["papers"]
    assert {p["arxiv_id"] for p in exported} == in_build
    assert main(["generate", "-f", str(config), str(tmp_path / "out")]) == 0
    # One line on success: index, topics, the explorer, and a digest, an archive and a
    # topic page for each of sd/ and dp/; the script, the stylesheet, two data files,
    # the site's feed and papers.json, each topic's feed, papers.bib, latest.html and
    # filter file, the weeks file, and the papers' word vectors: a chunk, and the week's.
    out = tmp_path / "out"
    said = capsys.readouterr().err
    assert said == f"mkdocs-digest generate: wrote 9 pages and 17 other files to {out}\n"
    generated = json.loads((tmp_path / "out" / "papers.json").read_text(encoding="utf-8"))
    assert {p["arxiv_id"] for p in generated["papers"]} == in_build
    assert not (tmp_path / "out" / ".drafts").exists()
    assert main(["check", "-f", str(config)]) == 0
    assert capsys.readouterr().err.startswith("2 papers on 2 pages")


def test_settings_with_yaml_tags_are_read(tmp_path: Path) -> None:
    # mkdocs.yml often holds `!!python/name:` tags for extensions; they are not ours.
    config = write_site(tmp_path, {"sd/2024-04-05.md": DIGEST})
    text = config.read_text(encoding="utf-8")
    text += "markdown_extensions:\n- pymdownx.emoji:\n    emoji_index: !!python/name:x.y\n"
    config.write_text(text, encoding="utf-8")
    assert yaml.safe_load(config.read_text().split("markdown_extensions")[0])
    assert main(["check", "-f", str(config)]) == 0


# A value of another kind than each declared type: both schemas must refuse it.
WRONG = {bool: "yes", int: "2", str: 5, dict: ["a"], tuple: "a"}


def _kind(default: object) -> type:
    return {list: tuple}.get(type(default), type(default))


def test_the_mkdocs_schema_and_options_name_the_same_options_alike() -> None:
    # Two schemas (options.py for every front end, plugin/config.py for MkDocs' own
    # validation) must not drift: same names, same defaults, and each refuses a
    # value of another kind.
    import dataclasses

    from mkdocs.config.base import Config

    from mkdocs_digest.options import DEFAULTS, OptionError, Options
    from mkdocs_digest.plugin.config import DigestConfig

    fields = {f.name for f in dataclasses.fields(Options)}
    schema = dict(DigestConfig._schema)
    assert set(schema) == fields
    config = DigestConfig()
    config.load_dict({})
    assert not config.validate()[0]
    for name in sorted(fields):
        default = getattr(DEFAULTS, name)
        given = config[name]
        assert (tuple(given) if isinstance(given, list) else given) == default, name
        if default is None:
            continue  # an optional text: its kind is checked through a text option
        wrong = WRONG[_kind(default)]
        with pytest.raises(OptionError):
            Options.from_mapping({name: wrong})
        if _kind(default) is int:  # YAML's true is no number (MkDocs' own check takes it)
            with pytest.raises(OptionError):
                Options.from_mapping({name: True})
        check: Config = DigestConfig()
        check.load_dict({name: wrong})
        assert check.validate()[0], f"MkDocs takes {name}: {wrong!r}"
