"""`mkdocs-digest check|export|generate`: the core, without MkDocs.

Given `-f mkdocs.yml`, it reads the site's `docs_dir` and the digest plugin's options
(`topic_names`, `field_names`, `topic_page`, `overview_page`, `per_page`), so `check` fails exactly
when `mkdocs build --strict` would for the plugin's reasons.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .defaults import DEFAULTS
from .domain.catalog import Catalog
from .domain.fields import DEFAULT, FieldNames
from .domain.model import Diagnostic
from .domain.parser import read_page
from .formats.export import catalog_json
from .generate import Options, generate, watch
from .structure.layout import Layout


def load(
    docs_dir: Path, topic_names: Mapping[str, str] | None = None, names: FieldNames = DEFAULT
) -> Catalog:
    digests = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        digest = read_page(text, path.relative_to(docs_dir).as_posix(), names)
        if digest is not None:
            digests.append(digest)
    return Catalog.build(digests, topic_names)


def diagnostics(catalog: Catalog, layout: Layout) -> list[Diagnostic]:
    """What a build reports: the pages' problems, then the layout's."""
    return catalog.diagnostics + layout.pages(catalog)[1]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; tags such as `!!python/name:` or `!ENV` are not ours: None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """The docs folder, the digest plugin's options and all settings of a mkdocs.yml."""
    settings = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    docs_dir = config_file.parent / str(settings.get("docs_dir") or "docs")
    return docs_dir, _digest_options(settings.get("plugins") or []), settings


def _digest_options(plugins: list[Any] | dict[str, Any]) -> dict[str, Any]:
    """`plugins:` is a list of names or one-key mappings, or a mapping of names."""
    pairs = (
        plugins.items()
        if isinstance(plugins, dict)
        else [next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins]
    )
    for name, value in pairs:
        if name == "digest":
            return dict(value or {})
    return {}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mkdocs-digest", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("check", "print every diagnostic as page:line: message; exit 1 if any"),
        ("export", "print the catalog as JSON"),
        ("generate", "write the site's pages, cards and all, as a docs tree for any builder"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("docs_dir", type=Path, nargs="?", help="default: the config's")
        if name == "generate":
            command.add_argument("out_dir", type=Path, help="the docs tree to write")
            command.add_argument("--watch", action="store_true", help="and again on change")
            command.add_argument(
                "--builder",
                choices=["zensical", "mkdocs"],
                default="zensical",
                help="who builds the tree: Zensical (default), or MkDocs/ProperDocs",
            )
        command.add_argument("-f", "--config-file", type=Path, help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    options: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    if args.config_file:
        if not args.config_file.is_file():
            parser.error(f"{args.config_file} is not a file")
        docs_dir, options, settings = read_config(args.config_file)
        args.docs_dir = args.docs_dir or docs_dir
    if args.docs_dir is None:
        parser.error("give DOCS_DIR or -f mkdocs.yml")
    if not args.docs_dir.is_dir():
        parser.error(f"{args.docs_dir} is not a folder")
    try:
        names = DEFAULT.with_aliases(options.get("field_names") or {})
    except ValueError as problem:
        parser.error(f"'field_names' in {args.config_file}: {problem}")
    if args.command == "generate":
        return _generate(args, options, settings)
    catalog = load(args.docs_dir, options.get("topic_names"), names)
    if args.command == "check":
        layout = Layout(
            options.get("topic_page"),
            options.get("overview_page"),
            options.get("per_page", DEFAULTS.per_page),
        )
        return _check(diagnostics(catalog, layout), catalog)
    json.dump(catalog_json(catalog), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _generate(args: argparse.Namespace, plugin: dict[str, Any], settings: dict[str, Any]) -> int:
    options = Options(
        plugin,
        str(settings.get("site_name") or ""),
        str(settings.get("site_url") or ""),
        bool(settings.get("use_directory_urls", True)),
        args.builder,
    )
    try:
        if args.watch:
            watch(args.docs_dir, args.out_dir, options, lambda text: print(text, file=sys.stderr))
        found = generate(args.docs_dir, args.out_dir, options)
    except (ValueError, KeyboardInterrupt) as stop:
        if isinstance(stop, KeyboardInterrupt):
            return 0
        print(f"mkdocs-digest generate: {stop}", file=sys.stderr)
        return 2
    for diagnostic in found:
        print(f"{diagnostic} [{diagnostic.level}]", file=sys.stderr)
    return 0


def _check(found: list[Diagnostic], catalog: Catalog) -> int:
    for diagnostic in found:
        print(f"{diagnostic} [{diagnostic.level}]")
    errors = sum(d.level == "error" for d in found)
    counts = (
        (len(catalog.appearances), "paper"),
        (len(catalog.digests), "page"),
        (errors, "error"),
        (len(found) - errors, "warning"),
    )
    papers, pages, *problems = (f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)
    print(f"{papers} on {pages}, {', '.join(problems)}", file=sys.stderr)
    return 1 if found else 0  # like `mkdocs build --strict`


if __name__ == "__main__":
    sys.exit(main())
