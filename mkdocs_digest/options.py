"""The plugin's options: one frozen value for every front end, validated. No MkDocs.

The MkDocs plugin (plugin/config.py checks types as MkDocs does), `mkdocs-digest
check`, `export` and `generate` (which read the `digest:` block of mkdocs.yml) all
build an `Options` with `Options.from_mapping`, so each rejects the same options
with the same words.
"""

from __future__ import annotations

import dataclasses
import posixpath
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .domain.fields import FIELDS
from .words import KEYS, LABELS, LANGUAGES, labels_for


class OptionError(ValueError):
    """An option that cannot be used: names the option and says why."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"option '{option}': {message}")
        self.option = option


@dataclass(frozen=True)
class Options:
    enabled: bool = True
    language: str | None = None  # one of LANGUAGES; None follows the theme (label_language)
    labels: Mapping[str, str] = field(default_factory=dict)
    topic_names: Mapping[str, str] = field(default_factory=dict)
    topic_page: str | None = None  # e.g. "topics/{slug}.md"; None: beside the series
    overview_page: str | None = None
    explorer_page: str | None = None  # the whole-site explorer; None: "<root>/papers/index.md"
    listing_marker: str = "<!-- digest:listing -->"
    per_page: int = 100  # papers on one page of a listing; 0: all
    compact_nav: bool = True
    nav_weeks: int = 0  # >0: a whole-site render each week (structure/nav.py)
    nav_order: tuple[str, ...] = ()
    field_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    max_authors: int = 5
    related: int = 3  # related papers on each card; 0: none
    stylesheet: bool = True
    json_ld: bool = True
    feeds: bool = True
    feed_size: int = 50
    citations: bool = True
    papers_json: bool = True
    compact_html: bool = True

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Options:
        """Options from a `digest:` block; raises `OptionError` for the first bad one."""
        known = {f.name: f for f in dataclasses.fields(cls)}
        for name in values:
            if name not in known:
                raise OptionError(str(name), f"unknown option; known: {', '.join(known)}")
        options = cls(**{name: _typed(name, value) for name, value in values.items()})
        options._check()
        return options

    def label_language(self, theme: Mapping[str, Any] | None) -> str:
        """The labels' language: the option, else the theme's when the plugin has
        labels in it, Japanese when the theme names none, else English."""
        if self.language:
            return self.language
        named = theme_language(theme) or "ja"
        return next((lang for lang in LANGUAGES if _same_language(named, lang)), "en")

    def site_labels(self, theme: Mapping[str, Any] | None) -> dict[str, str]:
        """The labels a site shows: in `label_language`, with the site's own wording."""
        return labels_for(self.label_language(theme), self.labels)

    def label_fallback(self, theme: Mapping[str, Any] | None) -> str | None:
        """Why the labels are not in the theme's language, if they are not."""
        named = theme_language(theme)
        chosen = self.label_language(theme)
        if self.language or not named or _same_language(named, chosen):
            return None
        return (
            f"no labels in the theme's language {named!r} ({', '.join(LANGUAGES)} exist): "
            f"the digest pages use {chosen!r}. Set 'language' or 'labels' under the "
            "digest plugin to choose them"
        )

    def _check(self) -> None:
        if self.language is not None and self.language not in LANGUAGES:
            raise OptionError("language", f"{self.language!r}; known: {', '.join(LANGUAGES)}")
        for key, text in self.labels.items():
            _check_label(key, text)
        if self.topic_page is not None:
            _check_page("topic_page", self.topic_page, slug=True)
        if self.overview_page is not None:
            _check_page("overview_page", self.overview_page, slug=False)
        if self.explorer_page is not None:
            _check_page("explorer_page", self.explorer_page, slug=False)
        unknown = sorted(set(self.field_names) - set(FIELDS))
        if unknown:
            raise OptionError(
                "field_names", f"unknown field {unknown[0]!r}; known: {', '.join(FIELDS)}"
            )
        for name, least in (
            ("per_page", 0),
            ("nav_weeks", 0),
            ("max_authors", 1),
            ("related", 0),
            ("feed_size", 1),
        ):
            if getattr(self, name) < least:
                raise OptionError(name, f"must be {least} or more, got {getattr(self, name)}")


def theme_language(theme: Mapping[str, Any] | None) -> str:
    """The site's language as its theme names it (Material's `language`, the plain
    mkdocs theme's `locale`), or "" if it names none."""
    theme = theme or {}
    return str(theme.get("language") or theme.get("locale") or "")


def _same_language(named: str, language: str) -> bool:
    """`zh-TW`, `zh_Hant` and `zh` are Chinese; `ja` is not `jam`."""
    return named.lower().replace("_", "-").split("-")[0] == language


_KINDS: dict[str, type] = {"bool": bool, "int": int, "str": str}


def _typed(name: str, value: Any) -> Any:
    """`value` checked against the option's declared type (YAML gives plain values)."""
    kind = _DECLARED[name]
    if kind == "str | None":
        if value is None:
            return None
        kind = "str"
    if kind in _KINDS:
        wanted = _KINDS[kind]
        # bool is an int in Python, not in mkdocs.yml
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            raise OptionError(name, f"must be {kind}, got {value!r}")
        return value
    if kind == "tuple[str, ...]":
        return _strings(name, value)
    if not isinstance(value, Mapping):
        raise OptionError(name, f"must be a mapping, got {value!r}")
    if kind == "Mapping[str, str]":
        for key, text in value.items():
            if not isinstance(key, str) or not isinstance(text, str):
                raise OptionError(name, f"{key!r}: {text!r} is not text: text")
        return dict(value)
    return {str(key): _strings(f"{name}.{key}", items) for key, items in value.items()}


def _strings(name: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise OptionError(name, f"must be a list of text, got {value!r}")
    return tuple(value)


def _fields(option: str, text: str) -> list[tuple[str, str]]:
    """The `{name:spec}` fields of a format string (`{name!r}` gives a spec of `!r`);
    a stray brace is an error."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as problem:
        raise OptionError(option, f"{text!r} is not a valid pattern: {problem}") from None
    return [
        (name, f"!{conversion}" if conversion else spec or "")
        for _, name, spec, conversion in parsed
        if name is not None
    ]


# What each label may name: the fields its built-in wordings name.
LABEL_FIELDS: dict[str, frozenset[str]] = {
    key: frozenset(
        name
        for labels in LABELS.values()
        for text in (labels.get(key.removesuffix("_one")), labels.get(key))
        if text
        for name, _ in _fields(key, text)
    )
    for key in KEYS
}


# A label is a line of the page, not a page: longer ones are a mistake.
LABEL_LIMIT = 500


def _check_label(key: str, text: str) -> None:
    """A known label, of a sane length, naming only the fields it offers, each as a
    plain `{name}`: the browser fills labels too, by replacing `{n}`, so a format
    spec (`{n:s}`, `{n:>99999999}`) or a conversion would mean one thing there and
    another here, or fail the build."""
    option = f"labels.{key}"
    if key not in KEYS:
        raise OptionError(option, f"unknown label; known: {', '.join(sorted(KEYS))}")
    if len(text) > LABEL_LIMIT:
        raise OptionError(option, f"is {len(text):,} characters long; at most {LABEL_LIMIT}")
    offered = LABEL_FIELDS[key]
    fields = ", ".join("{" + f + "}" for f in sorted(offered)) or "none"
    for name, spec in _fields(option, text):
        if name not in offered:
            raise OptionError(option, f"{text!r} names {{{name}}}; this label offers {fields}")
        if spec:
            raise OptionError(
                option, f"{text!r} gives {{{name}}} a format ({spec!r}); write it as {{{name}}}"
            )


def _check_page(option: str, path: str, slug: bool) -> None:
    """A page path inside the docs folder, ending in .md; `{slug}` its only field."""
    fields = _fields(option, path)
    names = {name for name, _ in fields}
    if any(spec for _, spec in fields):
        raise OptionError(option, f"{path!r}: write {{slug}} without a format")
    if slug and names != {"slug"}:
        raise OptionError(option, f"{path!r} must contain {{slug}} and no other field")
    if not slug and names:
        raise OptionError(option, f"{path!r} must be a plain path, without {{fields}}")
    if not path.endswith(".md"):
        raise OptionError(option, f"{path!r} must end in .md")
    parts = path.replace("\\", "/").split("/")
    if path.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
        raise OptionError(
            option, f"{path!r} must stay inside the docs folder (no '..', not absolute)"
        )
    if posixpath.normpath(path.replace("{slug}", "x")).startswith("."):
        raise OptionError(option, f"{path!r} must name a page inside the docs folder")


DEFAULTS = Options()
_DECLARED = {f.name: str(f.type) for f in dataclasses.fields(Options)}  # annotations as text
