"""A digest site of the real size, made from the shared corpus.

The corpus holds two series (`sd/`, `dp/`) of 40 weeks. A real site has a series
folder for every topic its papers carry and an `all/` series with every paper of the
week, as the source site does. This module rebuilds that shape from the corpus: for
each week, every topic named by the week's entries gets a digest of its papers, and
`all/` gets them all. `copies` repeats the corpus with fresh arXiv ids and its weekly
topics renamed (`sd1`, `dp1`, `fl1`, ...), while the rare topics (`he`, `tee`, ...)
gather the papers of every copy. One copy gives 179 digests in 9 series; three give
413 in 15, a little more than the source site after nine months (308 in 11), with
each series' weeks as the corpus has them. `repeats` makes the site older instead of
wider: the corpus' weeks again after them, with fresh ids, in the same series (ten
repeats: about seven and a half years of weekly digests).

The entries are cut out of the pages with plain regular expressions, not with the
plugin's parser, so tests that build this site do not check the parser against itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "2024-12-30"

_ENTRY_START = re.compile(r"(?m)^(?=### \[)")
_SEPARATOR = re.compile(r"(?m)^(?:- - -|---)[ \t]*$")
_ARXIV_ID = re.compile(r"arxiv\.org/abs/([^)\s]+?)(?:v\d+)?\)")
_TOPIC = re.compile(r"\[([^\]]+)\]\(\.\./\.\./(\w+)\)")


@dataclass
class SourceEntry:
    arxiv_id: str
    text: str
    topics: dict[str, str]  # slug -> display name, in link order


def read_corpus(corpus: Path = CORPUS) -> dict[dt.date, dict[str, SourceEntry]]:
    """Every entry of the corpus by week, each arXiv id once a week."""
    weeks: dict[dt.date, dict[str, SourceEntry]] = defaultdict(dict)
    for page in sorted(corpus.glob("*/*.md")):
        week = dt.date.fromisoformat(page.stem)
        for chunk in _ENTRY_START.split(page.read_text(encoding="utf-8"))[1:]:
            text = _SEPARATOR.split(chunk)[0].strip()
            found = _ARXIV_ID.search(text)
            if found is None:
                continue
            topics = {slug: name for name, slug in _TOPIC.findall(text)}
            weeks[week].setdefault(found.group(1), SourceEntry(found.group(1), text, topics))
    return dict(sorted(weeks.items()))


# Topics with a digest nearly every week; the others are rare and stay shared.
WEEKLY = frozenset({"sd", "dp", "fl"})


def _copied(
    entry: SourceEntry, k: int, n: int | None = None, own: frozenset[str] = WEEKLY
) -> SourceEntry:
    """Copy k of an entry: ids `(30+n)MM.NNNNN` (n is k, or further on for a repeat of
    the corpus), weekly topics `<slug>k` (copy 0 keeps them)."""
    n = k if n is None else n
    if n == 0:
        return entry

    def rename(slug: str, name: str) -> tuple[str, str]:
        return (f"{slug}{k}", f"{name} {k}") if k and slug in own else (slug, name)

    def link(m: re.Match[str]) -> str:
        slug, name = rename(m.group(2), m.group(1))
        return f"[{name}](../../{slug})"

    text = re.sub(r"arxiv\.org/abs/\d\d(\d\d\.)", rf"arxiv.org/abs/{30 + n}\g<1>", entry.text)
    topics = dict(rename(slug, name) for slug, name in entry.topics.items())
    return SourceEntry(f"{30 + n}{entry.arxiv_id[2:]}", _TOPIC.sub(link, text), topics)


def _page(title: str, week: dt.date, intro: str, entries: list[SourceEntry]) -> str:
    span = f"{week.isoformat()} ~ {(week + dt.timedelta(days=6)).isoformat()}"
    body = "\n\n- - -\n\n".join(entry.text for entry in entries)
    return (
        f"---\ntitle: {title} ({span})\ndate: {week.isoformat()}\n---\n\n"
        f"{intro} ({span})\n\n- - -\n\n{body}\n"
    )


def make_site(docs: Path, copies: int = 3, corpus: Path = CORPUS, repeats: int = 1) -> int:
    """Write the digests under `docs` (and an `index.md`); return how many were written."""
    written = 0
    weeks = read_corpus(corpus)
    span = max(weeks) - min(weeks) + dt.timedelta(days=7)
    for r in range(repeats):
        for week, entries in weeks.items():
            every = [
                _copied(entry, k, r * copies + k)
                for k in range(copies)
                for entry in entries.values()
            ]
            written += _write_week(docs, week + r * span, every)
    (docs / "index.md").write_text("# 論文ダイジェスト\n\n週ごとの arXiv 論文まとめ。\n")
    return written


def add_week(
    docs: Path, copies: int = 3, corpus: Path = CORPUS, repeats: int = 1
) -> tuple[dt.date, list[Path]]:
    """The weekly act: the week after the site's newest lands in every series at once,
    as a site's pipeline writes it (the corpus' fullest week again, with fresh ids).
    Returns its date and the files written, for the caller to remove."""
    weeks = read_corpus(corpus)
    span = max(weeks) - min(weeks) + dt.timedelta(days=7)
    week = max(weeks) + (repeats - 1) * span + dt.timedelta(days=7)

    def fullness(entries: dict[str, SourceEntry]) -> tuple[int, int]:
        return len({slug for e in entries.values() for slug in e.topics}), len(entries)

    fullest = max(weeks.values(), key=fullness)
    fresh = 60  # ids `9kMM.NNNNN`: past every repeat's (`30 + n`, n < 30)
    every = [_copied(e, k, fresh + k) for k in range(copies) for e in fullest.values()]
    before = set(docs.rglob("*.md"))
    _write_week(docs, week, every)
    return week, sorted(set(docs.rglob("*.md")) - before)


def _write_week(docs: Path, week: dt.date, every: list[SourceEntry]) -> int:
    """One week's digests: one per topic its entries name, and `all/`."""
    by_topic: dict[str, list[SourceEntry]] = defaultdict(list)
    names: dict[str, str] = {}
    for entry in every:
        for slug, name in entry.topics.items():
            by_topic[slug].append(entry)
            names.setdefault(slug, name)
    pages = {f"all/{week}.md": _page("すべての論文", week, "今週のすべての論文", every)}
    for slug, members in by_topic.items():
        intro = f"{names[slug]}に関する論文まとめ"
        pages[f"{slug}/{week}.md"] = _page(names[slug], week, intro, members)
    for name, text in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(pages)
