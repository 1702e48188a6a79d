"""The labels of an entry's fields, in Japanese and English. No MkDocs.

A digest may write `**トピック:**` or `**Topics:**`, `**投稿日時:**` or
`**Published:**`, and mix both; each label names one field, and a site can add
aliases of its own (`field_names:` in mkdocs.yml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

FIELDS = ("topics", "categories", "published", "comment")


@dataclass(frozen=True)
class FieldNames:
    topics: tuple[str, ...] = ("トピック", "Topics")
    categories: tuple[str, ...] = ("カテゴリ", "Categories")
    # `投稿日` is a date without time; the value says which it is.
    published: tuple[str, ...] = ("投稿日時", "投稿日", "Published", "Submitted")
    comment: tuple[str, ...] = ("Comment", "コメント")

    def with_aliases(self, extra: Mapping[str, Sequence[str]]) -> FieldNames:
        """These names and `extra`'s (field -> more labels); unknown fields raise."""
        unknown = sorted(set(extra) - set(FIELDS))
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
        more = {name: (*getattr(self, name), *map(str, extra[name])) for name in extra}
        return replace(self, **more)

    @property
    def metadata_label(self) -> str:
        """How the metadata paragraph starts, for messages: `**トピック:**`."""
        return f"**{self.topics[0]}:**"

    def starts_metadata(self, line: str) -> bool:
        return line.startswith(self._topic_starts)

    def in_text(self, text: str) -> bool:
        """Whether a metadata label occurs anywhere in `text` (a cheap test)."""
        return any(start in text for start in self._topic_starts)

    def comment_text(self, text: str) -> str | None:
        """The text of a comment paragraph (`**Comment:** ...`), None for another."""
        for label in self.comment:
            prefix = f"**{label}:**"
            if text.startswith(prefix):
                return text.removeprefix(prefix)
        return None

    def is_label_line(self, line: str) -> bool:
        """A bold line that is a field, not a Japanese title."""
        return self.starts_metadata(line) or self.comment_text(line) is not None

    def metadata(self, text: str) -> Iterator[tuple[str, str]]:
        """(field, value) for each labelled field of a metadata paragraph."""
        parts = self._key.split(text)
        for label, value in zip(parts[1::2], parts[2::2], strict=True):
            yield self._field_of[label], value.strip()

    @cached_property
    def _topic_starts(self) -> tuple[str, ...]:
        return tuple(f"**{label}:**" for label in self.topics)

    @cached_property
    def _field_of(self) -> dict[str, str]:
        return {label: name for name in FIELDS[:3] for label in getattr(self, name)}

    @cached_property
    def _key(self) -> re.Pattern[str]:
        labels = sorted(self._field_of, key=len, reverse=True)  # 投稿日時 before 投稿日
        return re.compile(r"\*\*(" + "|".join(map(re.escape, labels)) + r"):\*\*")


DEFAULT = FieldNames()
