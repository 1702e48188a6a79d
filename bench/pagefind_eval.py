"""Pagefind, evaluated as the paper search: does its index find each paper by its id,
a Japanese word of its title and its English title, and an English title with one
word's number changed, and how many bytes does a reader fetch before the answer?

    python bench/pagefind_eval.py [--scale 1] [--papers 8]

Indexes every paper of the real-size site (`realsite.py`) as one Pagefind custom
record, at its home card, with the Python API of `pagefind[extended]` (its Japanese
segmentation), in the site's language (ja); serves the bundle with a blank page;
and in headless Chromium (Debian's) runs, for `--papers` papers picked evenly
through the catalog, the queries a reader types: the id, a four-character word of
the Japanese title, the English title, and the title with one word's plural
changed. Prints what each finds (rank of the paper, results), the bytes fetched
before the first answer, and the index's size on disk. Figures go to
`bench/out/pagefind_eval.json`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from realsite import make_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs_digest.domain.catalog import Catalog  # noqa: E402
from mkdocs_digest.formats.search_index import searched_text  # noqa: E402
from mkdocs_digest.options import DEFAULTS  # noqa: E402
from mkdocs_digest.reading.docs_folder import SourcePages  # noqa: E402
from mkdocs_digest.site_model import SiteModel  # noqa: E402
from mkdocs_digest.structure.urls import page_url  # noqa: E402
from tests.browsing import chromium, static_server  # noqa: E402

OUT = ROOT / "bench" / "out"
SEARCH = """async (query) => {
  const pagefind = window.__pagefind || (window.__pagefind = await import("/pagefind/pagefind.js"));
  const search = await pagefind.search(query);
  const top = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  return { count: search.results.length, urls: top.map((d) => d.url) };
}"""


def records(catalog: Catalog) -> list[dict[str, Any]]:
    """One record a paper, at its home card, with all the paper search finds it by."""
    made = []
    for arxiv_id in catalog.appearances:
        home = catalog.home(arxiv_id)
        paper = home.paper
        fields = [paper.arxiv_id, paper.title, paper.title_ja or "", ", ".join(paper.authors)]
        content = " ".join([*fields, " ".join(paper.categories), searched_text(paper)])
        made.append(
            {
                "url": "/" + page_url(home.page) + "#" + home.anchor,
                "content": content,
                "language": "ja",
                "meta": {"title": paper.title, "id": arxiv_id},
                "filters": {"topic": [t.slug for t in paper.topics]},
            }
        )
    return made


async def write_index(found: list[dict[str, Any]], out: Path) -> float:
    from pagefind.index import IndexConfig, PagefindIndex

    start = time.perf_counter()
    async with PagefindIndex(IndexConfig(output_path=str(out / "pagefind"))) as index:
        for record in found:
            await index.add_custom_record(**record)
    return time.perf_counter() - start


def queries(catalog: Catalog, papers: int) -> list[tuple[str, str, str]]:
    """(kind, query, the arXiv id it should find) for papers picked evenly."""
    ids = list(catalog.appearances)
    picked = [ids[i * len(ids) // papers] for i in range(papers)]
    asked = []
    for arxiv_id in picked:
        paper = catalog.paper(arxiv_id)
        title = " ".join(paper.title.split())
        ja = re.sub(r"[^\u3040-\u30ff\u4e00-\u9fff]", "", paper.title_ja or "")
        asked.append(("id", arxiv_id, arxiv_id))
        if len(ja) >= 4:
            asked.append(("japanese word", ja[:4], arxiv_id))
        asked.append(("title", title, arxiv_id))
        words = title.split()
        plural = next((w for w in words if len(w) > 4 and w.isalpha()), None)
        if plural:
            other = plural[:-1] if plural.endswith("s") else plural + "s"
            asked.append(
                ("title, a word's number changed", title.replace(plural, other, 1), arxiv_id)
            )
    return asked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--papers", type=int, default=8)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pagefind-eval-"))
    docs = work / "docs"
    make_site(docs, copies=3, repeats=args.scale)
    pages = SourcePages.read(docs, None, None)
    catalog = SiteModel.read(pages.texts, DEFAULTS, {}, site_url=None).catalog
    site = work / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><html lang="ja"><title>t</title>', "utf-8")
    seconds = asyncio.run(write_index(records(catalog), site))
    on_disk = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    from playwright import sync_api

    rows = []
    with static_server(site) as base, chromium(sync_api) as browser:
        for kind, query, wanted in queries(catalog, args.papers):
            page = browser.new_page()
            fetched: list[int] = []
            page.on("requestfinished", lambda r, f=fetched: f.append(r.sizes()["responseBodySize"]))
            page.goto(base)
            start = time.perf_counter()
            got = page.evaluate(SEARCH, query)
            elapsed = time.perf_counter() - start
            ids = [u.rsplit("#arxiv-", 1)[-1] for u in got["urls"]]
            rank = ids.index(wanted) + 1 if wanted in ids else None
            rows.append(
                {
                    "kind": kind,
                    "query": query,
                    "rank": rank,
                    "results": got["count"],
                    "bytes": sum(fetched),
                    "seconds": round(elapsed, 3),
                }
            )
            page.close()
            print(
                f"{kind:32} rank {rank!s:4} of {got['count']:5}  "
                f"{sum(fetched) / 1024:7.1f} KB  {query[:60]}"
            )
    found = sum(r["rank"] is not None and r["rank"] <= 3 for r in rows)
    print(
        f"{len(catalog.appearances)} papers; index {on_disk / 1024:.0f} KB on disk, "
        f"made in {seconds:.1f} s"
    )
    print(f"found in the top 3: {found} of {len(rows)}")
    for kind in sorted({r["kind"] for r in rows}):
        mine = [r for r in rows if r["kind"] == kind]
        hits = sum(r["rank"] is not None and r["rank"] <= 3 for r in mine)
        kb = sorted(r["bytes"] for r in mine)[len(mine) // 2] / 1024
        print(f"  {kind:32} {hits}/{len(mine)} in the top 3, median {kb:.0f} KB fetched")
    OUT.mkdir(parents=True, exist_ok=True)
    figures = {"scale": args.scale, "papers": len(catalog.appearances), "index_bytes": on_disk}
    (OUT / "pagefind_eval.json").write_text(json.dumps(figures | {"queries": rows}, indent=1))


if __name__ == "__main__":
    main()
