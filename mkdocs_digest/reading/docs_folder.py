"""The docs folder as MkDocs reads it, for the front ends that run without MkDocs.

`check`, `export` and `generate` must see the pages a build sees: MkDocs' default
exclusions (dot files and folders, `/templates/`), the site's `exclude_docs` and
`draft_docs` (drafts are left out of `mkdocs build`), folders behind symlinks
followed, and a page that is not UTF-8 named, never a traceback. No MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pathspec import GitIgnoreSpec

from ..domain.model import Diagnostic
from ..domain.source import normalize

DEFAULT_EXCLUDE = (".*", "/templates/")  # MkDocs' own, before the site's exclude_docs


def undecodable(page: str, problem: UnicodeDecodeError) -> Diagnostic:
    """A page with bytes that are not UTF-8, named with the line they stand on."""
    data = problem.object if isinstance(problem.object, bytes) else b""
    line = data[: problem.start].count(b"\n") + 1
    byte = data[problem.start : problem.start + 1].hex() or "?"
    return Diagnostic(
        page, line, "error", f"not UTF-8 (byte 0x{byte}): the page cannot be read; save it as UTF-8"
    )


@dataclass
class SourcePages:
    files: dict[str, Path] = field(default_factory=dict)  # src_uri -> file, all kinds
    texts: dict[str, str] = field(default_factory=dict)  # Markdown pages, as MkDocs hands them
    problems: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def read(
        cls, docs_dir: Path, exclude_docs: object = None, draft_docs: object = None
    ) -> SourcePages:
        excluded = GitIgnoreSpec.from_lines(
            [*DEFAULT_EXCLUDE, *_lines(exclude_docs), *_lines(draft_docs)]
        )
        found = cls()
        for uri, path in _walk(docs_dir):
            if excluded.match_file(uri):
                continue
            found.files[uri] = path
            if uri.endswith(".md"):
                try:
                    found.texts[uri] = normalize(path.read_bytes().decode("utf-8-sig"))
                except UnicodeDecodeError as problem:
                    found.problems.append(undecodable(uri, problem))
        return found


def _lines(patterns: object) -> list[str]:
    """`exclude_docs` is gitignore text; a list of lines is taken too."""
    if isinstance(patterns, str):
        return patterns.splitlines()
    if isinstance(patterns, list):
        return [str(p) for p in patterns]
    return []


def _walk(docs_dir: Path) -> list[tuple[str, Path]]:
    """Every file below `docs_dir`, sorted, through symlinked folders as MkDocs goes
    (`os.walk(followlinks=True)`), each real folder once: a link loop ends."""
    files: list[tuple[str, Path]] = []
    seen: set[str] = set()
    for folder, names, filenames in os.walk(docs_dir, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            names[:] = []
            continue
        seen.add(real)
        names.sort()
        relative = Path(folder).relative_to(docs_dir)
        for name in sorted(filenames):
            path = Path(folder) / name
            if path.is_file():
                files.append(((relative / name).as_posix(), path))
    return sorted(files)
