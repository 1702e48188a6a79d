"""All digests of a site -> `Catalog`: papers, topics, series and weeks. No MkDocs.

The catalog is built once per build from every parsed page, before any page is
rendered, so each card and each generated page can link to everything else.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import posixpath
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from .model import Diagnostic, Digest, Entry, Paper, Topic


@dataclass
class Series:
    """The weekly digests in one folder (`sd/`), oldest first."""

    folder: str
    digests: list[Digest] = field(default_factory=list)
    name: str = ""

    @property
    def slug(self) -> str:
        return posixpath.basename(self.folder)

    @property
    def weeks(self) -> list[Week]:
        """Every digest of the series as a week of its entries, newest first."""
        return [Week(d.date, list(d.entries)) for d in reversed(self.digests) if d.date]

    @property
    def count(self) -> int:
        return len({e.paper.arxiv_id for d in self.digests for e in d.entries})


def _series_name(series: Series, names: Mapping[str, str]) -> str:
    """A configured name, else the newest title without its date range: "すべての論文"."""
    if series.slug in names:
        return names[series.slug]
    return _without_range(series.digests[-1].title or "") or series.slug


def _without_range(title: str) -> str:
    """The title without a last bracketed part (`(2024-03-29 ~ 2024-04-04)`). By
    hand, not by a pattern: `\\s*(...)$` took 33 s over a title of 80,000 spaces."""
    title = title.strip()
    if not title.endswith((")", "）")):
        return title
    opening = max(title.rfind("("), title.rfind("（"))
    inner = title[opening + 1 : -1]
    if opening < 0 or any(c in inner for c in "()（）"):
        return title
    return title[:opening].strip()


@dataclass(frozen=True)
class PaperRecord:
    paper: Paper
    topics: tuple[Topic, ...]
    appearances: tuple[Entry, ...]


@dataclass
class Week:
    date: dt.date
    entries: list[Entry]


@dataclass
class TopicIndex:
    """One topic across all weeks: each paper once, under the week it was digested."""

    topic: Topic
    weeks: list[Week]  # newest first

    @property
    def count(self) -> int:
        return sum(len(week.entries) for week in self.weeks)


@dataclass
class Catalog:
    digests: dict[str, Digest]
    appearances: dict[str, list[Entry]]
    topics: dict[str, TopicIndex]
    series: dict[str, Series]
    # Problems of the site as a whole, such as a topic no folder or setting knows.
    problems: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def build(
        cls, digests: Iterable[Digest], topic_names: Mapping[str, str] | None = None
    ) -> Catalog:
        ordered = sorted(digests, key=_digest_order)
        appearances: dict[str, list[Entry]] = defaultdict(list)
        for digest in ordered:
            for entry in digest.entries:
                appearances[entry.paper.arxiv_id].append(entry)
        by_page = {d.page: d for d in ordered}
        series = _series(ordered)
        for one in series.values():
            one.name = _series_name(one, topic_names or {})
        topics = _topics(by_page, appearances, series, topic_names or {})
        known = {one.slug for one in series.values()} | set(topic_names or {})
        problems = _unknown_topics(ordered, known)
        catalog = cls(by_page, dict(appearances), topics, series, problems)
        catalog.problems += catalog._copies_that_disagree()
        return catalog

    def _copies_that_disagree(self) -> list[Diagnostic]:
        """A warning for each copy of a paper that says otherwise than its home copy
        in a field a reader sees: the site-wide outputs show the home copy's."""
        problems = []
        for arxiv_id, entries in self.appearances.items():
            if len(entries) < 2:  # most papers appear once
                continue
            home = self.home(arxiv_id)
            for entry in entries:
                if entry.page == home.page:  # itself, or a repeat its page warns of
                    continue
                fields = _fields_that_differ(entry.paper, home.paper)
                if fields:
                    problems.append(
                        Diagnostic(
                            entry.page,
                            entry.line,
                            "warning",
                            f"arXiv {arxiv_id}: its {', '.join(fields)} here differ(s) from "
                            f"its home copy at {home.page}:{home.line}; this page shows its "
                            "own, search, the explorer, citations, feeds and papers.json "
                            "show the home copy's",
                        )
                    )
        return problems

    @property
    def diagnostics(self) -> list[Diagnostic]:
        found = [d for digest in self.digests.values() for d in digest.diagnostics]
        return found + self.problems

    def series_name(self, series: Series) -> str:
        """A series is named after its topic (`sd/`: 合成データ), else by its titles."""
        index = self.topics.get(series.slug)
        return index.topic.name if index else series.name

    def series_of_topic(self, slug: str) -> Series | None:
        """The series folder named after a topic (`sd/` for `sd`), if the site has one."""
        return next((s for s in self.series.values() if s.slug == slug), None)

    @property
    def week_dates(self) -> list[dt.date]:
        """Every week any digest covers, oldest first."""
        return sorted({d.date for d in self.digests.values() if d.date and d.series})

    def topics_of(self, arxiv_id: str) -> frozenset[str]:
        """Every topic any appearance of the paper names."""
        return self._paper_topics.get(arxiv_id, frozenset())

    @functools.cached_property
    def _paper_topics(self) -> dict[str, frozenset[str]]:
        # Asked for each row of every listing, each card and the overview: made once.
        return {
            arxiv_id: frozenset(t.slug for e in entries for t in e.paper.topics)
            for arxiv_id, entries in self.appearances.items()
        }

    def frequent_authors(self, slug: str, most: int) -> list[tuple[str, int]]:
        """The topic's `most` authors of two papers or more, with their count, most
        papers first, then by name; a paper's authors as its record gives them (the
        explorer's author facet counts the same names)."""
        papers: Counter[str] = Counter()
        for week in self.topics[slug].weeks:
            for entry in week.entries:
                papers.update(frozenset(self.paper(entry.paper.arxiv_id).authors))  # once each
        # Most authors have one paper: sorting only the others is what keeps this cheap.
        repeated = [(name, n) for name, n in papers.items() if n > 1]
        return sorted(repeated, key=lambda item: (-item[1], item[0]))[:most]

    def shared(self, among: Collection[str]) -> Counter[tuple[str, str]]:
        """How many papers each pair of the topics `among` shares, keyed by the sorted
        slug pair. Only those: a paper of 600 topics would make 180,000 pairs."""
        wanted = frozenset(among)
        pairs: Counter[tuple[str, str]] = Counter()
        for arxiv_id in self.appearances:
            slugs = sorted(self.topics_of(arxiv_id) & wanted)
            pairs.update(itertools.combinations(slugs, 2))
        return pairs

    def paper(self, arxiv_id: str) -> Paper:
        """What a paper's home copy says: the one text every site-wide output shows
        (search, the explorer, citations, feeds, JSON-LD, papers.json, related titles)."""
        return self.home(arxiv_id).paper

    def record(self, arxiv_id: str) -> PaperRecord:
        """The one record of a paper that every output shares (export, JSON-LD, the
        filter index): its home copy's text, every topic any appearance names, by the
        site's display names, and where it appears. Made once: each of the site files
        asks for every paper's, on every save of `mkdocs serve`."""
        found = self._records.get(arxiv_id)
        if found is None:
            found = self._records[arxiv_id] = self._record(arxiv_id)
        return found

    @functools.cached_property
    def _records(self) -> dict[str, PaperRecord]:
        return {}

    def _record(self, arxiv_id: str) -> PaperRecord:
        entries = self.appearances[arxiv_id]
        slugs = dict.fromkeys(t.slug for e in entries for t in e.paper.topics)
        topics = tuple(Topic(slug, self.topic_name(slug)) for slug in slugs)
        return PaperRecord(self.paper(arxiv_id), topics, tuple(entries))

    def home(self, arxiv_id: str) -> Entry:
        """A paper's home card: where the page of its first topic links to (its own
        series' digest when it has one), else its earliest appearance. Search finds
        the paper there, once."""
        return self._homes.get(arxiv_id) or self.appearances[arxiv_id][0]

    @functools.cached_property
    def _homes(self) -> dict[str, Entry]:
        listed = {
            (slug, entry.paper.arxiv_id): entry
            for slug, index in self.topics.items()
            for week in index.weeks
            for entry in week.entries
        }
        homes = {}
        for arxiv_id, entries in self.appearances.items():
            first = [t.slug for e in entries for t in e.paper.topics]
            home = next((listed[(s, arxiv_id)] for s in first if (s, arxiv_id) in listed), None)
            if home is not None:
                homes[arxiv_id] = home
        return homes

    def others(self, entry: Entry) -> list[Entry]:
        """The other appearances of the same paper, one per page."""
        appearances = self.appearances.get(entry.paper.arxiv_id, [])
        if len(appearances) < 2:  # most papers appear once
            return []
        seen = {entry.page}
        result = []
        for other in appearances:
            if other.page not in seen:
                seen.add(other.page)
                result.append(other)
        return result

    def neighbours(self, digest: Digest) -> tuple[Digest | None, Digest | None]:
        """The previous and next week of the digest's series."""
        series = self.series.get(digest.folder)
        if series is None:
            return None, None
        pages = [d.page for d in series.digests]
        if digest.page not in pages:
            return None, None
        i = pages.index(digest.page)
        before = series.digests[i - 1] if i > 0 else None
        after = series.digests[i + 1] if i + 1 < len(series.digests) else None
        return before, after

    def topic_name(self, slug: str) -> str:
        index = self.topics.get(slug)
        return index.topic.name if index else slug

    @property
    def root(self) -> str:
        """The folder that holds the series folders (`''` for the docs root)."""
        parents = Counter(posixpath.dirname(folder) for folder in self.series)
        return parents.most_common(1)[0][0] if parents else ""


# What a reader sees of a paper, by the name a warning gives it. Not the commentary:
# a digest's own remark on the paper, which each page may have or not.
_SEEN_FIELDS = {
    "title": "title",
    "Japanese title": "title_ja",
    "authors": "authors",
    "bullets": "summary",
    "comment": "comment",
}


@functools.lru_cache(maxsize=1 << 14)  # serve: the same copies, compared on every save
def _fields_that_differ(paper: Paper, home: Paper) -> tuple[str, ...]:
    """The fields both copies give, and give otherwise (white space aside)."""

    def seen(p: Paper, name: str) -> object:
        value = getattr(p, name)
        return " ".join(value.split()) if isinstance(value, str) else value

    return tuple(
        label
        for label, name in _SEEN_FIELDS.items()
        if seen(paper, name) and seen(home, name) and seen(paper, name) != seen(home, name)
    )


def _digest_order(digest: Digest) -> tuple[dt.date, str]:
    return (digest.date or dt.date.max, digest.page)


def _series(ordered: list[Digest]) -> dict[str, Series]:
    series: dict[str, Series] = {}
    for digest in ordered:
        if digest.series is not None:
            series.setdefault(digest.folder, Series(digest.folder)).digests.append(digest)
    return dict(sorted(series.items()))


def _topics(
    digests: Mapping[str, Digest],
    appearances: Mapping[str, list[Entry]],
    series: Mapping[str, Series],
    names: Mapping[str, str],
) -> dict[str, TopicIndex]:
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entries in appearances.values():
        for entry in entries:
            for topic in entry.paper.topics:
                spelled[topic.slug][topic.name] += 1
                home = members[topic.slug]
                current = home.get(entry.paper.arxiv_id)
                if current is None or _prefer(entry, current, topic.slug, digests):
                    home[entry.paper.arxiv_id] = entry
    topics = {}
    for slug in sorted(spelled):
        name = names.get(slug) or spelled[slug].most_common(1)[0][0]
        topics[slug] = TopicIndex(Topic(slug, name), _weeks(members[slug].values(), digests))
    return topics


def _unknown_topics(digests: list[Digest], known: set[str]) -> list[Diagnostic]:
    """One warning per topic slug that is neither a series folder nor configured.

    A typo in a topic link (`../../dpp`) would otherwise make a topic of its own.
    """
    problems: dict[str, Diagnostic] = {}
    for digest in digests:
        for entry in digest.entries:
            for topic in entry.paper.topics:
                if topic.slug not in known and topic.slug not in problems:
                    problems[topic.slug] = Diagnostic(
                        entry.page,
                        entry.meta_line or entry.line,
                        "warning",
                        f"unknown topic {topic.slug!r}: no series folder of that name and not "
                        "in 'topic_names' (a typo in the topic link?)",
                    )
    return list(problems.values())


def _prefer(entry: Entry, current: Entry, slug: str, digests: Mapping[str, Digest]) -> bool:
    """A topic page links to the paper in the topic's own series when it can."""

    def rank(e: Entry) -> tuple[bool, bool]:
        digest = digests[e.page]
        return (digest.series != slug, digest.date is None)

    return rank(entry) < rank(current)


def _weeks(entries: Iterable[Entry], digests: Mapping[str, Digest]) -> list[Week]:
    by_date: dict[dt.date, list[Entry]] = defaultdict(list)
    for entry in entries:
        date = digests[entry.page].date
        if date is not None:
            by_date[date].append(entry)
    return [
        Week(date, sorted(by_date[date], key=_newest_first))
        for date in sorted(by_date, reverse=True)
    ]


def _newest_first(entry: Entry) -> tuple[float, str]:
    published = entry.paper.published
    stamp = published.value.timestamp() if published else 0.0
    return (-stamp, entry.paper.arxiv_id)
