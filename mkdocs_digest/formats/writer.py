"""Writes the site files (formats/site_files.py) into a built site. No MkDocs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path


class SiteFileWriter:
    """Writes each file piece by piece as it is made, so that no file is ever whole
    in memory (papers.json weighs megabytes). Across the builds of one `mkdocs serve`
    (`keep`), a file whose text is unchanged is not written again, and a file the last
    build wrote that this one does not (a topic's feed, gone with its last paper) is
    removed, as a clean build would not have it."""

    def __init__(self, keep: bool) -> None:
        self.keep = keep
        self.texts: dict[str, tuple[str, ...]] = {}  # path -> its pieces (serve)
        self.paths: set[str] = set()  # the files the last build wrote

    def write(
        self,
        site_dir: Path,
        files: Iterable[tuple[str, Iterable[str]]],
        is_own: Callable[[str], bool],
    ) -> list[str]:
        """Write `files`, except those `is_own` says the site has a file of its own
        at (the site's file is kept); return those."""
        last_texts, self.texts = self.texts, {}
        last_paths, self.paths = self.paths, set()
        kept: list[str] = []
        for path, parts in files:  # one at a time: the pages are all still held
            if is_own(path):
                kept.append(path)
                continue
            self.paths.add(path)
            target = site_dir / path
            if self.keep:
                parts = self.texts[path] = tuple(parts)
                # The memo gives back the very texts it kept: most compare by identity.
                if last_texts.get(path) == parts and target.exists():
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("w", encoding="utf-8", newline="") as out:
                out.writelines(parts)  # as they come: papers.json is never whole
        for path in last_paths - self.paths:
            (site_dir / path).unlink(missing_ok=True)
        return kept
