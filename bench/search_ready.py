"""How big Material's search index is, and how long until search answers, with and
without the plugin, on the real-size site (`realsite.py`).

    python bench/search_ready.py [--rounds 3]

Builds the site both ways (as `build_speed.py` does), serves each build, and in
headless Chromium (Debian's `chromium`) opens a digest page, types a query into
Material's search box and waits for its first answer: the index is fetched, parsed
and made into a lunr index in a web worker first, which is most of the wait. Then it
tries a few queries and prints how many results each gets. Figures go to
`bench/out/search_ready.json`. Run it on a quiet machine; compare the two sides of
one run, not runs on different days.
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

from build_speed import ENV, config
from realsite import make_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browsing import chromium, static_server  # noqa: E402

QUERIES = ("2404.03348", "知識蒸留", "モデル抽出攻撃", "Knowledge Distillation")
FIRST = "合成"  # what is typed to wait for the index


def ready(sync_api: object, site: Path, rounds: int) -> tuple[float, dict[str, str]]:
    """Median seconds from opening a page to search's first answer; each query's
    result line."""
    times = []
    answers: dict[str, str] = {}
    with static_server(site) as url, chromium(sync_api) as browser:  # type: ignore[arg-type]
        for _ in range(rounds):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url + "sd/2024-03-29/")  # a digest: both builds have it
            page.keyboard.press("/")
            box = page.locator("input.md-search__input")
            box.fill(FIRST)
            box.press("End")
            page.wait_for_function(
                "/\\d/.test(document.querySelector('.md-search-result__meta')?.textContent)",
                timeout=300_000,
            )
            times.append(time.perf_counter() - start)
            for query in QUERIES:
                box.fill(query)
                box.press("End")
                time.sleep(1.5)
                answers[query] = page.locator(".md-search-result__meta").inner_text()
            context.close()
    return statistics.median(times), answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import playwright.sync_api as sync_api

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = work / "docs"
        make_site(docs)
        for name, plugins in (("digest", ["search", "digest"]), ("none", ["search"])):
            site = work / f"site-{name}"
            command = [sys.executable, "-m", "mkdocs", "build", "-q"]
            command += ["-f", str(config(work, docs, plugins)), "-d", str(site)]
            subprocess.run(command, check=True, env=ENV)
            index = site / "search" / "search_index.json"
            entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
            seconds, answers = ready(sync_api, site, args.rounds)
            results[name] = {
                "index_mb": index.stat().st_size / 2**20,
                "entries": entries,
                "ready_s": seconds,
                "answers": answers,
            }
            print(
                f"{name:6}  index {results[name]['index_mb']:5.1f} MB, {entries:6} entries, "
                f"search ready in {seconds:5.1f} s"
            )
            for query, answer in answers.items():
                print(f"        {query!r}: {answer}")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "search_ready.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
