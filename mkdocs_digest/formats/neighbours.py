"""The papers' word vectors, for the explorer's "for you" view. No MkDocs.

A reader's stars are compared, in the browser (js/src/foryou.js), with the papers of
the site's newest weeks: each candidate's closeness is its cosine with each starred
paper, summed. `python bench/for_you_eval.py` chose this: on the real-size site a
reader of one topic finds 72% of the first ten papers of their topic with it, 55%
with a linear SVM trained on the stars (as arxiv-sanity-lite does), 43% with the
related papers' links (the share of the topic among candidates: 38%).

A vector is a paper's content words (domain/related.py: titles, Japanese titles and
bullets, without stop words or the topics' own names), weighed by TF-IDF over the
site and normalised, rounded to two decimals:

- `near/papers-<k>.json`: every paper's vector, in chunks as the citations'
  (`chunk_of`), so that the stars' few chunks are fetched;
- `near/week-<date>.json`: the vectors of the papers of each of the site's RECENT
  newest weeks (`weeks.json` names them), the candidates.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import partial

from ..domain.cache import Memo
from ..domain.catalog import Catalog
from ..domain.related import content_words
from .citations import chunk_of, citation_chunks
from .context import FileContext
from .json_text import as_script, compact_json
from .weeks import RECENT_CANDIDATES, papers_by_week

NEAR = "assets/mkdocs_digest/near/papers-{k}.json"
NEAR_WEEK = "assets/mkdocs_digest/near/week-{week}.json"


class Vector:
    """A paper's (word, weight) pairs, by word. Equal only to itself: the memo gives
    back the very vector of a paper whose words and counts an edit left alone, and a
    file's text is keyed by its vectors, so a save compares a file's vectors by
    identity instead of hashing every weight again."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: tuple[tuple[str, float], ...]) -> None:
        self.pairs = pairs


class Vocabulary:
    """The site's content words, numbered as first met. A paper's words are kept as
    the bytes of their sorted numbers (4 bytes a word: a site ten times the real one
    holds them in 6 MB, where sets of strings took 100 MB), made once per paper and
    build; under `mkdocs serve` the numbering is kept, so they are a paper's key."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.words: list[str] = []

    def encode(self, words: Iterable[str]) -> bytes:
        numbers = self.numbers
        for word in words:
            if word not in numbers:
                numbers[word] = len(self.words)
                self.words.append(word)
        return array("I", sorted(numbers[word] for word in words)).tobytes()


def _numbers(encoded: bytes) -> array[int]:
    found = array("I")
    found.frombytes(encoded)
    return found


class Vectors:
    """Each paper's content words, TF-IDF weighed over the site, normalised; made as
    asked, so that a build that keeps nothing holds a file's worth of them. A paper's
    vector is keyed by its words and what the site says of each (how many papers have
    it, out of how many): under `mkdocs serve` an edit weighs again only the papers
    that share a word whose count moved."""

    def __init__(
        self, words: Mapping[str, bytes], vocabulary: Vocabulary, memo: Memo | None = None
    ) -> None:
        self.words, self.names, self.total = words, vocabulary.words, len(words)
        self.df: Counter[int] = Counter()
        for encoded in words.values():
            self.df.update(_numbers(encoded))
        self.memo = memo or Memo(keep=False)

    def __getitem__(self, arxiv_id: str) -> Vector:
        encoded, df = self.words[arxiv_id], self.df
        numbers = _numbers(encoded)
        key = (encoded, self.total, tuple(map(df.__getitem__, numbers)))
        return self.memo.get(key, partial(self._vector, numbers))

    def _vector(self, numbers: array[int]) -> Vector:
        df, total, names = self.df, self.total, self.names
        weights = {names[n]: math.log(total / df[n]) for n in numbers if df[n] > 1}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        kept = sorted((w, round(v / norm, 2)) for w, v in weights.items())
        return Vector(tuple((w, v) for w, v in kept if v > 0))


class Neighbours:
    """Written where the site has an explorer to show "for you" in."""

    def wanted(self, context: FileContext) -> bool:
        return context.explorer

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        catalog = context.catalog
        memo = context.memo.part(NEAR)
        memo.start(NEAR)  # each value is keyed by all it is made from
        vocabulary = memo.get("vocabulary", Vocabulary)
        papers = {}
        for arxiv_id in catalog.appearances:
            record = catalog.record(arxiv_id)
            key = ("words", record.paper, record.topics)
            papers[arxiv_id] = memo.get(key, partial(_words, catalog, arxiv_id, vocabulary))
        made = Vectors(papers, vocabulary, memo)
        chunks = citation_chunks(len(papers))
        by_chunk: list[list[str]] = [[] for _ in range(chunks)]
        for arxiv_id in papers:
            by_chunk[chunk_of(arxiv_id, chunks)].append(arxiv_id)
        files = [(NEAR.format(k=k), ids) for k, ids in enumerate(by_chunk)]
        for week, ids in papers_by_week(catalog, RECENT_CANDIDATES).items():
            files.append((NEAR_WEEK.format(week=week), ids))
        for path, ids in files:
            shown = tuple((i, made[i]) for i in ids)
            text = memo.get(("json", shown), partial(_json, shown))
            yield path, (text,)
            if context.extras.offline:
                name = path.rsplit("/", 1)[-1]
                yield path.removesuffix(".json") + ".js", as_script(name, (text,))


def _words(catalog: Catalog, arxiv_id: str, vocabulary: Vocabulary) -> bytes:
    return vocabulary.encode(content_words(catalog, arxiv_id))


def _json(vectors: Iterable[tuple[str, Vector]]) -> str:
    return compact_json({arxiv_id: dict(vector.pairs) for arxiv_id, vector in vectors})
