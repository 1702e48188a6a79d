"""`mkdocs-digest check|export DOCS_DIR`: the core, without building a site."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .domain.catalog import Catalog
from .domain.parser import looks_like_digest, normalize, parse_digest
from .rendering.export import catalog_json


def load(docs_dir: Path) -> Catalog:
    digests = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = normalize(path.read_text(encoding="utf-8-sig"))
        page = path.relative_to(docs_dir).as_posix()
        if looks_like_digest(text, page):
            digest = parse_digest(text, page)
            if digest.entries or digest.diagnostics:
                digests.append(digest)
    return Catalog.build(digests)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mkdocs-digest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="print every diagnostic as page:line: message")
    check.add_argument("docs_dir", type=Path)
    export = commands.add_parser("export", help="print the catalog as JSON")
    export.add_argument("docs_dir", type=Path)
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        parser.error(f"{args.docs_dir} is not a folder")
    catalog = load(args.docs_dir)
    if args.command == "check":
        for diagnostic in catalog.diagnostics:
            print(f"{diagnostic} [{diagnostic.level}]")
        errors = sum(d.level == "error" for d in catalog.diagnostics)
        counts = (
            (len(catalog.appearances), "paper"),
            (len(catalog.digests), "page"),
            (errors, "error"),
            (len(catalog.diagnostics) - errors, "warning"),
        )
        papers, pages, *problems = (f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)
        print(f"{papers} on {pages}, {', '.join(problems)}", file=sys.stderr)
        return 1 if catalog.diagnostics else 0  # like `mkdocs build --strict`
    json.dump(catalog_json(catalog), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
