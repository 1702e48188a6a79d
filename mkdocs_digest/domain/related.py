"""Related papers: for each paper, the few papers of other weeks a reader of it would
want next, each with a reason the reader can check. No MkDocs.

Shared authors weigh most, then the words English titles, Japanese titles, bullets
and categories share (TF-IDF), then shared topics. Each paper keeps only its most
telling features, and features most papers carry are left out of the inverted
index, so each paper is compared with the few that share a telling feature: the work
grows with the number of papers, not with its square. Deterministic: equal scores go
to the newer paper, then to the smaller arXiv id.

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .catalog import Catalog
from .model import Paper, Topic

# Feature weights by where a feature comes from.
AUTHOR, TITLE, TITLE_JA, TEXT, CATEGORY, TOPIC = 12.0, 3.0, 2.0, 1.0, 0.5, 0.5
MOST_AUTHORS = 20  # a collaboration of hundreds is looked up by its first
KEPT = 12  # features a paper is looked up by (all its authors besides)
COMMON = 0.01  # a feature more than this share of papers carry tells little
POSTINGS = 12  # papers a feature leads to, those it tells most about

_WEIGHT = operator.itemgetter(1)
_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Runs of kanji and katakana: the words of Japanese text (hiragana is its grammar).
_CJK = re.compile(r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
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


@dataclass(frozen=True)
class Related:
    """A related paper and why: the authors both share, else the words."""

    arxiv_id: str
    authors: tuple[str, ...]
    words: tuple[str, ...]


Features = dict[str, float]


def related_papers(catalog: Catalog, limit: int = 3) -> dict[str, tuple[Related, ...]]:
    """Each paper's related papers, best first; none where `limit` is 0."""
    if limit <= 0:
        return {}
    papers = {arxiv_id: catalog.paper(arxiv_id) for arxiv_id in catalog.appearances}
    weeks = {arxiv_id: _weeks(catalog, arxiv_id) for arxiv_id in papers}
    raw = {
        arxiv_id: _features(paper, catalog.record(arxiv_id).topics)
        for arxiv_id, paper in papers.items()
    }
    weighted = _tf_idf(raw)
    index = _inverted(weighted)
    newest = {arxiv_id: max(w, default=dt.date.min).toordinal() for arxiv_id, w in weeks.items()}
    titles = {
        arxiv_id: " ".join(paper.title.casefold().split()) for arxiv_id, paper in papers.items()
    }
    names = {arxiv_id: frozenset(a.casefold() for a in p.authors) for arxiv_id, p in papers.items()}
    found: dict[str, tuple[Related, ...]] = {}
    for arxiv_id, features in weighted.items():
        scores: defaultdict[str, float] = defaultdict(float)
        for feature, weight in features.items():
            for other, other_weight in index.get(feature, ()):
                scores[other] += weight * other_weight
        chosen: list[str] = []
        seen = {titles[arxiv_id]}  # a copy of the paper under another id is not related
        mine = weeks[arxiv_id]
        for other in _best(scores, newest, limit + 8):
            if other == arxiv_id or weeks[other] & mine or titles[other] in seen:
                continue
            seen.add(titles[other])
            chosen.append(other)
            if len(chosen) == limit:
                break
        found[arxiv_id] = tuple(
            _why(papers[arxiv_id], names[other], features, weighted[other], other)
            for other in chosen
        )
    return found


def _best(scores: Mapping[str, float], newest: Mapping[str, int], n: int) -> list[str]:
    """The `n` best-scored papers, then all others as good as the last of them, in
    order: score, then the newer, then the smaller id."""
    if len(scores) > n:
        floor = heapq.nlargest(n, scores.values())[-1]
        scores = {other: s for other, s in scores.items() if s >= floor}
    return sorted(scores, key=lambda other: (-scores[other], -newest[other], other))


def _weeks(catalog: Catalog, arxiv_id: str) -> frozenset[dt.date]:
    days = (catalog.digests[e.page].date for e in catalog.appearances[arxiv_id])
    return frozenset(day for day in days if day)


def _features(paper: Paper, topics: Iterable[Topic]) -> Features:
    """A paper's features and their weights by where they come from. English words
    (a-z), Japanese terms (CJK) and categories (with a dot) cannot be mistaken for
    one another; authors and topics carry a prefix."""
    found: defaultdict[str, float] = defaultdict(float)
    text = " ".join(paper.summary)  # not the remark: a reader's chatter, not the paper
    for features, weight in (
        (words(paper.title), TITLE),
        (terms(paper.title_ja or ""), TITLE_JA),
        (words(text), TEXT),
        (terms(text), TEXT),
    ):
        for feature in features:
            found[feature] += weight
    for author in paper.authors[:MOST_AUTHORS]:
        found["au:" + author.casefold()] += AUTHOR
    for category in paper.categories:
        found[category] += CATEGORY
    for topic in topics:
        found["t:" + topic.slug] += TOPIC
    return dict(found)


def _tf_idf(raw: Mapping[str, Features]) -> dict[str, Features]:
    """Each feature weighed by how rare it is; features too common to tell dropped,
    and each paper cut down to its telling features (all its authors kept)."""
    carried: Counter[str] = Counter()
    for features in raw.values():
        carried.update(features.keys())
    total = len(raw)
    most = max(2, int(total * COMMON))
    idf = {
        f: math.log(total / n)
        for f, n in carried.items()
        if n > 1 and (n <= most or f.startswith("au:"))
    }
    weighted: dict[str, Features] = {}
    for arxiv_id, features in raw.items():
        scored = {f: w * idf[f] for f, w in features.items() if f in idf}
        authors = {f: w for f, w in scored.items() if f.startswith("au:")}
        rest = [item for item in scored.items() if item[0] not in authors]
        if len(rest) > KEPT:
            rest = _strongest(rest, KEPT)
        weighted[arxiv_id] = {**authors, **dict(rest)}
    return weighted


def _inverted(weighted: Mapping[str, Features]) -> dict[str, list[tuple[str, float]]]:
    """Each feature's papers, those it tells most about first, at most POSTINGS: a
    feature a growing site repeats week after week costs each paper that looks it up
    the same, however many papers carry it (the work stays linear)."""
    index: defaultdict[str, list[tuple[str, float]]] = defaultdict(list)
    for arxiv_id, features in weighted.items():
        for feature, weight in features.items():
            index[feature].append((arxiv_id, weight))
    return {
        feature: _strongest(papers, POSTINGS) if len(papers) > POSTINGS else papers
        for feature, papers in index.items()
    }


def _strongest(items: list[tuple[str, float]], n: int) -> list[tuple[str, float]]:
    """The `n` items of most weight, equal weights by name: two sorts in C, stable."""
    by_name = sorted(items)
    return sorted(by_name, key=_WEIGHT, reverse=True)[:n]


def _why(
    paper: Paper, their_names: frozenset[str], mine: Features, theirs: Features, other_id: str
) -> Related:
    authors = tuple(a for a in paper.authors if a.casefold() in their_names)
    if authors:
        return Related(other_id, authors[:2], ())
    shared = [f for f in mine if f in theirs]
    english = sorted(
        (f for f in shared if (f.isascii() and f.isalpha()) or ("-" in f and f.isascii())),
        key=lambda f: (-mine[f] * theirs[f], f),
    )
    japanese = sorted(
        (f for f in shared if _CJK.fullmatch(f)), key=lambda f: (-mine[f] * theirs[f], f)
    )
    return Related(other_id, (), tuple((english + japanese)[:3]))


def words(text: str) -> list[str]:
    """English content words, lower case, a plural's `s` dropped."""
    found = []
    for word in _WORD.findall(text.lower()):
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if len(word) >= 3 and word not in _STOP:
            found.append(word)
    return found


def terms(text: str) -> list[str]:
    """Japanese (and Chinese) text's terms: its runs of kanji and katakana, which
    hiragana (grammar) and punctuation separate: `合成データ`, `差分プライバシー`."""
    return [run for run in _CJK.findall(text) if len(run) >= 2]
