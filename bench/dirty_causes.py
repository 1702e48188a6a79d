"""Why `serve --dirty` renders what it renders after the weekly act.

Builds the real-size site (`realsite.py`, scale 1) as `mkdocs serve --dirty` does, in
this process, lets the next week land in every series at once (`realsite.add_week`),
builds again, and compares each page's fingerprint parts (plugin/incremental.py):
what every page shows (`everywhere`: options, the nav as printed), the page's own
text, its place in the nav, its links' URLs, the view the plugin draws it from, its
`<head>` parts. For the digests whose
view moved, it says which part of the view: the cards' related papers, their other
appearances, topics or home, the header, the week pager.

    python bench/dirty_causes.py                 # the compact nav's default weeks
    python bench/dirty_causes.py --nav-weeks 0   # no weeks in the nav
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from build_speed import config
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from realsite import add_week, make_site

from mkdocs_digest.plugin import incremental
from mkdocs_digest.rendering.links import Links

PARTS = ("everywhere", "own text", "nav place", "links", "view", "head")


def record(builds: list[dict[str, tuple[Any, ...]]]) -> None:
    """Keep, for each build, every page's fingerprint parts (and its view)."""
    mark = incremental.DirtyBuilds.mark

    def recording(self: incremental.DirtyBuilds, files: Any, **kw: Any) -> None:
        urls = {f.src_uri: f.url for f in files.documentation_pages()}
        model, heads = kw["model"], kw["heads"]
        parts = {}
        for uri in urls:
            view = model.renderer.shows(uri, Links(urls, uri))
            text = kw["sources"].get(uri)
            place = kw["plan"].on(uri)
            links = incremental.linked(uri, kw["targets"].get(uri, ()), urls)
            shown = (kw["everywhere"], text, place, links, view, heads.of(uri))
            parts[uri] = (*map(hash, shown), view)
        builds.append(parts)
        mark(self, files, **kw)

    incremental.DirtyBuilds.mark = recording  # type: ignore[method-assign]


def causes(before: dict[str, tuple[Any, ...]], after: dict[str, tuple[Any, ...]]) -> None:
    moved: Counter[str] = Counter()
    views: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    pages = 0
    for uri, now in after.items():
        if uri not in before:
            continue
        then = before[uri]
        parts = [name for name, x, y in zip(PARTS, then, now, strict=False) if x != y]
        pages += bool(parts)
        moved.update(parts)
        if "view" in parts and not hasattr(then[-1], "cards"):
            kinds[type(then[-1]).__name__ + (" page>1" if "/page/" in uri else "")] += 1
        if "view" in parts and hasattr(then[-1], "cards"):
            views.update(_digest_parts(then[-1], now[-1]))
    print(f"pages before the new week: {len(before)}; fingerprint moved: {pages}")
    print("  by part: " + ", ".join(f"{name} {n}" for name, n in moved.most_common()))
    print("  other pages whose view moved: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    print("  digests whose view moved, by what: " + ", ".join(f"{k} {n}" for k, n in views.items()))


def _digest_parts(then: Any, now: Any) -> list[str]:
    found = []
    pairs = list(zip(then.cards, now.cards, strict=False))
    if any(x.related != y.related for x, y in pairs):
        found.append("related papers")
        ids = [({r.link for r in x.related}, {r.link for r in y.related}) for x, y in pairs]
        if any(a != b for a, b in ids):
            found.append("related: another paper")
    if any((x.others, x.topics, x.home) != (y.others, y.topics, y.home) for x, y in pairs):
        found.append("appearances, topics or home")
    if then.header != now.header:
        found.append("header")
    if then.pager != now.pager:
        found.append("week pager")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nav-weeks", type=int, default=None)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    work = Path(tempfile.mkdtemp(prefix="dirty-causes-"))
    docs = work / "docs"
    make_site(docs)
    options = {} if args.nav_weeks is None else {"nav_weeks": args.nav_weeks}
    config_file = config(work, docs, ["search", {"digest": options}])
    builds: list[dict[str, tuple[Any, ...]]] = []
    record(builds)
    site = str(work / "site")
    first = load_config(str(config_file), site_dir=site)
    first.plugins.on_startup(command="serve", dirty=True)
    mkdocs_build(first, dirty=True)
    add_week(docs)
    start = time.perf_counter()
    mkdocs_build(load_config(str(config_file), site_dir=site), dirty=True)
    print(f"the dirty build after the new week: {time.perf_counter() - start:.2f} s")
    causes(builds[-2], builds[-1])


if __name__ == "__main__":
    sys.exit(main())
