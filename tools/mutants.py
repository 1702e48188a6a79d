"""Mutation check: applies each listed mutation alone, runs the tests that cover
its module, and says whether they killed it (failed) or it survived. The list holds
the mutants code reviews found tests letting through; add one with each such find.

    python tools/mutants.py            # every mutant
    python tools/mutants.py feeds      # those whose name holds "feeds"

Needs the test extras and `npm ci` (the JavaScript mutants run `node --test`).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTEST = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
NODE_TESTS = ["node", "--test", "js/test/"]


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTANTS = (
    Mutant(
        "parser: a page's H1 keeps its closing hashes",
        "mkdocs_digest/domain/parser.py",
        'return lines[i][2:].strip().rstrip("#").strip() or None',
        "return lines[i][2:] or None",
        (*PYTEST, "tests/test_parser.py"),
    ),
    Mutant(
        "related: a copy under another id counts as related",
        "mkdocs_digest/domain/related.py",
        "or titles[other] in seen:",
        ":",
        (*PYTEST, "tests/test_related.py"),
    ),
    Mutant(
        "options: a bool taken for an int",
        "mkdocs_digest/options.py",
        "or (wanted is int and isinstance(value, bool))",
        "",
        (*PYTEST, "tests/test_boundaries.py"),
    ),
    Mutant(
        "feeds: the size limit passed by one",
        "mkdocs_digest/formats/feeds.py",
        "if len(found) == limit:",
        "if len(found) > limit:",
        (*PYTEST, "tests/test_feeds.py"),
    ),
    Mutant(
        "search index: an edited paper's old terms stay in the index kept by serve",
        "mkdocs_digest/formats/search_index.py",
        "dirty |= self._remove(n, masks(arxiv_id, old, n))",
        "pass",
        (*PYTEST, "tests/test_incremental.py"),
    ),
    Mutant(
        "explorer: the chosen facet value last, not first",
        "js/src/explorer.js",
        "values.unshift(state[facet])",
        "values.push(state[facet])",
        NODE_TESTS,
    ),
    Mutant(
        "core: the anchor pattern loses its dot",
        "js/src/core.js",
        'replace(/[^A-Za-z0-9.-]/g, "-")',
        'replace(/[^A-Za-z0-9-]/g, "-")',
        NODE_TESTS,
    ),
    Mutant(
        "search: the exact id no longer outweighs a title",
        "js/src/search.js",
        "entry.fields[0] === term ? 100 : 0",
        "0",
        NODE_TESTS,
    ),
    Mutant(
        "core: the fold without NFKC",
        "js/src/core.js",
        'return caseFold(text.normalize("NFKC"));',
        "return caseFold(text);",
        NODE_TESTS,
    ),
)


def killed(mutant: Mutant) -> bool:
    path = ROOT / mutant.path
    original = path.read_text(encoding="utf-8")
    if original.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.path}: {mutant.old!r} is not there once: update the list")
    try:
        path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
        run = subprocess.run(mutant.tests, cwd=ROOT, capture_output=True, env=None)
        return run.returncode != 0
    finally:
        path.write_text(original, encoding="utf-8")


def main() -> int:
    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    survivors = 0
    for mutant in MUTANTS:
        if wanted not in mutant.name:
            continue
        dead = killed(mutant)
        survivors += not dead
        print(f"{'killed  ' if dead else 'SURVIVED'} {mutant.name} ({mutant.path})", flush=True)
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
