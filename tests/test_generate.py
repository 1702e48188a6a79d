"""`mkdocs-digest generate`: a docs tree that builders without the plugin build as it is.

The example site is generated, then built by MkDocs without the plugin and by
Zensical (the successor Material's team names); both must carry every card of the
plugin's own build, at the same URL and anchor, with no broken local link.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_digest.cli import main
from mkdocs_digest.structure.urls import page_url

from .conftest import EXAMPLE, Built, broken_links, build

ZENSICAL = shutil.which("zensical") or str(Path(sys.executable).parent / "zensical")


def generated(root: Path, builder: str) -> Path:
    """The example site generated for `builder`, beside a mkdocs.yml without the plugin."""
    command = ["generate", "-f", str(EXAMPLE / "mkdocs.yml"), str(root / "docs")]
    assert main([*command, "--builder", builder]) == 0
    settings = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["plugins"] = ["search"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True))
    return root


def per_page(built: Built, select: str, values) -> dict[str, list[str]]:
    """Page -> `values(found)` for each page where `select` finds something."""
    found = {}
    for page in built.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        elements = soup.select(select)
        if elements:
            found[page.relative_to(built.site).as_posix()] = values(elements)
    return found


def cards(built: Built) -> dict[str, list[str]]:
    """Page -> the ids of its cards, and the links inside them (not the ¶ permalinks:
    the toc extension adds those to Markdown headings only)."""

    def ids_and_links(cards) -> list[str]:
        links = [a["href"] for c in cards for a in c.select("a[href]:not(.headerlink)")]
        return [c["id"] for c in cards] + links

    return per_page(built, "article.digest-card", ids_and_links)


def listings(built: Built) -> dict[str, list[str]]:
    return per_page(built, "a.digest-listing__title", lambda rows: [a["href"] for a in rows])


def test_page_urls_follow_mkdocs() -> None:
    assert page_url("index.md") == "./"
    assert page_url("sd/index.md") == "sd/"
    assert page_url("sd/2024-04-05.md") == "sd/2024-04-05/"
    assert page_url("sd/2024-04-05.md", directory_urls=False) == "sd/2024-04-05.html"


def test_mkdocs_without_the_plugin_builds_the_same_cards_and_pages(
    tmp_path: Path, example_site: Built
) -> None:
    tree = generated(tmp_path, "mkdocs")
    built = build(tree / "mkdocs.yml", tree / "site")
    assert built.returncode == 0, built.log  # --strict: no warning
    assert cards(built) == cards(example_site)
    assert listings(built) == listings(example_site)
    assert broken_links(built) == []
    for data in ("papers.json", "feed.xml", "sd/feed.xml", "sd/papers.bib"):
        assert (built.site / data).read_bytes() == (example_site.site / data).read_bytes()
    style = built.page("sd/2024-04-05/").select_one('link[href$="digest.css"]')
    assert (built.site / "sd" / "2024-04-05" / style["href"]).resolve().is_file()


def test_zensical_builds_the_generated_tree(tmp_path: Path, example_site: Built) -> None:
    if not os.path.exists(ZENSICAL):
        if os.environ.get("CI"):
            raise RuntimeError("CI must build with Zensical: pip install zensical")
        pytest.skip("zensical is not installed")
    tree = generated(tmp_path, "zensical")
    done = subprocess.run(
        [ZENSICAL, "build", "--strict", "-f", str(tree / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tree,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = Built(tree / "site", done.stdout + done.stderr, done.returncode)
    assert cards(built) == cards(example_site)  # Zensical turned source links into URLs
    assert listings(built) == listings(example_site)
    assert broken_links(built, "article.digest-card a[href], .md-content a[href]") == []


def test_titles_stay_text_and_generated_pages_never_go_into_docs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sd").mkdir(parents=True)
    (docs / "sd" / "2024-04-05.md").write_text(
        "---\ntitle: <img src=x onerror=alert(1)>\ndate: 2024-04-05\ntags: [a]\n---\n\n"
        "### [Paper](http://arxiv.org/abs/2599.00001)\n\nA B\n\n- point\n\n"
        "**トピック:** [合成データ](../../sd)\n",
        encoding="utf-8",
    )
    (docs / "image.png").write_bytes(b"\x89PNG")
    assert main(["generate", str(docs), str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "sd" / "2024-04-05.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(page.split("---")[1])
    assert meta == {
        "title": "&lt;img src=x onerror=alert(1)&gt;",
        "date": meta["date"],
        "tags": ["a"],
    }
    assert (tmp_path / "out" / "image.png").read_bytes() == b"\x89PNG"
    assert (tmp_path / "out" / "sd" / "index.md").is_file()
    assert sorted(p.name for p in docs.rglob("*")) == ["2024-04-05.md", "image.png", "sd"]
    assert main(["generate", str(docs), str(docs / "out")]) == 2  # never inside docs


def test_watch_regenerates_after_an_edit(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE / "docs", docs)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "mkdocs_digest.cli",
        "generate",
        "--watch",
        str(docs),
        str(out),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = out / "sd" / "2024-04-05.md"
        deadline = time.monotonic() + 60
        while not page.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        source = docs / "sd" / "2024-04-05.md"
        source.write_text(source.read_text().replace("- 差分プライバシー", "- EDITED 差分", 1))
        while "EDITED" not in page.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "EDITED" in page.read_text(encoding="utf-8")
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_page_of_many_cards_gets_each_card_once(tmp_path: Path) -> None:
    # Twelve cards on the only page: its placeholders run from n0 to past n10.
    entries = "\n\n- - -\n\n".join(
        f"### [Paper {n}](http://arxiv.org/abs/2599.000{n:02d})\n\nA B\n\n- point\n\n"
        "**トピック:** [合成データ](../../sd)"
        for n in range(12)
    )
    (tmp_path / "docs" / "sd").mkdir(parents=True)
    (tmp_path / "docs" / "sd" / "2024-04-05.md").write_text(entries + "\n", encoding="utf-8")
    assert main(["generate", str(tmp_path / "docs"), str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "sd" / "2024-04-05.md").read_text(encoding="utf-8")
    ids = re.findall(r'<article class="digest-card" id="([^"]+)"', page)
    assert ids == [f"arxiv-2599.000{n:02d}" for n in range(12)]
    assert "mkdocsdigest" not in page


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_text_around_entries_is_inert_in_the_generated_tree(tmp_path: Path, builder: str) -> None:
    # The builder renders what is left of a digest page with its own Markdown, which
    # the plugin cannot guard: the text it is given must be inert for any extensions.
    from .test_safety import SURROUNDED, unsafe

    docs = tmp_path / "docs"
    (docs / "dp").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "dp" / "2024-03-29.md").write_text(SURROUNDED, encoding="utf-8")
    assert main(["generate", str(docs), str(tmp_path / "tree" / "docs"), "--builder", builder]) == 0
    settings = {
        "site_name": "T",
        "theme": {"name": "material"},
        "markdown_extensions": ["admonition", "attr_list", "md_in_html"],
    }
    (tmp_path / "tree" / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    command = (
        [ZENSICAL, "build"]
        if builder == "zensical"
        else [sys.executable, "-m", "mkdocs", "build", "-d", "site"]
    )
    done = subprocess.run(
        command, cwd=tmp_path / "tree", capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    page = tmp_path / "tree" / "site" / "dp" / "2024-03-29" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    content = soup.select_one("article.md-content__inner") or soup
    for element in content.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
        assert not any(unsafe(element.get(name, "")) for name in ("href", "src")), element
    text = content.get_text()
    for kept in ("Intro <script>", "<div onmouseover=", "Between <iframe", "{ onclick="):
        assert kept in text, kept
    assert "A stray remark <img" in content.select_one(".digest-card__commentary").get_text()
