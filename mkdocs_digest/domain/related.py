"""Related papers: for each paper, the few papers of other weeks a reader of it would
want next, each with a reason the reader can check. No MkDocs.

Shared authors weigh most, then the words English titles, Japanese titles, bullets
and categories share (TF-IDF), then shared topics. A paper is shown only with a
reason a reader accepts: a shared author, or two shared content words
(`content_words`: never a stop word or the topic's own name); none rather than a
weak one. Each paper keeps only its most
telling features, and features most papers carry are left out of the inverted
index, so each paper is compared with the few that share a telling feature: the work
grows with the number of papers, not with its square. A paper is compared with the
papers of earlier weeks only, as the site stood in its week: what a later week adds
changes no earlier paper's list. Deterministic: equal scores go to the newer paper,
then to the smaller arXiv id.

Japanese has no spaces: its terms are its runs of kanji and katakana, which the
hiragana of its grammar separates (`合成データを生成` reads `合成データ`, `生成`); a
reason names them as written.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from typing import TypeVar, cast

from .cache import Memo
from .catalog import Catalog
from .model import Paper, Topic
from .text import fold

# Feature weights by where a feature comes from, a word of the bullets weighing 1.
AUTHOR, TITLE, TITLE_JA, CATEGORY, TOPIC = 12.0, 3.0, 2.0, 0.5, 0.5
MOST_AUTHORS = 20  # a collaboration of hundreds is looked up by its first
KEPT = 12  # features a paper is looked up by (all its authors besides)
COMMON = 0.01  # a feature more than this share of papers carry tells little
POSTINGS = 12  # papers a feature leads to, those it tells most about
CANDIDATES = 12  # papers weighed beyond the limit, for those without a reason to go
REASON_COMMON = 0.03  # a word more than this share of papers say is no reason
REASON_FLOOR = 5  # ...counted from five papers: in a small site every share is noise
RECENT = 3  # the newest weeks, whose edits the next build of `serve` goes on from

_WEIGHT = operator.itemgetter(1)
T = TypeVar("T")
_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Runs of kanji and katakana: the words of Japanese text (hiragana is its grammar).
_CJK_CHARS = r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
_CJK_TERM = re.compile(_CJK_CHARS + "{2,}")
_STOP = frozenset(
    """
    a an the and or of on in for to with by from at as via is are be we our this
    that these those its it into over under than then using use used based new
    novel towards toward approach approaches method methods study analysis paper
    papers results show shows can how what when which while through without
    within between across about large small data model models learning framework
    frameworks task tasks
    """.split()  # noqa: SIM905
)
# Japanese terms every bullet list says ("a new method improves performance"): no
# reason for two papers to be related.
_STOP_JA = frozenset(
    """
    手法 新手法 提案 本研究 研究 論文 方法 新 既存 従来 従来手法 既存手法 性能 向上
    性能向上 実験 結果 評価 精度 改善 大幅 効果 課題 問題 可能 実現 達成 提供 活用
    利用 適用 導入 開発 構築 生成 分析 検証 比較 示唆 重要 必要 有効 効率 効率的
    短縮 削減 最先端 データ モデル 学習 タスク フレームワーク アプローチ
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Related:
    """A related paper and why: the authors both share, else the words."""

    arxiv_id: str
    authors: tuple[str, ...]
    words: tuple[str, ...]


Features = dict[str, float]


def related_papers(
    catalog: Catalog,
    limit: int = 3,
    memo: Memo | None = None,
    resume: Resume | None = None,
) -> dict[str, tuple[Related, ...]]:
    """Each paper's related papers, best first; none where `limit` is 0. `memo`: each
    paper's features from the last build (`mkdocs serve`), made anew for papers edited;
    `resume`: where the last build stood before the newest weeks' papers came.

    A paper is weighed against the papers of earlier weeks, with the features'
    weights as they stood in its own week: a paper's related papers never change when
    a later week lands, so a new week renders only its own pages (docs/SPEED.md), and
    a build that only adds or edits the newest weeks goes on from the last one's."""
    if limit <= 0:
        return {}
    memo = memo or Memo(keep=False)
    by_id = {arxiv_id: _weeks(catalog, arxiv_id) for arxiv_id in catalog.appearances}
    # Numbered by first week, then id: a new week's papers come after all others.
    ids = sorted(by_id, key=lambda i: (min(by_id[i], default=dt.date.min), i))
    weeks = [by_id[arxiv_id] for arxiv_id in ids]
    papers = [catalog.paper(arxiv_id) for arxiv_id in ids]
    topics = [catalog.record(arxiv_id).topics for arxiv_id in ids]
    made = [
        memo.get((paper, of), partial(_features, paper, of))
        for paper, of in zip(papers, topics, strict=True)
    ]
    raw = [features for features, _ in made]
    contents = [content for _, content in made]
    first = [min(days, default=dt.date.min) for days in weeks]
    names = [memo.get(("authors", paper), partial(_authors, paper)) for paper in papers]
    titles = [" ".join(fold(paper.title).split()) for paper in papers]
    groups = [list(g) for _, g in groupby(range(len(ids)), first.__getitem__)]
    keys = [tuple((ids[n], papers[n], topics[n], weeks[n]) for n in g) for g in groups]
    resume = resume or Resume()
    index, found, done = resume.take((limit, keys))
    index = index or _Index()
    index.first, index.ids = [day.toordinal() for day in first], ids
    keep_at = max(_recent_start(groups, weeks), done)
    for at, week in enumerate(groups[done:], start=done):
        if at == keep_at:
            resume.keep((limit, keys[:at]), index, found)
        index.count([raw[number] for number in week])
        for number in week:
            features = index.weigh(raw[number])
            mine = weeks[number]
            chosen: list[Related] = []
            seen = {titles[number]}  # a copy of the paper under another id is not related
            for other in index.best(features, limit + CANDIDATES):
                if not mine.isdisjoint(weeks[other]) or titles[other] in seen:
                    continue
                both = names[number] & names[other]
                shared = index.rare(contents[number] & contents[other])
                if not both and len(shared) < 2:
                    continue  # no reason a reader accepts: none rather than a weak one
                seen.add(titles[other])
                chosen.append(_why(papers[number], both, shared, index.idf, ids[other]))
                if len(chosen) == limit:
                    break
            found[ids[number]] = tuple(chosen)
        index.add(week, raw)
    return found


def _recent_start(groups: list[list[int]], weeks: list[frozenset[dt.date]]) -> int:
    """The first group (by first week) of a paper the site's RECENT newest weeks show.
    The pages a writer edits are the newest weeks' (a series that skipped the newest
    week has its own newest a week or two before), and a paper there may have come
    earlier: an edit changes papers from there on, so the next build goes on from
    there."""
    recent = set(sorted({day for days in weeks for day in days})[-RECENT:])
    for at, group in enumerate(groups):
        if any(not recent.isdisjoint(weeks[number]) for number in group):
            return at
    return len(groups)


# The limit, and each week's papers: (id, paper, topics, weeks) each.
_Weeks = tuple[int, Sequence[Hashable]]


class Resume:
    """Where a build of related papers stood before the first week of a paper the
    newest weeks show (`_recent_start`), for the next build of `mkdocs serve`: the
    new week that lands, or an edit of a newest one, goes on from there instead of
    weighing every week again."""

    def __init__(self) -> None:
        self._kept: tuple[_Weeks, _Index, dict[str, tuple[Related, ...]]] | None = None

    def keep(self, key: _Weeks, index: _Index, found: dict[str, tuple[Related, ...]]) -> None:
        self._kept = (key, index.copy(), dict(found))

    def take(self, key: _Weeks) -> tuple[_Index | None, dict[str, tuple[Related, ...]], int]:
        """The index and the papers' related papers so far, and how many weeks they
        hold, when the build `key` starts with the same weeks; else nothing."""
        kept, self._kept = self._kept, None  # taken: it is changed from here on
        if kept is None:
            return None, {}, 0
        (limit, weeks), index, found = kept
        if limit != key[0] or key[1][: len(weeks)] != weeks:
            return None, {}, 0
        return index, found, len(weeks)


class _Index:
    """The papers of the weeks so far: how many carry each feature, and each
    feature's papers, those it tells most about first, at most POSTINGS: a feature a
    growing site repeats week after week costs each paper that looks it up the same,
    however many papers carry it (the work stays linear). A paper is indexed by its
    features as written (`_features`); a feature's rarity weighs in when a later
    paper looks it up, as rare as it is then."""

    def __init__(self) -> None:
        self.first: list[int] = []  # each paper's first week, by number
        self.ids: list[str] = []
        self.carried: Counter[str] = Counter()
        self.total = 0
        # A feature's papers as a heap of (weight, -number): the weakest on top, and
        # of equal ones the later.
        self.postings: defaultdict[str, list[tuple[float, int]]] = defaultdict(list)

    def copy(self) -> _Index:
        other = _Index()
        other.carried, other.total = self.carried.copy(), self.total
        other.postings.update((f, list(papers)) for f, papers in self.postings.items())
        return other

    def count(self, week: list[Features]) -> None:
        for features in week:
            self.carried.update(features.keys())
        self.total += len(week)

    def rare(self, words: frozenset[str]) -> frozenset[str]:
        """The words few papers so far say (at most REASON_COMMON of them): a word
        half the papers of a topic say is no reason for two of them to be related."""
        most = max(REASON_FLOOR, int(self.total * REASON_COMMON))
        return frozenset(w for w in words if self.carried[w] <= most)

    def idf(self, feature: str) -> float:
        return math.log(self.total / self.carried[feature])

    def weigh(self, features: Features) -> Features:
        """Each feature weighed by how rare it is so far; features too common to tell
        or carried by no other paper dropped, and the paper cut down to its telling
        features (all its authors kept)."""
        carried, total = self.carried, self.total
        most = max(2, int(total * COMMON))
        scored = {}
        for feature, weight in features.items():
            n = carried[feature]
            if n > 1 and (n <= most or feature[:3] == "au:"):
                scored[feature] = weight * math.log(total / n)
        return _telling(scored)

    def best(self, features: Features, n: int) -> list[int]:
        """The `n` papers so far that best share `features` (weighed), then all others
        as good as the last of them, in order: score, the newer, the smaller id."""
        scores: dict[int, float] = {}
        so_far = scores.get
        postings, idf = self.postings, self.idf
        for feature, weight in features.items():
            weight *= idf(feature)  # the other paper's weight: as written, times this
            for other_weight, other in postings.get(feature, ()):
                scores[-other] = so_far(-other, 0.0) + weight * other_weight
        floor = sorted(scores.values(), reverse=True)[n - 1] if len(scores) > n else -math.inf
        first, ids = self.first, self.ids
        ranked = sorted([(-s, -first[o], ids[o], o) for o, s in scores.items() if s >= floor])
        return [other for *_, other in ranked]

    def add(self, week: list[int], raw: list[Features]) -> None:
        """The week's papers, as later weeks look them up: by the features telling
        most of each when it came (as rare as they were then)."""
        postings, idf = self.postings, self.idf
        for number in week:
            features = _telling({f: w * idf(f) for f, w in raw[number].items()})
            kept = {f: raw[number][f] for f in features}
            for feature, weight in kept.items():
                papers = postings[feature]
                if len(papers) < POSTINGS:
                    heapq.heappush(papers, (weight, -number))
                else:  # the weakest goes
                    heapq.heappushpop(papers, (weight, -number))


def _telling(scored: Features) -> Features:
    """The paper cut down to its KEPT most telling features, all its authors kept."""
    if len(scored) > KEPT:
        rest = [item for item in scored.items() if item[0][:3] != "au:"]
        for feature, _ in _strongest(rest, len(rest))[KEPT:]:
            del scored[feature]
    return scored


def _weeks(catalog: Catalog, arxiv_id: str) -> frozenset[dt.date]:
    days = (catalog.digests[e.page].date for e in catalog.appearances[arxiv_id])
    return frozenset(day for day in days if day)


def _authors(paper: Paper) -> frozenset[str]:
    return frozenset(map(fold, paper.authors))


def _features(paper: Paper, topics: Iterable[Topic]) -> tuple[Features, frozenset[str]]:
    """A paper's features and their weights by where they come from, and its content
    words (`content_words`). English words (a-z), Japanese terms (CJK) and categories
    (with a dot) cannot be mistaken for one another; authors and topics carry a
    prefix."""
    topics = tuple(topics)
    text = " ".join(paper.summary)  # not the remark: a reader's chatter, not the paper
    in_text = terms(text) + words(text)
    in_titles = words(paper.title) + terms(paper.title_ja or "")
    # The bullets' words, weighing 1 each, are most of the features: counted in C.
    found = cast(Features, Counter(in_text))
    weighed = [
        *((word, TITLE) for word in words(paper.title)),
        *((term, TITLE_JA) for term in terms(paper.title_ja or "")),
        *(("au:" + fold(author), AUTHOR) for author in paper.authors[:MOST_AUTHORS]),
        *((category, CATEGORY) for category in paper.categories),
        *(("t:" + topic.slug, TOPIC) for topic in topics),
    ]
    for feature, weight in weighed:
        found[feature] = found.get(feature, 0) + weight
    named = {w for t in topics for w in (*words(t.name), *terms(t.name), *words(t.slug))}
    return found, frozenset(in_text + in_titles) - named - _STOP_JA


def content_words(catalog: Catalog, arxiv_id: str) -> frozenset[str]:
    """A paper's content words: words of its English title, terms of its Japanese
    title, words and terms of its bullets; not stop words (English, and the Japanese
    of every bullet list: 手法, 性能, 向上...), nor the words of its topics' names
    (every paper of a topic says them). Two of them shared, or an
    author, is a reason a reader accepts for two papers being related."""
    record = catalog.record(arxiv_id)
    return _features(record.paper, record.topics)[1]


def _strongest(items: list[tuple[T, float]], n: int) -> list[tuple[T, float]]:
    """The `n` items of most weight, equal weights by the first: two sorts in C, stable."""
    by_first = sorted(items)
    return sorted(by_first, key=_WEIGHT, reverse=True)[:n]


def _why(
    paper: Paper,
    both: frozenset[str],
    shared: frozenset[str],
    idf: Callable[[str], float],
    other: str,
) -> Related:
    """The authors both papers share (`both`, folded), else their shared content
    words, English before Japanese, the rarest first."""
    if both:
        authors = tuple(a for a in paper.authors if fold(a) in both)
        return Related(other, authors[:2], ())
    said = sorted(shared, key=lambda f: (not f.isascii(), -idf(f), f))
    return Related(other, (), tuple(said[:3]))


def words(text: str) -> list[str]:
    """English content words, folded (domain/text.py), a plural's `s` dropped."""
    found = []
    for word in _WORD.findall(fold(text)):
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if len(word) >= 3 and word not in _STOP:
            found.append(word)
    return found


def terms(text: str) -> list[str]:
    """Japanese (and Chinese) text's terms: its runs of kanji and katakana, which
    hiragana (grammar) and punctuation separate: `合成データ`, `差分プライバシー`."""
    return _CJK_TERM.findall(text)
