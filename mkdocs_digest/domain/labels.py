"""User-facing words, in Japanese and English. No MkDocs.

Every string a reader sees comes from here, so a site can switch language or
reword a label in `mkdocs.yml` (`labels:`) without overriding a template.
"""

from __future__ import annotations

from collections.abc import Mapping

LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "summary": "要点",
        "commentary": "ひとこと",
        "comment": "コメント",
        "authors": "著者",
        "more_authors": "他 {n} 名",
        "topics": "トピック",
        "categories": "カテゴリ",
        "published": "投稿日時",
        "published_date": "投稿日",
        "links": "リンク",
        "abstract": "arXiv",
        "pdf": "PDF",
        "html": "HTML",
        "also_in": "他の掲載",
        "week_of": "{date} の週",
        "paper_count": "{n} 件",
        "topic_intro": "{n} 件の論文（{weeks} 週分）",
        "weekly_digests": "週ごとのまとめ",
        "other_topics": "他のトピック",
        "overview_title": "トピック一覧",
        "topic": "トピック",
        "papers": "論文数",
        "latest": "最新の週",
        "previous_week": "前の週",
        "next_week": "次の週",
        "series_nav": "週の移動",
        "all_topics": "すべてのトピック",
    },
    "en": {
        "summary": "Summary",
        "commentary": "Remark",
        "comment": "Comment",
        "authors": "Authors",
        "more_authors": "{n} more authors",
        "topics": "Topics",
        "categories": "Categories",
        "published": "Submitted",
        "published_date": "Submitted",
        "links": "Links",
        "abstract": "arXiv",
        "pdf": "PDF",
        "html": "HTML",
        "also_in": "Also in",
        "week_of": "Week of {date}",
        "paper_count": "{n} papers",
        "topic_intro": "{n} papers over {weeks} weeks",
        "weekly_digests": "Weekly digests",
        "other_topics": "Other topics",
        "overview_title": "Topics",
        "topic": "Topic",
        "papers": "Papers",
        "latest": "Latest week",
        "previous_week": "Previous week",
        "next_week": "Next week",
        "series_nav": "Weeks",
        "all_topics": "All topics",
    },
}

LANGUAGES = tuple(LABELS)


def labels_for(language: str, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The labels of `language` ('ja' or 'en'), with a site's own wording on top."""
    return {**LABELS[language], **(overrides or {})}
