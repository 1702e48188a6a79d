"""Every language the labels come in says everything English says, with the same
placeholders, and a site gets the language its theme names."""

from __future__ import annotations

import string

import pytest

from mkdocs_digest.options import Options
from mkdocs_digest.words import LABELS, LANGUAGES, counted

ENGLISH = LABELS["en"]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _base(key: str) -> str:
    return key.removesuffix("_one")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key(language: str) -> None:
    labels = LABELS[language]
    plain = {k for k in ENGLISH if not k.endswith("_one")}
    assert plain <= set(labels), sorted(plain - set(labels))
    assert {_base(k) for k in labels} <= plain  # no key English lacks
    for key, text in labels.items():
        assert text.strip(), (language, key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_uses_only_the_fields_it_is_given(language: str) -> None:
    """A label may leave a field out (Japanese counts without {papers}), never name
    one the page does not give: that would be a KeyError while building."""
    given = {  # what the templates and the code give each label that takes fields
        "chart_summary": {
            "papers",
            "span",
            "first",
            "last",
            "max",
            "max_date",
            "latest",
            "weeks",
            "total",
        },
        "chart_bar": {"date", "papers", "n"},
        "topic_intro": {"papers", "weeks"},
    }
    for key, text in LABELS[language].items():
        allowed = given.get(_base(key), _fields(ENGLISH[_base(key)]))
        assert _fields(text) <= allowed, (language, key, text)


def test_a_singular_form_is_used_for_one_only() -> None:
    german = LABELS["de"]
    assert [counted(german, "n_papers", n) for n in (0, 1, 2)] == [
        "0 Arbeiten",
        "1 Arbeit",
        "2 Arbeiten",
    ]
    assert counted(LABELS["zh"], "n_papers", 1) == "1 篇论文"  # no plural in Chinese


@pytest.mark.parametrize(
    ("theme", "language"),
    [
        ({"language": "de"}, "de"),
        ({"language": "zh-TW"}, "zh"),
        ({"language": "ko"}, "ko"),
        ({"locale": "fr_FR"}, "fr"),
        ({"language": "pt"}, "en"),
        ({}, "ja"),
    ],
)
def test_the_labels_follow_the_theme_s_language(theme: dict[str, str], language: str) -> None:
    options = Options()
    assert options.label_language(theme) == language
    assert (options.label_fallback(theme) is None) == (language != "en" or not theme)
