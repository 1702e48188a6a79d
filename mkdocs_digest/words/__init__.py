"""The words a reader sees, in seven languages: one data file per language here
(`ja.json`, `en.json`, `zh.json`, `ko.json`, `de.json`, `fr.json`, `es.json`). No MkDocs.

Every string a reader sees comes from these, so a site can switch language or reword
a label in `mkdocs.yml` (`labels:`) without overriding a template. Each language has
every key English has, with the same placeholders (tests/test_labels.py checks both);
`<key>_one` is the form for CLDR's plural category "one" where the language has one.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from pathlib import Path

import babel

# Japanese first: the language of the digests the plugin was made for, and the
# default of a site whose theme names none.
ORDER = ("ja", "en", "zh", "ko", "de", "fr", "es")
LABELS: dict[str, dict[str, str]] = {
    language: json.loads((Path(__file__).parent / f"{language}.json").read_text("utf-8"))
    for language in ORDER
}
LANGUAGES = tuple(LABELS)
# Every key a site may set: a `<key>_one` form is the singular (CLDR's "one": 1 in
# English, 0 and 1 in French).
KEYS = frozenset(key for labels in LABELS.values() for key in labels)
# The key that names the labels' language, for their plural rules (set by labels_for).
LANGUAGE = "language"


def counted(labels: Mapping[str, str], key: str, n: int, **fields: object) -> str:
    """`labels[key]` for `n` things, or its form for n's CLDR plural category in the
    labels' language (`<key>_one`, `<key>_few`...) where it has one. The browser picks
    the same with Intl.PluralRules (js/src/core.js)."""
    form = plural_category(labels.get(LANGUAGE, "en"), n)
    text = labels.get(f"{key}_{form}")
    return (text or labels[key]).format(n=n, **fields)


@functools.cache
def _plural_rule(language: str) -> Callable[[int], str]:
    try:
        return babel.Locale.parse(language.replace("-", "_")).plural_form
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale("en").plural_form


def plural_category(language: str, n: int) -> str:
    """CLDR's plural category of `n` in `language` (Babel's data): one, few, other..."""
    return _plural_rule(language)(n)


def labels_for(language: str, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The labels of `language` (one of LANGUAGES), with a site's own wording on top,
    and the language itself (`LANGUAGE`) for their plurals."""
    return {**LABELS[language], **(overrides or {}), LANGUAGE: language}
