"""`mkdocs-digest check|export|generate`: the core, without MkDocs.

Given `-f mkdocs.yml`, it reads the site's `docs_dir`, `exclude_docs` and the digest
plugin's options (validated as the plugin validates them), so `check` fails exactly
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

from . import __version__
from .domain.catalog import Catalog
from .domain.model import Diagnostic
from .formats.export import catalog_json
from .generate import Settings, generate, watch
from .options import DEFAULTS, OptionError, Options
from .reading.docs_folder import SourcePages
from .site_model import SiteModel


def site_model(pages: SourcePages, options: Options, settings: Mapping[str, Any]) -> SiteModel:
    """The model a build makes of these pages. `settings`: mkdocs.yml's, empty
    without one (then nothing is known of the site's URL)."""
    theme = settings.get("theme")
    return SiteModel.read(
        pages.texts,
        options,
        theme if isinstance(theme, dict) else {},
        site_url=str(settings.get("site_url") or "") if settings else None,
    )


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; tags such as `!!python/name:` or `!ENV` are not ours: None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


class ConfigProblem(ValueError):
    """A mkdocs.yml the command cannot use: one line that says where and why."""


def read_config(config_file: Path) -> tuple[Path, Options, dict[str, Any]]:
    """The docs folder, the digest plugin's options and all settings of a mkdocs.yml."""
    try:
        settings = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f"{config_file}:{mark.line + 1}" if mark else str(config_file)
        what = getattr(problem, "problem", None) or "not valid YAML"
        raise ConfigProblem(f"{where}: {what}") from None
    except (OSError, UnicodeDecodeError) as problem:
        raise ConfigProblem(f"{config_file}: cannot be read ({problem})") from None
    if not isinstance(settings, dict):
        raise ConfigProblem(f"{config_file}: not a mapping of settings")
    docs_dir = config_file.parent / str(settings.get("docs_dir") or "docs")
    block = _digest_options(settings.get("plugins") or [])
    if not isinstance(block, dict):
        raise ConfigProblem(f"{config_file}: the digest plugin's options are not a mapping")
    try:
        options = Options.from_mapping(block)
    except OptionError as problem:
        raise ConfigProblem(f"{config_file}: digest {problem}") from None
    return docs_dir, options, settings


def _digest_options(plugins: list[Any] | dict[str, Any]) -> Any:
    """`plugins:` is a list of names or one-key mappings, or a mapping of names."""
    pairs = (
        plugins.items()
        if isinstance(plugins, dict)
        else [next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins]
    )
    for name, value in pairs:
        if name == "digest":
            return value if value is not None else {}
    return {}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mkdocs-digest", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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
    options = DEFAULTS
    settings: dict[str, Any] = {}
    if args.config_file:
        if not args.config_file.is_file():
            parser.error(f"{args.config_file} is not a file")
        try:
            docs_dir, options, settings = read_config(args.config_file)
        except ConfigProblem as problem:
            print(f"mkdocs-digest {args.command}: {problem}", file=sys.stderr)
            return 1 if args.command == "check" else 2  # check: as `build --strict` fails
        args.docs_dir = args.docs_dir or docs_dir
    if args.docs_dir is None:
        parser.error("give DOCS_DIR or -f mkdocs.yml")
    if not args.docs_dir.is_dir():
        parser.error(f"{args.docs_dir} is not a folder")
    if args.command == "generate":
        return _generate(args, options, settings)
    pages = SourcePages.read(
        args.docs_dir, settings.get("exclude_docs"), settings.get("draft_docs")
    )
    model = site_model(pages, options, settings)
    found = pages.problems + model.problems
    if args.command == "check":
        return _check(found, model.catalog)
    for diagnostic in found:  # what check reports, beside the data
        print(f"{diagnostic} [{diagnostic.level}]", file=sys.stderr)
    json.dump(catalog_json(model.catalog), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _generate(args: argparse.Namespace, options: Options, settings: dict[str, Any]) -> int:
    theme = settings.get("theme")
    target = Settings(
        options,
        str(settings.get("site_name") or ""),
        str(settings.get("site_url") or ""),
        bool(settings.get("use_directory_urls", True)),
        theme if isinstance(theme, dict) else {"name": theme},
        args.builder,
        settings.get("exclude_docs"),
        settings.get("draft_docs"),
    )
    try:
        if args.watch:
            watch(args.docs_dir, args.out_dir, target, lambda text: print(text, file=sys.stderr))
        done = generate(args.docs_dir, args.out_dir, target)
    except (ValueError, KeyboardInterrupt) as stop:
        if isinstance(stop, KeyboardInterrupt):
            return 0
        print(f"mkdocs-digest generate: {stop}", file=sys.stderr)
        return 2
    for diagnostic in done.diagnostics:
        print(f"{diagnostic} [{diagnostic.level}]", file=sys.stderr)
    print(f"mkdocs-digest generate: {done}", file=sys.stderr)
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
