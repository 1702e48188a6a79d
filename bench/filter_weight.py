"""What a listing's filter fetches: its own listing file against the whole index.

Reads the real-size site of `realsite.py` at the scales given through the plugin's
core (as `mkdocs-digest generate` does, no MkDocs build), makes its site files, and
prints the weight of `papers-index.json` (the explorer's) and of the listing files
(`assets/mkdocs_digest/lists/`, the filter's): median and largest, raw and gzipped
(as a server sends JSON).

    python bench/filter_weight.py --scales 1 10
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
WHOLE = "assets/mkdocs_digest/papers-index.json"


def weights(docs: Path) -> dict[str, object]:
    source = SourcePages.read(docs, None, None)
    model = SiteModel.read(source.texts, Options(), {"name": "material"}, site_url=None)
    urls = {uri: page_url(uri, True) for uri in sorted({*source.texts, *model.pages})}
    info = SiteInfo("bench", "", "index.md", 20, language="ja")
    sizes: dict[str, tuple[int, int]] = {}
    for path, parts in model.site_files(urls, info):
        if path == WHOLE or (path.startswith(LISTS) and path.endswith(".json")):
            data = "".join(parts).encode("utf-8")
            sizes[path] = (len(data), len(gzip.compress(data)))
    lists = [size for path, size in sizes.items() if path != WHOLE]
    kb = 1024
    return {
        "papers": len(model.catalog.appearances),
        "whole_kb": [round(v / kb) for v in sizes[WHOLE]],
        "listings": len(lists),
        "median_kb": [round(statistics.median(s[i] for s in lists) / kb) for i in (0, 1)],
        "largest_kb": [round(max(s[i] for s in lists) / kb) for i in (0, 1)],
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
        print(
            f"scale {scale}: {row['papers']} papers; papers-index.json {row['whole_kb']} KB "
            f"(raw, gzip); {row['listings']} listing files: median {row['median_kb']} KB, "
            f"largest {row['largest_kb']} KB"
        )
    OUT.mkdir(exist_ok=True)
    (OUT / "filter_weight.json").write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
