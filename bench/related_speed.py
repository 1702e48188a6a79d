"""How long related papers take to compute, at the real size and ten times it, and
how the work grows (domain/related.py).

    python bench/related_speed.py [--rounds 3]

Makes three sites with `realsite.py` and times `related_papers` alone on each (median
of the rounds), their digests read into a catalog as the plugin does:

- two copies of the corpus (3,286 papers): the issue's real size, 3,179 papers;
- the bench's real-size site (three copies, 413 digests, 4,929 papers);
- that site ten times as old (`repeats=10`, 49,290 papers).

Growth close to linear is the goal: no paper is compared with every other. Figures go
to `bench/out/related_speed.json`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from realsite import make_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs_digest.domain.catalog import Catalog  # noqa: E402
from mkdocs_digest.domain.fields import DEFAULT  # noqa: E402
from mkdocs_digest.domain.parser import read_page  # noqa: E402
from mkdocs_digest.domain.related import related_papers  # noqa: E402


def catalog_of(docs: Path) -> Catalog:
    pages = (
        (p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8")) for p in docs.rglob("*.md")
    )
    digests = [read_page(text, uri, DEFAULT) for uri, text in pages]
    return Catalog.build([d for d in digests if d], {})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, copies, scale in (("issue", 2, 1), ("1", 3, 1), ("10", 3, 10)):
            docs = Path(tmp) / f"site-{name}"
            make_site(docs, copies=copies, repeats=scale)
            catalog = catalog_of(docs)
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                related_papers(catalog, 3)
                times.append(time.perf_counter() - start)
            papers = len(catalog.appearances)
            results[name] = {"papers": papers, "seconds": statistics.median(times)}
            seconds = results[name]["seconds"]
            print(f"{name:>5}: {papers:6} papers, related papers in {seconds:6.2f} s")
    growth = results["10"]["seconds"] / results["1"]["seconds"]
    size = results["10"]["papers"] / results["1"]["papers"]
    print(f"{size:.1f}x the papers took {growth:.1f}x the time")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "related_speed.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
