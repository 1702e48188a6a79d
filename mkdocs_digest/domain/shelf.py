"""Texts kept on disk from one build to the next, as Material's social and privacy
plugins keep theirs in `.cache/` (CI setups keep that folder between runs). No MkDocs.

A `Shelf` is one JSON file of texts, each under a digest of every value it was made
from; the file names its context (the plugin's code, templates, labels, options), and
a shelf whose context is another is not read. A value is never stale: equal keys in
one context make equal texts. Only texts this build asked for are written back, so the
file holds one build's worth. JSON, not pickle: a cache folder is not a place to run
code from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path

FORMAT = 1  # of the file; another is not read


def digest(value: object) -> str:
    """A digest of a value of the model (frozen dataclasses, tuples, mappings,
    strings, numbers, dates), the same in every process: Python's own hashes of
    strings are not (and papers keep theirs), so the value is written out by its
    compared fields and digested."""
    text = repr(_plain(value)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _plain(value: object) -> object:
    """`value` as nested tuples of its type names and plain values."""
    if value is None or isinstance(value, str | bytes | int | float | bool):
        return value
    if isinstance(value, tuple | list):
        return tuple(map(_plain, value))
    if isinstance(value, Mapping):
        return ("{}", tuple(sorted((repr(_plain(k)), _plain(v)) for k, v in value.items())))
    if isinstance(value, frozenset | set):
        return ("set", tuple(sorted(repr(_plain(v)) for v in value)))
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return (type(value).__name__, value.isoformat())
    names = _compared(type(value))  # type: ignore[arg-type]  # a class is hashable
    return (type(value).__qualname__, *(_plain(getattr(value, name)) for name in names))


@functools.cache
def _compared(kind: type) -> tuple[str, ...]:
    """A dataclass's compared fields: what its equality, and so its text, rests on."""
    if not dataclasses.is_dataclass(kind):
        raise TypeError(f"no stable digest of a {kind.__qualname__}")
    return tuple(f.name for f in dataclasses.fields(kind) if f.compare)


def code_digest(folders: Iterable[Path]) -> str:
    """A digest of the Python sources under `folders`: an edited checkout of the
    plugin misses the cache as a new version does."""
    sha = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


class Shelf:
    def __init__(self, path: Path | None, context: str) -> None:
        """`path`: the file (None: nothing kept on disk); `context`: what every text
        on the shelf depends on besides its key."""
        self.path = path
        self.context = context
        self._last: dict[str, str] = {}
        self._now: dict[str, str] = {}
        self.hits = 0
        self.problem: str | None = None  # why the file could not be read or written

    @classmethod
    def none(cls) -> Shelf:
        return cls(None, "")

    def load(self) -> Shelf:
        if self.path is None or not self.path.is_file():
            return self
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            self.problem = f"{self.path}: not read, made anew ({error})"
            return self
        if isinstance(kept, dict) and kept.get("format") == FORMAT:
            texts = kept.get("texts") if kept.get("context") == self.context else None
            if isinstance(texts, dict):
                self._last = {k: v for k, v in texts.items() if isinstance(v, str)}
        return self

    def get(self, key: Hashable, make: Callable[[], str]) -> str:
        if self.path is None:
            return make()
        name = digest(key)
        text = self._now.get(name)
        if text is None:
            text = self._last.get(name)
            if text is None:
                text = make()
            else:
                self.hits += 1
            self._now[name] = text
        return text

    def save(self) -> None:
        """Write what this build asked for, whole or not at all (a build stopped
        halfway leaves the last file)."""
        if self.path is None or self._now == self._last:
            return
        kept = {"format": FORMAT, "context": self.context, "texts": self._now}
        partial = self.path.with_name(self.path.name + ".part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as error:
            self.problem = f"{self.path}: not written ({error})"
