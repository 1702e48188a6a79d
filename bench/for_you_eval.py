"""Does a trained model beat the related links for "for you"? A reader's week, simulated.

On the real-size site of `realsite.py` (the corpus' own papers: copy 0, whose ids the
corpus gave), a reader of one topic stars five papers of it from the weeks before
the site's newest four; the papers of those four weeks are the candidates, and the
ones of the reader's topic are what the reader wants. Three rankings of the
candidates are compared by precision at 10 (the share of the first ten the reader
wants), averaged over every topic with enough papers and five draws of stars each:

- `links`: the related papers' links to the stars read both ways, a shared author 2,
  shared words 1, summed (what "for you" first shipped);
- `tfidf`: the cosine of each candidate's TF-IDF vector (the content words of
  domain/related.py, which leave out the topics' own names) with each star, summed
  (what js/src/foryou.js now ships, from formats/neighbours.py's vectors);
- `svm`: a linear SVM over the same vectors, the stars against every other paper of
  the earlier weeks, as arxiv-sanity-lite trains one (Pegasos, in plain Python).

`covered` is the share of candidates a ranking scores at all (links score only papers
linked to a star). Random ranking's precision is the share of candidates wanted.

    python bench/for_you_eval.py
"""

from __future__ import annotations

import math
import random
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
NEW_WEEKS, STARS, DRAWS, TOP = 4, 5, 5, 10
Vector = dict[str, float]


def vectors(catalog: object, ids: list[str]) -> dict[str, Vector]:
    from mkdocs_digest.domain.related import content_words

    words = {i: content_words(catalog, i) for i in ids}  # type: ignore[arg-type]
    df = Counter(w for ws in words.values() for w in ws)
    found = {}
    for i, ws in words.items():
        vector = {w: math.log(len(ids) / df[w]) for w in ws}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        found[i] = {w: v / norm for w, v in vector.items()}
    return found


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def svm(positives: list[Vector], negatives: list[Vector], rounds: int = 20) -> Vector:
    """A linear SVM by Pegasos (hinge loss, L2), positives weighed up to balance."""
    rng = random.Random(0)
    examples = [(x, 1.0) for x in positives] + [(x, -1.0) for x in negatives]
    balance = len(negatives) / max(1, len(positives))
    weights: Vector = {}
    scale, lam, t = 1.0, 1e-4, 1  # from t = 2: the first step would zero the scale
    for _ in range(rounds):
        rng.shuffle(examples)
        for x, y in examples:
            t += 1
            eta = 1.0 / (lam * t)
            margin = y * scale * dot(weights, x)
            scale *= 1.0 - eta * lam
            if margin < 1.0:
                step = eta * (balance if y > 0 else 1.0) * y / scale
                for w, v in x.items():
                    weights[w] = weights.get(w, 0.0) + step * v
    return {w: v * scale for w, v in weights.items()}


def evaluate(catalog: object) -> dict[str, float]:
    from mkdocs_digest.domain.related import related_papers

    cat = catalog
    own = [i for i in cat.appearances if i.startswith("24")]  # type: ignore[attr-defined]
    week = {i: min(cat.digests[e.page].date for e in cat.appearances[i]) for i in own}  # type: ignore[attr-defined]
    newest = sorted(set(week.values()))[-NEW_WEEKS:]
    candidates = [i for i in own if week[i] in newest]
    history = [i for i in own if week[i] < newest[0]]
    topics = {i: {t.slug for t in cat.record(i).topics} for i in own}  # type: ignore[attr-defined]
    near: dict[str, list[tuple[str, int]]] = {}
    for arxiv_id, links in related_papers(cat, 3).items():  # type: ignore[arg-type]
        for link in links:
            weight = 2 if link.authors else 1
            near.setdefault(arxiv_id, []).append((link.arxiv_id, weight))
            near.setdefault(link.arxiv_id, []).append((arxiv_id, weight))
    vec = vectors(cat, own)
    results: dict[str, list[float]] = {"links": [], "tfidf": [], "svm": [], "random": []}
    covered: dict[str, list[float]] = {"links": [], "tfidf": [], "svm": []}
    for topic in sorted({t for ts in topics.values() for t in ts}):
        past = [i for i in history if topic in topics[i]]
        wanted = {i for i in candidates if topic in topics[i]}
        if len(past) < 2 * STARS or len(wanted) < TOP:
            continue
        for draw in range(DRAWS):
            stars = random.Random(f"{topic}{draw}").sample(past, STARS)
            links = Counter[str]()
            for star in stars:
                for other, weight in near.get(star, []):
                    links[other] += weight
            model = svm([vec[s] for s in stars], [vec[i] for i in history if i not in stars])
            scores: dict[str, dict[str, float]] = {
                "links": {i: float(links[i]) for i in candidates},
                "tfidf": {i: sum(dot(vec[i], vec[s]) for s in stars) for i in candidates},
                "svm": {i: dot(model, vec[i]) for i in candidates},
            }
            for name, score in scores.items():
                ranked = sorted(candidates, key=lambda i, score=score: (-score[i], i))
                results[name].append(len(wanted & set(ranked[:TOP])) / TOP)
                covered[name].append(sum(1 for v in score.values() if v > 0) / len(candidates))
            results["random"].append(len(wanted) / len(candidates))
    figures = {f"p@10 {k}": round(statistics.mean(v), 3) for k, v in results.items()}
    figures |= {f"covered {k}": round(statistics.mean(v), 3) for k, v in covered.items()}
    figures["readers"] = len(results["links"])
    return figures


def main() -> None:
    from related_quality import report  # run from bench/

    report("for_you_eval", evaluate)


if __name__ == "__main__":
    sys.exit(main())
