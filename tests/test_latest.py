"""The fixed "latest week" address of each series (formats/latest.py) and the nav
link to it, in a real build of the example site."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from mkdocs_digest.formats.latest import latest_page

from .conftest import EXAMPLE, Built, build, with_config


def test_each_series_latest_address_sends_the_reader_to_its_newest_week(
    example_site: Built,
) -> None:
    newest = {"sd": "2024-04-12", "dp": "2024-04-12", "fl": "2024-04-12", "all": "2024-04-05"}
    for folder, date in newest.items():
        soup = BeautifulSoup(
            (example_site.site / folder / "latest.html").read_text(), "html.parser"
        )
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
        target = re.fullmatch(r"0; url=(.+)", refresh).group(1)
        assert posixpath.normpath(f"{folder}/{target}") == f"{folder}/{date}"
        assert (example_site.site / folder / target / "index.html").is_file()
        assert soup.find("link", rel="canonical")["href"] == target
        assert soup.find("a")["href"] == target  # for a browser that does not follow


def test_the_nav_links_the_latest_week_in_each_series_section(example_site: Built) -> None:
    for path in ("", "sd/2024-03-29/"):
        nav = example_site.page(path).select_one("nav.md-nav--primary")
        links = {
            posixpath.normpath(path + a["href"]): a.get_text(strip=True)
            for a in nav.select("a.md-nav__link")
        }
        for folder in ("all", "sd", "dp", "fl"):
            assert links[f"{folder}/latest.html"] == "最新の週"


def test_a_hostile_title_or_address_stays_text() -> None:
    text = latest_page('a"><script>alert(1)</script>/', "</title><script>alert(2)</script>")
    soup = BeautifulSoup(text, "html.parser")
    (script,) = soup.find_all("script")  # the page's own, whole: no text ended it
    assert "<" not in script.get_text() and script.get_text().endswith("+ location.hash)")
    assert soup.title.get_text() == "</title><script>alert(2)</script>"
    assert soup.find("a")["href"] == 'a"><script>alert(1)</script>/'


def test_a_page_of_the_site_s_own_at_the_latest_address_is_kept(tmp_path: Path) -> None:
    """Without directory URLs, a digest folder's `latest.md` is written to
    `sd/latest.html`: the page stays, the plugin's file steps aside."""
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE / "docs", docs)
    (docs / "sd" / "latest.md").write_text("# Our own latest page\n", encoding="utf-8")
    config = with_config(
        EXAMPLE / "mkdocs.yml", tmp_path, docs_dir=str(docs), use_directory_urls=False
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert "Our own latest page" in (built.site / "sd" / "latest.html").read_text(encoding="utf-8")
    assert "http-equiv" in (built.site / "dp" / "latest.html").read_text(encoding="utf-8")
