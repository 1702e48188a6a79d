"""Build speed, memory, the serve loop and page weight of a real-size digest site.

Builds the site of `realsite.py` (scale 1: 413 digests in 15 series; scale 10: the
same series ten times as old, 4,130 digests, as a site grows week by week) with
Material and search, alternately with the digest plugin and without it, and
measures side by side in one run:

1. `mkdocs build` wall time and peak memory, with and without the plugin (medians);
2. the plugin's own share of a build with it (its hooks and its Markdown extension,
   from a cProfile of one build), in all and hook by hook;
3. the serve loop: `mkdocs serve` (and `--dirty`), one digest edited, time until the
   digest page, its topic page and the search index are served with the change
   (polled over HTTP); under `--dirty`, the median of five edits in a row, as a
   writer saves again and again (the first rebuild of a session is not the usual one);
   a bullet edit likewise, timed until the digest page shows it;
   and the weekly act: the next week lands in every series at once, time until the
   new week's page and its topic page are served (`realsite.add_week`);
4. growth of the with-plugin build from scale 1 to the largest scale given;
5. the built site's weight: median digest page, total, search index.

The machine is shared and noisy: only ratios of runs taken side by side mean much.

    python bench/build_speed.py                       # scale 1, 3 rounds
    python bench/build_speed.py --scales 1 10 --rounds 5 1   # 5 rounds at 1, 1 at 10

A round at scale 1 takes about a minute, at scale 10 about twenty (most of it the
build without the plugin): `--rounds` gives each scale its own, the last one given
for the scales after it.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from realsite import add_week, make_site

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
# The plugin's own work: its event hooks and its Markdown extension's block placer.
PROFILE = [sys.executable, "-m", "cProfile", "-o"]
BUILD = ["-m", "mkdocs", "build", "-q"]
PLUGIN_CODE = ("mkdocs_digest/plugin/__init__.py", "mkdocs_digest/rendering/blocks.py")


def config(folder: Path, docs: Path, plugins: list[object]) -> Path:
    name = "digest" if "digest" in plugins else "none"
    path = folder / f"mkdocs-{name}.yml"
    settings = {
        "site_name": "bench",
        "site_url": "https://example.org/",  # as a real site has: the plugin writes feeds
        "docs_dir": str(docs),
        "theme": {"name": "material", "language": "ja"},
        "plugins": plugins,
    }
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def build(config_file: Path, site: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (bytes) of one `mkdocs build`.

    Memory is the peak of the build's processes' proportional set sizes summed, read
    every 0.1 s: the plugin makes its site files in a second, forked process, and the
    peak resident size of either process alone would hide it (or count their shared
    pages twice)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "-d", str(site)], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_memory(process.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    if process.returncode:
        raise RuntimeError(
            f"build failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, peak


def tree_memory(pid: int) -> int:
    """The proportional set size (bytes) of a process and its children, summed."""
    tree, total = [pid], 0
    for member in tree:
        try:
            children = Path(f"/proc/{member}/task/{member}/children").read_text().split()
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:  # it ended meanwhile
            continue
        tree += [int(child) for child in children]
        pss = next(line for line in rollup.splitlines() if line.startswith("Pss:"))
        total += int(pss.split()[1])
    return total * 1024  # kilobytes


def plugin_shares(config_file: Path, site: Path, work: Path) -> dict[str, float]:
    """Each of the plugin's hooks and its block placer, as a share of a profiled build.

    By hook, so that the report says where the plugin's time goes: `on_files` is the
    parse, `on_page_context` the cards, `on_post_build` the site files.
    """
    profile = work / "build.prof"
    subprocess.run(
        [*PROFILE, str(profile), *BUILD, "-f", str(config_file), "-d", str(site)],
        env=ENV,
        check=True,
        capture_output=True,
    )
    stats = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    total = max(cumulative for _, _, _, cumulative, _ in stats.values())
    shares = {
        name: cumulative / total
        for (filename, _, name), (_, _, _, cumulative, _) in stats.items()
        if filename.endswith(PLUGIN_CODE) and (name.startswith("on_") or name == "run")
    }
    return dict(sorted(shares.items(), key=lambda item: -item[1]))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return str(answer.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(urls: list[str], text: str, limit: float) -> float | None:
    """Seconds until every url serves `text`, polling; None past `limit`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if all(text in fetch(url) for url in urls):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def serve_loop(
    config_file: Path, docs: Path, plugin: bool, dirty: bool, edits: int, bullet: bool = False
) -> dict[str, object]:
    """Start `mkdocs serve`, edit one digest `edits` times (a title, or a `bullet`),
    one edit after the other's rebuild; the median time until the change is served."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file)]
    command += ["-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])  # it watches docs
    log = tempfile.TemporaryFile()  # noqa: SIM115 (read after the process runs)
    process = subprocess.Popen(command, env=ENV, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}/"
    page = sorted((docs / "dp").glob("*.md"))[-1]  # the newest week: page 1 lists it
    original = page.read_text(encoding="utf-8")
    try:
        digest_url = base + f"dp/{page.stem}/"
        if wait_for([digest_url], "</html>", 600) is None:
            raise RuntimeError("serve did not start")
        title = original.split("### [", 1)[1].split("]", 1)[0]
        # The digest and its topic page (the plugin's); without the plugin, search
        # finding the new title. (With it, search finds papers in the plugin's index,
        # whose title for a paper also in `all/` is the one its first appearance
        # gives: this edit of one appearance need not change it.) In the order a
        # build writes them: the big index is fetched (which takes the server's time
        # from the build) only once the pages before it are served.
        urls = [digest_url] + ([base + "dp/"] if plugin else [base + "search/search_index.json"])
        # A bullet shows on its card alone (no listing, and no search index with the
        # plugin's own paper search): the page is what is waited for on both sides.
        bullet_line = next(line for line in original.splitlines() if line.startswith("- "))
        urls = [digest_url] if bullet else urls
        times: list[float] = []
        for n in range(edits):
            marker = f"Edited{int(time.time())}n{n}"
            edited = (
                original.replace(bullet_line, f"{bullet_line} {marker}", 1)
                if bullet
                else original.replace(title, f"{title} {marker}", 1)
            )
            page.write_text(edited, encoding="utf-8")
            seconds = wait_for(urls, marker, 300)
            if seconds is None:
                break
            times.append(seconds)
            time.sleep(1.5)  # the build logs its time after writing the last file
        log.seek(0)
        lines = log.read().decode().splitlines()
        reparsed = [line for line in lines if "parsed anew" in line]
        built = [
            float(line.split(" in ")[-1].split()[0])
            for line in lines
            if "Documentation built in" in line
        ][1:]  # the rebuilds themselves, as MkDocs logs them
        return {
            "seconds": statistics.median(times) if len(times) == edits else None,
            "build": f"{statistics.median(built):.2f} s" if built else "",
            "edits": edits,
            "log": reparsed[-1].split(": ", 1)[-1] if reparsed else "",
        }
    finally:
        page.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=30)


def weekly_act(config_file: Path, docs: Path, plugin: bool, dirty: bool) -> dict[str, object]:
    """Start `mkdocs serve`, then let the next week land in every series at once (as a
    site's pipeline writes it): the time until the new week's page and its topic page
    are served (without the plugin, which makes no topic page: until search finds
    the new week)."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file)]
    command += ["-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    log = tempfile.TemporaryFile()  # noqa: SIM115 (read after the process runs)
    process = subprocess.Popen(command, env=ENV, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}/"
    added: list[Path] = []
    try:
        if wait_for([base], "</html>", 600) is None:
            raise RuntimeError("serve did not start")
        time.sleep(2)
        week, added = add_week(docs)
        start = time.perf_counter()
        date = week.isoformat()
        # The new page, then (in the order a build writes them) the topic page that
        # lists its week, or, without the plugin, the search index that finds it.
        then = (
            (base + "dp/", f"week-{date}")
            if plugin
            else (base + "search/search_index.json", f"dp/{date}/")
        )
        served = wait_for([base + f"dp/{date}/"], "</html>", 300) is not None
        served = served and wait_for([then[0]], then[1], 300) is not None
        seconds = time.perf_counter() - start if served else None
        return {"seconds": seconds, "files": len(added), "week": date}
    finally:
        for path in added:
            path.unlink()
        process.terminate()
        process.wait(timeout=30)


def weight(site: Path) -> dict[str, int]:
    digests = [p.stat().st_size for p in site.rglob("20*/index.html")]
    index = site / "search" / "search_index.json"
    return {
        "median_digest_page": int(statistics.median(digests)),
        "total": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "search_index": index.stat().st_size if index.exists() else 0,
    }


@dataclass
class Side:
    """One side of the comparison: medians of its builds, and the site it built."""

    seconds: float
    peak_mb: float
    weight: dict[str, int]


@dataclass
class Result:
    scale: int
    digests: int
    rounds: int
    digest: Side
    none: Side
    share_by_hook: dict[str, float]
    serve: dict[str, dict[str, object]] = field(default_factory=dict)
    weekly: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.digest.seconds / self.none.seconds

    @property
    def plugin_share(self) -> float:
        return sum(self.share_by_hook.values())

    @property
    def memory_ratio(self) -> float:
        return self.digest.peak_mb / self.none.peak_mb


def measure(scale: int, rounds: int, work: Path, serve: bool) -> Result:
    docs = work / f"docs-{scale}"
    digests = make_site(docs, copies=3, repeats=scale)
    configs = {
        "digest": config(work, docs, ["search", "digest"]),
        "none": config(work, docs, ["search"]),
    }
    runs: dict[str, list[tuple[float, int]]] = {"digest": [], "none": []}
    for _ in range(rounds):  # alternate, so drift hits both alike
        for name, config_file in configs.items():
            runs[name].append(build(config_file, work / f"site-{name}"))
    sides = {
        name: Side(
            statistics.median(t for t, _ in values),
            statistics.median(m for _, m in values) / 2**20,
            weight(work / f"site-{name}"),
        )
        for name, values in runs.items()
    }
    share = plugin_shares(configs["digest"], work / "site-profile", work)
    result = Result(scale, digests, rounds, sides["digest"], sides["none"], share)
    if serve:
        for name, config_file in configs.items():
            for dirty in (False, True):
                # A full rebuild takes the build's time: one edit. A dirty one, five: MkDocs
                # looks for changes every half second, which spreads single saves.
                edits = 5 if dirty else 1
                loop = serve_loop(config_file, docs, name == "digest", dirty, edits)
                result.serve[name + (" --dirty" if dirty else "")] = loop
                if dirty:
                    loop = serve_loop(config_file, docs, name == "digest", dirty, edits, True)
                    result.serve[name + " --dirty, bullet"] = loop
                act = weekly_act(config_file, docs, name == "digest", dirty)
                result.weekly[name + (" --dirty" if dirty else "")] = act
    shutil.rmtree(docs, ignore_errors=True)
    return result


def report(results: list[Result]) -> None:
    for r in results:
        print(f"scale {r.scale}: {r.digests} digests, {r.rounds} rounds (medians)")
        for name, side in (("with plugin", r.digest), ("without plugin", r.none)):
            print(f"  build {name:15} {side.seconds:7.2f} s   peak {side.peak_mb:6.0f} MB")
        print(f"  ratio with/without    {r.ratio:7.2f}     memory ratio {r.memory_ratio:.2f}")
        print(f"  plugin's own share    {r.plugin_share:7.1%}   (of a profiled build)")
        hooks = (f"{hook} {share:.1%}" for hook, share in r.share_by_hook.items() if share >= 0.001)
        print("    by hook: " + ", ".join(hooks))
        for name, side in (("with", r.digest), ("without", r.none)):
            w = side.weight
            print(
                f"  weight {name:8} median digest page {w['median_digest_page'] / 1024:5.1f} KB, "
                f"site {w['total'] / 2**20:5.1f} MB, search index "
                f"{w['search_index'] / 2**20:4.1f} MB"
            )
        for name, loop in r.serve.items():
            print(
                f"  serve {name:15} save -> served {_seconds(loop)} (rebuild {loop['build']}; "
                f"median of {loop['edits']} edit(s)) {loop['log']}"
            )
        for name, act in r.weekly.items():
            print(
                f"  weekly act {name:10} a new week ({act['files']} files) -> its page and "
                f"topic page served {_seconds(act)}"
            )
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = last.digest.seconds / first.digest.seconds
        print(f"with-plugin build, scale {first.scale} -> {last.scale}: {growth:.1f}x")


def _seconds(measured: dict[str, object]) -> str:
    seconds = measured["seconds"]
    return f"{seconds:6.2f} s" if isinstance(seconds, float) else "  >300 s"


def derived(r: Result) -> dict[str, float]:
    return {"ratio": r.ratio, "memory_ratio": r.memory_ratio, "plugin_share": r.plugin_share}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1])
    parser.add_argument("--rounds", type=int, nargs="+", default=[3])
    parser.add_argument("--no-serve", action="store_true", help="skip the serve loop")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    try:
        rounds = args.rounds + args.rounds[-1:] * len(args.scales)
        results = [
            measure(scale, n, work, serve=not args.no_serve and scale == 1)
            for scale, n in zip(args.scales, rounds, strict=False)
        ]
        report(results)
        OUT.mkdir(parents=True, exist_ok=True)
        figures = [asdict(r) | derived(r) for r in results]
        (OUT / "build_speed.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
        print(f"figures written to {OUT / 'build_speed.json'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
