"""Build time and parse time of a digest site, with and without the plugin.

Runs `mkdocs build` on the real corpus (or a copy scaled N times, with fresh arXiv
ids and series names per copy) alternately with `plugins: [digest]` and with no
plugin, and prints medians and their ratio. The machine is shared and noisy: only
ratios of runs taken side by side in one invocation mean anything.

    python bench/build_speed.py --scale 1 --rounds 3
    python bench/build_speed.py --scale 10 --rounds 2
    python bench/build_speed.py --real --rounds 3   # the real-size site of realsite.py
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from realsite import make_site

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "2024-12-30"


def scaled_docs(target: Path, scale: int) -> int:
    """Copy the corpus `scale` times; copy k gets series `<slug>k` and ids `(30+k)MM.NNNNN`."""
    pages = 0
    for k in range(scale):
        for page in CORPUS.rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            series = page.parent.name
            if k:
                text = re.sub(r"\]\(\.\./\.\./(\w+)\)", rf"](../../\g<1>{k})", text)
                text = re.sub(r"arxiv\.org/abs/\d\d(\d\d\.)", rf"arxiv.org/abs/{30 + k}\g<1>", text)
                series = f"{series}{k}"
            out = target / series / page.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            pages += 1
    (target / "index.md").write_text("# Digests\n", encoding="utf-8")
    return pages


def config(folder: Path, docs: Path, plugins: list[str]) -> Path:
    path = folder / f"mkdocs-{'-'.join(plugins) or 'none'}.yml"  # one file per plugin set
    settings = {
        "site_name": "bench",
        "docs_dir": str(docs),
        "theme": {"name": "material"},
        "plugins": plugins,
    }
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return path


def timed_build(config_file: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)],
        check=True,
        env=env,
        capture_output=True,
    )
    return time.perf_counter() - start


def parse_times(docs: Path) -> tuple[float, float]:
    from mkdocs_digest.domain.cache import ParseCache

    texts = {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")
    }
    cache = ParseCache()
    start = time.perf_counter()
    for name, text in texts.items():
        cache.parse(name, text)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for name, text in texts.items():
        cache.parse(name, text)
    return cold, time.perf_counter() - start


def _median_page(site: Path) -> int:
    sizes = [p.stat().st_size for p in site.rglob("20*/index.html")]
    return int(statistics.median(sizes)) if sizes else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--real", action="store_true", help="the real-size site of realsite.py, not copies"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    work = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    try:
        docs = work / "docs"
        if args.real:
            pages = make_site(docs)
            # Both sides with Material's search, as a real site has it.
            with_plugin = config(work, docs, ["search", "digest"])
            without = config(work, docs, ["search"])
        else:
            pages = scaled_docs(docs, args.scale)
            with_plugin = config(work, docs, ["digest"])
            without = config(work, docs, [])
        times: dict[str, list[float]] = {"digest": [], "none": []}
        for _ in range(args.rounds):  # alternate, so drift hits both alike
            times["digest"].append(timed_build(with_plugin, work / "site-digest"))
            times["none"].append(timed_build(without, work / "site-none"))
        for name in times:
            print(f"  median page of site-{name}: {_median_page(work / f'site-{name}')} bytes")
        cold, warm = parse_times(docs)
        med = {name: statistics.median(values) for name, values in times.items()}
        site = "real-size site" if args.real else f"corpus x{args.scale}"
        print(f"pages: {pages} ({site}), rounds: {args.rounds}")
        for name, values in times.items():
            print(
                f"  build, plugins={name:6}: median {med[name]:.2f}s  "
                f"runs {', '.join(f'{v:.2f}' for v in values)}"
            )
        print(f"  ratio with/without plugin: {med['digest'] / med['none']:.2f}")
        print(f"  parse all pages: cold {cold:.3f}s, cached {warm:.4f}s (ratio {warm / cold:.3f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
