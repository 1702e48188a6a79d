"""User-facing words, in Japanese and English here and five more languages in
translations.py. No MkDocs.

Every string a reader sees comes from here, so a site can switch language or
reword a label in `mkdocs.yml` (`labels:`) without overriding a template.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

import babel

from .translations import TRANSLATIONS

LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "summary": "要点",
        "commentary": "ひとこと",
        "comment": "コメント",
        "authors": "著者",
        "more_authors": "他 {n} 名",
        "fewer_authors": "折りたたむ",
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
        "n_papers": "{n} 件の論文",
        "n_weeks": "{n} 週",
        "topic_intro": "{papers}（{weeks}分）",
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
        "archive": "週ごとのアーカイブ",
        "archive_title": "{name}: 週ごとのアーカイブ",
        "page_title": "{name} ({n} ページ目)",
        "pagination": "ページ",
        "page_n": "{n} ページ目",
        "previous_page": "前のページ",
        "next_page": "次のページ",
        "week": "週",
        "digest": "ダイジェスト",
        "listed_on": "一覧",
        "filter_label": "このトピックの論文を絞り込む",
        "filter_placeholder": "タイトル・著者・カテゴリ・arXiv ID",
        "filter_status": "{total} 件中 {n} 件",
        "filter_none": "一致する論文はありません",
        "filter_loading": "読み込み中…",
        "filter_error": "論文の一覧を読み込めませんでした",
        "search_more": "さらに {n} 件",
        "chart": "週ごとの論文数",
        "chart_label": "{topic}: 週ごとの論文数",
        "chart_bar": "{date} の週: {n} 件",
        "chart_summary": (
            "{first} から {last} までの {weeks} 週で計 {total} 件、"
            "最多は {max} 件 ({max_date} の週)、最新の週は {latest} 件"
        ),
        "shared_title": "トピック間の共通論文",
        "frequent_authors": "主な著者",
        "shared_caption": "両方のトピックに属する論文の数",
        "digest_topics": "このダイジェストのトピック",
        "papers_json": "全論文のデータ (papers.json)",
        "feed": "フィード (Atom)",
        "cite": "引用 (BibTeX)",
        "copy_button": "コピー",
        "copied": "コピーしました",
        "copy_failed": "コピーできませんでした。上の BibTeX を選択してコピーしてください",
        "bib_file": "BibTeX (.bib)",
        "related": "関連する論文",
        "related_authors": "共著者: {names}",
        "related_words": "共通の語: {words}",
        "related_topics": "同じトピック",
        "explorer_title": "論文を探す",
        "explorer_nojs": (
            "この論文一覧の絞り込みには JavaScript が必要です。"
            "トピックのページからすべての論文をたどれます:"
        ),
        "explorer_query": "キーワード",
        "month": "月",
        "any": "すべて",
        "starred": "保存した論文だけ",
        "star": "保存する",
        "download_bib": "BibTeX をダウンロード",
        "copy_bib": "BibTeX をコピー",
        "starred_none": "保存した論文はまだありません。カードや一覧の ☆ で保存できます",
        "clear": "条件をクリア",
        "author_link": "{name} の論文",
        "page_of": "{n} / {total} ページ",
    },
    "en": {
        "summary": "Summary",
        "commentary": "Remark",
        "comment": "Comment",
        "authors": "Authors",
        "more_authors": "{n} more authors",
        "more_authors_one": "{n} more author",
        "fewer_authors": "show fewer",
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
        "n_papers": "{n} papers",
        "n_papers_one": "{n} paper",
        "n_weeks": "{n} weeks",
        "n_weeks_one": "{n} week",
        "topic_intro": "{papers} over {weeks}",
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
        "archive": "Archive of weeks",
        "archive_title": "{name}: archive of weeks",
        "page_title": "{name} (page {n})",
        "pagination": "Pages",
        "page_n": "Page {n}",
        "previous_page": "Previous page",
        "next_page": "Next page",
        "week": "Week",
        "digest": "Digest",
        "listed_on": "Listing",
        "filter_label": "Filter this topic's papers",
        "filter_placeholder": "Title, author, category, arXiv id",
        "filter_status": "{n} of {total} papers",
        "filter_none": "No paper matches",
        "filter_loading": "Loading…",
        "filter_error": "Could not load the list of papers",
        "search_more": "{n} more",
        "chart": "Papers per week",
        "chart_label": "{topic}: papers per week",
        "chart_bar": "week of {date}: {papers}",
        "chart_summary": (
            "{papers} in {span} from {first} to {last}; "
            "most {max} (week of {max_date}); latest week {latest}"
        ),
        "shared_title": "Papers shared between topics",
        "frequent_authors": "Frequent authors",
        "shared_caption": "Number of papers that belong to both topics",
        "digest_topics": "Topics in this digest",
        "papers_json": "Every paper as data (papers.json)",
        "feed": "Feed (Atom)",
        "cite": "Cite (BibTeX)",
        "copy_button": "Copy",
        "copied": "Copied",
        "copy_failed": "Could not copy; select the BibTeX above and copy it",
        "bib_file": "BibTeX (.bib)",
        "related": "Related papers",
        "related_authors": "shared authors: {names}",
        "related_authors_one": "shared author: {names}",
        "related_words": "shared words: {words}",
        "related_topics": "same topic",
        "explorer_title": "Explore papers",
        "explorer_nojs": (
            "Filtering this list of papers needs JavaScript; every paper is "
            "also reachable from the topic pages:"
        ),
        "explorer_query": "Words",
        "month": "Month",
        "any": "All",
        "starred": "Starred only",
        "star": "Star",
        "download_bib": "Download BibTeX",
        "copy_bib": "Copy BibTeX",
        "starred_none": "No starred papers yet: star one with ☆ on a card or a row",
        "clear": "Clear",
        "author_link": "Papers by {name}",
        "page_of": "Page {n} of {total}",
    },
}

LABELS.update(TRANSLATIONS)
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
