"""Compares two built sites file by file: which files one has and the other lacks,
and which differ, optionally after taking out what a pattern matches (a change you
mean to make). For "no change a reader sees" checks of a refactor.

    python tools/compare_sites.py site-before site-after
    python tools/compare_sites.py before after --ignore '<script[^>]*digest-settings.*?</script>'
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ALWAYS = {"sitemap.xml", "sitemap.xml.gz"}  # MkDocs dates them by the build


def files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file() and p.name not in ALWAYS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument(
        "--ignore", action="append", default=[], help="a regex taken out of text files"
    )
    args = parser.parse_args()
    ignored = [re.compile(pattern, re.DOTALL) for pattern in args.ignore]
    old, new = files(args.before), files(args.after)
    for path in sorted(old - new):
        print(f"only before: {path}")
    for path in sorted(new - old):
        print(f"only after: {path}")
    differ = 0
    for path in sorted(old & new):
        a, b = (args.before / path).read_bytes(), (args.after / path).read_bytes()
        if a != b and ignored and path.suffix in (".html", ".json", ".xml", ".js"):
            a_text, b_text = a.decode("utf-8", "replace"), b.decode("utf-8", "replace")
            for pattern in ignored:
                a_text, b_text = pattern.sub("", a_text), pattern.sub("", b_text)
            a, b = a_text.encode(), b_text.encode()
        if a != b:
            differ += 1
            print(f"differs: {path}")
    print(f"{len(old & new)} files in both, {differ} differ", file=sys.stderr)
    return 1 if differ or old != new else 0


if __name__ == "__main__":
    sys.exit(main())
