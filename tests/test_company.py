"""The plugin beside the plugins MkDocs sites commonly use, installed from the
registry: each built with the example site under --strict keeps whole cards, the
generated pages and every local link.

mkdocs-static-i18n makes the list of files anew from docs_dir, mkdocs-rss-plugin
reads every page's source, mkdocs-redirects records the pages before the plugin used
to add its own, mkdocs-awesome-nav shapes the nav, mkdocs-glightbox writes every page
again: each once broke the plugin or was broken by it.
"""

from __future__ import annotations

import pytest
import yaml

from .conftest import EXAMPLE, Built, broken_links, build, with_config, write_site

DIGEST = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"][1]

# name: (plugins before the digest plugin, after it)
COMPANY: dict[str, tuple[list[object], list[object]]] = {
    "glightbox": (["glightbox"], []),
    "i18n": (
        [
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "languages": [{"locale": "ja", "default": True, "name": "日本語"}],
                }
            }
        ],
        [],
    ),
    "rss": ([], [{"rss": {"match_path": ".*", "date_from_meta": {"as_creation": "date"}}}]),
    "redirects": (
        [
            {
                "redirects": {
                    "redirect_maps": {
                        "old/synthetic.md": "sd/index.md",  # generated pages as targets
                        "old/topics.md": "topics.md",
                        "old/week.md": "sd/2024-04-05.md",
                    }
                }
            }
        ],
        [],
    ),
    "awesome-nav": (["awesome-nav"], []),
}


EXAMPLE_THEME = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
# mkdocs-static-i18n's own warning: its language switcher and instant navigation.
NO_INSTANT = {
    **EXAMPLE_THEME,
    "features": [f for f in EXAMPLE_THEME["features"] if f != "navigation.instant"],
}


@pytest.fixture(scope="module")
def built_with(tmp_path_factory: pytest.TempPathFactory):
    """The example site built beside one other plugin, once for the module."""
    made: dict[str, Built] = {}

    def get(name: str) -> Built:
        if name not in made:
            before, after = COMPANY[name]
            tmp = tmp_path_factory.mktemp(name)
            changes: dict[str, object] = {"plugins": ["search", *before, DIGEST, *after]}
            if name == "i18n":
                changes["theme"] = NO_INSTANT
            built = build(with_config(EXAMPLE / "mkdocs.yml", tmp, **changes), tmp / "site")
            assert built.returncode == 0, built.log
            assert "Traceback" not in built.log
            made[name] = built
        return made[name]

    return get


@pytest.mark.parametrize("name", sorted(COMPANY))
def test_cards_are_whole_beside_other_plugins(built_with, name: str) -> None:
    cards = built_with(name).page("sd/2024-04-05/").select("article.digest-card")
    assert len(cards) == 3
    for card in cards:
        assert card.select_one(".digest-card__authors")
        assert card.select_one("pre.digest-card__bibtex")
        assert card.select_one("span.Z3988[title^='ctx_ver=']")


@pytest.mark.parametrize("name", sorted(COMPANY))
def test_generated_pages_are_there_and_no_local_link_is_broken(built_with, name: str) -> None:
    built = built_with(name)
    for path in ("sd/", "sd/page/2/", "sd/archive/", "topics/"):
        assert built.page(path).select_one("article.md-content__inner"), path
    assert built.page("sd/").select("a.digest-listing__title")
    assert broken_links(built) == []


def test_redirects_lead_to_generated_pages(built_with) -> None:
    built = built_with("redirects")
    for old, new in (("old/synthetic", "../../sd/"), ("old/topics", "../../topics/")):
        page = (built.site / old / "index.html").read_text(encoding="utf-8")
        assert f'url={new}"' in page, page


def test_the_rss_feed_lists_the_digests(built_with) -> None:
    feed = (built_with("rss").site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "sd/2024-04-05/" in feed


def test_a_nav_plugin_shapes_the_nav_and_is_named(built_with) -> None:
    built = built_with("awesome-nav")
    assert "the nav is shaped by awesome-nav: the compact nav steps aside" in built.log
    nav = built.page("sd/").select("nav.md-nav--primary a.md-nav__link")
    assert len(nav) > 10  # the whole folder tree, as awesome-nav makes it


def test_a_digest_another_plugin_adds_is_read_and_gets_its_topic_page(tmp_path) -> None:
    """mkdocs-gen-files and the like add pages at the default priority, after the
    plugin first read the site: it reads the site again, once, and says so."""
    from .test_build import digest_page

    week = digest_page("[生成](../../gen)", "2599.00042").replace("Paper 2599.00042", "Added")
    (tmp_path / "hook.py").write_text(
        "from mkdocs.structure.files import File\n\n"
        "def on_files(files, config):\n"
        f"    files.append(File.generated(config, 'gen/2024-04-05.md', content={week!r}))\n"
        "    return files\n",
        encoding="utf-8",
    )
    docs = {"index.md": "# Home\n", "sd/2024-04-05.md": digest_page("[合成データ](../../sd)")}
    config = write_site(tmp_path, docs, hooks=[str(tmp_path / "hook.py")])
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert "gen/2024-04-05.md: added by another plugin; reading the digests again" in built.log
    assert len(built.page("gen/2024-04-05/").select("article.digest-card")) == 1
    rows = built.page("gen/").select("a.digest-listing__title")
    assert [a.get_text() for a in rows] == ["Added"]
    assert broken_links(built) == []
    # The model's problems are told once, though the site was read twice.
    assert built.log.count("WARNING") == 0
