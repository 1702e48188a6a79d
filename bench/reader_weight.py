"""What a reader's views fetch: a listing's filter, "for you", "new since".

Reads the real-size site of `realsite.py` at the scales given through the plugin's
core (as `mkdocs-digest generate` does, no MkDocs build), makes its site files, and
prints, raw and gzipped (as a server sends JSON), median and largest:

- `papers-index.json` (the explorer's) against the listing files
  (`assets/mkdocs_digest/lists/`), one of which a listing's filter fetches;
- the papers' word vectors (`assets/mkdocs_digest/near/`): one chunk per starred
  paper at most, and the newest weeks' files, which "for you" fetches;
- `weeks.json`, which every visit fetches once for "new since your last visit".

    python bench/reader_weight.py --scales 1 10
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path

from realsite import make_site

from mkdocs_digest.formats.context import SiteInfo
from mkdocs_digest.options import Options
from mkdocs_digest.reading.docs_folder import SourcePages
from mkdocs_digest.site_model import SiteModel
from mkdocs_digest.structure.urls import page_url

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
LISTS = "assets/mkdocs_digest/lists/"
NEAR = "assets/mkdocs_digest/near/"
WHOLE = "assets/mkdocs_digest/papers-index.json"
WEEKS = "assets/mkdocs_digest/weeks.json"
KB = 1024


def weights(docs: Path) -> dict[str, object]:
    source = SourcePages.read(docs, None, None)
    model = SiteModel.read(source.texts, Options(), {"name": "material"}, site_url=None)
    urls = {uri: page_url(uri, True) for uri in sorted({*source.texts, *model.pages})}
    info = SiteInfo("bench", "", "index.md", 20, language="ja")
    sizes: dict[str, tuple[int, int]] = {}
    for path, parts in model.site_files(urls, info):
        if path.endswith(".json") and (path in (WHOLE, WEEKS) or path.startswith((LISTS, NEAR))):
            data = "".join(parts).encode("utf-8")
            sizes[path] = (len(data), len(gzip.compress(data)))
    return {
        "papers": len(model.catalog.appearances),
        "whole_kb": kb(sizes[WHOLE]),
        "weeks_kb": kb(sizes[WEEKS]),
        "lists": spread([v for p, v in sizes.items() if p.startswith(LISTS)]),
        "near_chunks": spread([v for p, v in sizes.items() if p.startswith(NEAR + "papers-")]),
        "near_weeks_kb": [  # all the newest weeks' files: what "for you" ranks
            round(sum(v[i] for p, v in sizes.items() if p.startswith(NEAR + "week-")) / KB, 1)
            for i in (0, 1)
        ],
    }


def kb(size: tuple[int, int]) -> list[float]:
    return [round(v / KB, 1) for v in size]


def spread(sizes: list[tuple[int, int]]) -> dict[str, object]:
    return {
        "files": len(sizes),
        "median_kb": [round(statistics.median(s[i] for s in sizes) / KB, 1) for i in (0, 1)],
        "largest_kb": [round(max(s[i] for s in sizes) / KB, 1) for i in (0, 1)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1])
    args = parser.parse_args()
    found = {}
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as work:
            make_site(Path(work) / "docs", repeats=scale)
            found[scale] = row = weights(Path(work) / "docs")
        print(f"scale {scale} (KB raw, gzip): {json.dumps(row)}")
    OUT.mkdir(exist_ok=True)
    (OUT / "reader_weight.json").write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
