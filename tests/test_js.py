"""The browser code beside the Python: one fold and one anchor rule on both sides,
its test samples as the build writes them, and the shipped bundle made from its
modules (js/src). Node runs the JavaScript side."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from typing import Any

from mkdocs_digest.domain.model import anchor_for
from mkdocs_digest.domain.text import fold

from .conftest import ROOT, Built

NODE = shutil.which("node")


def node(script: str, values: list[Any], module: str = "core") -> Any:
    """`script` (an expression of `values` and `lib`, js/src/<module>.js) run by Node."""
    assert NODE, "Node is needed for the browser code's tests (.ci/run installs it)"
    program = (
        f"import * as lib from './js/src/{module}.js';"
        "import { readFileSync } from 'node:fs';"
        "const values = JSON.parse(readFileSync(0, 'utf8'));"
        f"process.stdout.write(JSON.stringify({script}));"
    )
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", program],
        input=json.dumps(values),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(done.stdout)


def every_character() -> list[str]:
    """Each character Python's Unicode data assigns, in chunks, and words mixing widths
    and cases. (Node's Unicode is newer: it folds letters Python does not know yet.)"""
    points = [chr(p) for p in range(0x110000) if unicodedata.category(chr(p)) not in ("Cn", "Cs")]
    chunks = ["".join(points[i : i + 512]) for i in range(0, len(points), 512)]
    words = ["Straße", "ΣΊΣΥΦΟΣ", "ＤＰ－ＳＧＤ", "ｶﾀｶﾅ", "ﬁnal ﬂow", "İstanbul", "Ǆemal", "ᾼ"]
    return chunks + words


def test_python_and_javascript_fold_every_character_alike() -> None:
    texts = every_character()
    folded = node("values.map(lib.fold)", texts)
    differ = [t for t, js in zip(texts, folded, strict=True) if fold(t) != js]
    assert not differ, [repr(t[:20]) for t in differ[:5]]


def test_python_and_javascript_make_a_card_s_anchor_alike() -> None:
    ids = ["2404.01234", "hep-th/9901001", 'a b"<c>', "2404.01234v2", "ünï/cödé", "__proto__"]
    assert node("values.map(lib.anchorFor)", ids) == [anchor_for(i) for i in ids]


def test_the_js_tests_samples_are_what_the_example_site_writes(example_site: Built) -> None:
    built = example_site.site / "assets" / "mkdocs_digest"
    samples = ROOT / "js" / "test" / "samples"
    names = ["papers-index.json"] + [f"search/{p.name}" for p in (built / "search").glob("*.json")]
    assert len(names) > 2
    assert {f"search/{p.name}" for p in (samples / "search").glob("*.json")} == set(names[1:])
    for name in names:
        sample, made = samples / name, built / name
        assert json.loads(sample.read_text(encoding="utf-8")) == json.loads(
            made.read_text(encoding="utf-8")
        ), f"copy {made} to {sample}"


def test_python_and_javascript_make_the_same_search_terms() -> None:
    # The index's terms are made here from a field's text, a query's in the browser:
    # they must be the same terms, or a word typed is not the word indexed.
    from mkdocs_digest.formats.search_index import stem, terms

    texts = [
        "Membership Inference Attacks on Diffusion Models",
        "医療画像合成のための拡散モデル と 顔",
        "Ｆｕｌｌ－ｗｉｄｔｈ ＧＡＮｓ, ｶﾀｶﾅ and Straße",
        "Ünïcödé naïve café; Ολοκλήρωση; интеграция; 한국어 텍스트",
        "studies shuffled shuffling boxes classes process analyses x y 42 3d-gan",
    ]
    made = node(
        "values.map((t) => [...new Set(lib.queryTerms(t).flatMap((q) => q.tokens))].sort())",
        texts,
        "search",
    )
    assert made == [sorted(terms(t)) for t in texts]
    words = ["attack", "attacks", "attacking", "attacked", "studies", "synthesis", "images"]
    assert node("values.map(lib.stem)", words, "search") == [stem(w) for w in words]


def test_python_and_javascript_count_alike_in_every_language() -> None:
    # CLDR's plural rules on both sides: Babel's data here, the browser's
    # Intl.PluralRules there. French says "0 article", as its rule says.
    from mkdocs_digest.words import LANGUAGES, counted, labels_for

    counts = sorted({k.removesuffix("_one") for k in labels_for("en") if k.endswith("_one")})
    assert "n_papers" in counts
    cases = [
        (labels_for(language), key, n)
        for language in LANGUAGES
        for key in counts
        for n in (0, 1, 2, 5)
    ]
    expected = [counted(labels, key, n, names="X") for labels, key, n in cases]
    got = node(
        "values.map(([labels, key, n]) => lib.counted(labels, key, n).replace('{names}', 'X'))",
        cases,
    )
    assert got == expected
    french = labels_for("fr")
    assert counted(french, "n_papers", 0) == "0 article"
    assert counted(french, "n_papers", 2) == "2 articles"
    assert counted(labels_for("en"), "n_papers", 0) == "0 papers"


def test_the_page_tells_the_browser_the_labels_language() -> None:
    # The browser's plural forms follow the labels' language, which the page's
    # settings carry (a French site's "0 article" needs "fr" there).
    from mkdocs_digest.formats.head import ScriptSettings
    from mkdocs_digest.words import labels_for

    settings = ScriptSettings(labels_for("fr"), paper_search=True, citations=4, explorer=None)
    data = json.loads(settings.element.split(">", 1)[1].rsplit("</script>", 1)[0])
    assert data["labels"]["language"] == "fr"
    assert node("lib.counted(values[0], 'n_papers', 0)", [data["labels"]]) == "0 article"


def test_python_and_javascript_put_a_paper_s_citation_in_the_same_chunk() -> None:
    from mkdocs_digest.formats.citations import chunk_of

    ids = ["2404.01234", "hep-th/9901001", "2599.00001", "ünï/cödé", "", "1" * 40]
    for chunks in (1, 2, 64, 1024):
        expected = [chunk_of(i, chunks) for i in ids]
        assert node(f"values.map((id) => lib.chunkOf(id, {chunks}))", ids, "citations") == expected
