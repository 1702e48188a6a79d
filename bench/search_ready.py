"""How big Material's search index is, and how long until search answers, with and
without the plugin, on the real-size site (`realsite.py`).

    python bench/search_ready.py [--rounds 3] [--scale 10 --plugin-only]

Builds the site both ways (as `build_speed.py` does), serves each build, and in
headless Chromium (Debian's `chromium`) opens a digest page, types a query into
Material's search box and times each kind of first answer from the page's opening:
Material's pages (its index is fetched, parsed and made into a lunr index in a web
worker first, which is most of the wait) and, with the plugin, its papers (the
shards of the query's terms and its results' records, formats/search_index.py),
unthrottled and on a slow link (Chromium's network emulation: 1.6 Mbit/s, 150 ms),
with the kilobytes fetched until the first answer; on the slow link both as files
are (Python's server) and gzipped, as static hosts (GitHub Pages, Netlify) send
text. Then it tries a few queries and prints what each finds. `--scale 10`: the site
ten times as old. Figures go to `bench/out/search_ready.json`. Run it on a quiet
machine; compare the two sides of one run, not runs on different days.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from build_speed import ENV, config
from realsite import make_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browsing import chromium, static_server  # noqa: E402

QUERIES = ("2404.03348", "知識蒸留", "モデル抽出攻撃", "医療画像合成", "Knowledge Distillation")
FIRST = "合成"  # what is typed to wait for the answers

# Polled in the page from its first script on: when each kind of answer first shows,
# in ms since the navigation started. Material's meta line counts its results; the
# plugin's group (digest.js) counts papers.
MATERIAL_META = ".md-search-result > .md-search-result__meta:not(.digest-search__status)"
WATCH = f"""
window.__ready = {{}};
setInterval(function () {{
  var meta = document.querySelector("{MATERIAL_META}");
  var papers = document.querySelector(".digest-search:not([hidden]) .digest-search__status");
  var now = performance.now();
  if (meta && /\\d/.test(meta.textContent) && !__ready.material) __ready.material = now;
  if (papers && /\\d/.test(papers.textContent) && !__ready.papers) __ready.papers = now;
}}, 10);
"""


def answer(page: Any) -> str:
    """What the search box shows: the plugin's paper count, then Material's line."""
    papers = page.locator(".digest-search:not([hidden]) .digest-search__status")
    meta = page.locator(MATERIAL_META)
    ours = papers.inner_text() if papers.count() else "-"
    return f"papers: {ours} | Material: {' '.join(meta.inner_text().split())}"


# Chromium's network emulation of a slow link: 1.6 Mbit/s down, 150 ms latency.
SLOW = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 94_000}


def ready(
    sync_api: object,
    site: Path,
    rounds: int,
    papers: bool,
    slow: bool = False,
    compress: bool = False,
) -> tuple[dict[str, float], dict[str, str], float]:
    """Median seconds from opening a page to each kind of first answer (the plugin's
    papers, Material's pages); each query's answers; the median kilobytes fetched
    until the first answer of papers (without the plugin: of Material's), as sent:
    gzipped with `compress`, as static hosts send text."""
    times: dict[str, list[float]] = {"papers": [], "material": []} if papers else {"material": []}
    answers: dict[str, str] = {}
    fetched_kb: list[float] = []
    with static_server(site, compress) as url, chromium(sync_api) as browser:  # type: ignore[arg-type]
        for _ in range(rounds):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(WATCH)
            page = context.new_page()
            sizes: list[int] = []
            page.on("requestfinished", lambda r, s=sizes: s.append(r.sizes()["responseBodySize"]))
            if slow:
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", SLOW)
            page.goto(url + "sd/2024-03-29/", timeout=600_000)  # a digest: both builds have it
            page.keyboard.press("/")
            box = page.locator("input.md-search__input")
            box.fill(FIRST)
            box.press("End")
            first = "papers" if papers else "material"
            page.wait_for_function(f"window.__ready.{first}", timeout=600_000)
            fetched_kb.append(sum(sizes) / 1024)
            wanted = " && ".join(f"window.__ready.{kind}" for kind in times)
            page.wait_for_function(wanted, timeout=600_000)
            got = page.evaluate("window.__ready")
            for kind in times:
                times[kind].append(got[kind] / 1000)
            for query in QUERIES:
                box.fill(query)
                box.press("End")
                time.sleep(1.5)
                answers[query] = answer(page)
            context.close()
    medians = {kind: statistics.median(ts) for kind, ts in times.items()}
    return medians, answers, statistics.median(fetched_kb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1, help="10: the site ten times as old")
    parser.add_argument("--plugin-only", action="store_true", help="skip the build without it")
    args = parser.parse_args()
    import playwright.sync_api as sync_api

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = work / "docs"
        make_site(docs, copies=3, repeats=args.scale)
        sides = (("digest", ["search", "digest"]), ("none", ["search"]))
        for name, plugins in sides[:1] if args.plugin_only else sides:
            site = work / f"site-{name}"
            command = [sys.executable, "-m", "mkdocs", "build", "-q"]
            command += ["-f", str(config(work, docs, plugins)), "-d", str(site)]
            start = time.perf_counter()
            subprocess.run(command, check=True, env=ENV)
            built = time.perf_counter() - start
            index = site / "search" / "search_index.json"
            entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
            papers = name == "digest"
            seconds, answers, kb = ready(sync_api, site, args.rounds, papers)
            slow, _, slow_kb = ready(sync_api, site, 1, papers, slow=True)
            hosted, _, hosted_kb = ready(sync_api, site, 1, papers, slow=True, compress=True)
            search = site / "assets" / "mkdocs_digest" / "search"
            paper_mb = sum(f.stat().st_size for f in search.rglob("*") if f.is_file()) / 2**20
            results[name] = {
                "build_s": built,
                "index_mb": index.stat().st_size / 2**20,
                "entries": entries,
                "paper_index_mb": paper_mb,
                "ready_s": seconds,
                "fetched_kb": kb,
                "slow_ready_s": slow,
                "slow_fetched_kb": slow_kb,
                "slow_gzip_ready_s": hosted,
                "slow_gzip_fetched_kb": hosted_kb,
                "answers": answers,
            }
            ready_text = ", ".join(f"{kind} in {s:5.1f} s" for kind, s in seconds.items())
            slow_text = ", ".join(f"{kind} in {s:5.1f} s" for kind, s in slow.items())
            hosted_text = ", ".join(f"{kind} in {s:5.1f} s" for kind, s in hosted.items())
            print(
                f"{name:6}  built in {built:.1f} s; Material's index "
                f"{results[name]['index_mb']:5.1f} MB ({entries} entries), the plugin's "
                f"paper index {paper_mb:4.1f} MB on disk;\n        first answer: {ready_text}, "
                f"{kb:.0f} KB fetched; on a 1.6 Mbit/s, 150 ms link: {slow_text}, "
                f"{slow_kb:.0f} KB;\n        the same sent gzipped, as static hosts send "
                f"text: {hosted_text}, {hosted_kb:.0f} KB"
            )
            for query, answer in answers.items():
                print(f"        {query!r}: {answer}")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "search_ready.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
