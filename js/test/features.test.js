import assert from "node:assert/strict";
import { test } from "node:test";

import { authorNames } from "../src/authors.js";
import { explorerPapers, facetCounts, matches, stateFrom } from "../src/explorer.js";
import { filtered } from "../src/filter.js";
import { firstMatch, found, queryTerms, score, searchPapers, shownAuthors } from "../src/search.js";
import { toggled } from "../src/stars.js";
import { rows } from "../src/core.js";
import { INDEX, TEXTS } from "./data.js";

const ROOT = "https://example.org/";
const PAPERS = searchPapers(INDEX, TEXTS, ROOT);
const EXPLORER = explorerPapers(INDEX, ROOT);

test("filter: a full-width query finds what the half-width title says", () => {
  const sd = rows(INDEX, "topic:sd");
  const ids = filtered(sd, "ＭＥＭＢＥＲＳＨＩＰ inference").map((row) => row.paper[0]);
  assert.deepEqual(ids, ["2599.00201"]);
  assert.equal(filtered(sd, "").length, sd.length);
  assert.deepEqual(filtered(sd, "ロボット 把持").map((row) => row.paper[0]), ["2599.00202"]);
});

test("search: an id with arXiv: and a version finds that paper first, at its home card", () => {
  assert.deepEqual(queryTerms("arXiv:2404.03537v2"), ["2404.03537"]);
  const { hits } = found(PAPERS, "arXiv:2404.03537v2");
  assert.equal(hits[0].entry.paper[0], "2404.03537");
  assert.equal(hits[0].entry.url, ROOT + INDEX.pages[INDEX.home[3][0]] + "#arxiv-2404.03537");
  assert.ok(hits.length === 1 || hits[0].score > hits[1].score);
});

test("search: a Japanese word wherever it stands in a title or the text", () => {
  const { hits } = found(PAPERS, "顔認識");
  const ids = hits.map((hit) => hit.entry.paper[0]);
  assert.ok(ids.includes("2404.03537"), ids.join(" "));
  const inTitle = found(PAPERS, "ロボット把持").hits;
  assert.equal(inTitle[0].entry.paper[0], "2599.00202");
});

test("search: a title match outranks one in the text, the newest first among equals", () => {
  const [title] = PAPERS.filter((p) => p.paper[0] === "2599.00201");
  const phrase = "membership";
  assert.ok(score(title, [phrase], phrase) >= 8 + 8);
  const textOnly = { ...title, fields: ["", "", "", "", "", phrase] };
  assert.equal(score(textOnly, [phrase], "x"), 1);
  const { hits } = found(PAPERS, "synthetic");
  for (let i = 1; i < hits.length; i++) {
    const [a, b] = [hits[i - 1], hits[i]];
    assert.ok(a.score > b.score || (a.score === b.score && a.entry.order > b.entry.order));
  }
  assert.equal(found(PAPERS, "no-such-word-anywhere").hits.length, 0);
  assert.equal(found(PAPERS, "   ").hits.length, 0);
});

test("firstMatch: the fold's match marked in the text's own letters", () => {
  assert.deepEqual(firstMatch("Private ＤＰ-SGD", ["dp"]), { start: 8, end: 10 });
  assert.deepEqual(firstMatch("große Modelle", ["grosse"]), { start: 0, end: 5 });
  assert.deepEqual(firstMatch("b a", ["a", "b"]), { start: 0, end: 1 }); // the earliest
  assert.equal(firstMatch("nothing here", ["zzz"]), null);
  assert.deepEqual(firstMatch("😀 emoji", ["emoji"]), { start: 3, end: 8 });
});

test("shownAuthors: three, and any other the query names", () => {
  const names = "A One, B Two, C Three, D Four, E Five";
  assert.equal(shownAuthors(names, ["zzz"]), "A One, B Two, C Three, …");
  assert.equal(shownAuthors(names, ["five"]), "A One, B Two, C Three, …, E Five");
  assert.equal(shownAuthors(names, ["four"]), "A One, B Two, C Three, …, D Four, …");
  assert.equal(shownAuthors("A, B", ["a"]), "A, B");
});

test("explorer: every paper once, newest week first, with its facets", () => {
  assert.equal(EXPLORER.length, INDEX.papers.length);
  const weeks = EXPLORER.map((e) => e.week);
  assert.deepEqual(weeks, [...weeks].sort().reverse());
  const paper = EXPLORER.find((e) => e.paper[0] === "2599.00104");
  assert.ok(paper);
  assert.deepEqual(paper.facets.month, ["2024-04"]);
  assert.ok(paper.facets.category.includes("cs.CR"));
  assert.ok(paper.facets.author.includes("Sun Li"));
  assert.ok(paper.facets.topic.length >= 1);
});

test("explorer: facet counts honour the other facets and keep the chosen value", () => {
  const state = stateFrom(new URLSearchParams("category=cs.CR&author=__proto__"));
  assert.equal(state.author, "__proto__");
  const { values, counts } = facetCounts(EXPLORER, state, "author", [], null);
  assert.equal(values[0], "__proto__"); // chosen, found nowhere, still offered
  assert.equal(counts.get("__proto__"), undefined);
  const open = stateFrom(new URLSearchParams("category=cs.CR"));
  const topics = facetCounts(EXPLORER, open, "topic", [], null);
  const withCr = EXPLORER.filter((e) => e.facets.category.includes("cs.CR"));
  const total = topics.values.reduce((sum, v) => sum + (topics.counts.get(v) || 0), 0);
  assert.ok(total >= withCr.length);
  assert.ok(EXPLORER.filter((e) => matches(e, open, [], null, null)).length === withCr.length);
  const starredOnly = EXPLORER.filter((e) => matches(e, open, [], null, ["2599.00104"]));
  assert.deepEqual(starredOnly.map((e) => e.paper[0]), ["2599.00104"]);
});

test("explorer: a URL's state, a bad page number read as the first", () => {
  const state = stateFrom(new URLSearchParams("filter=gan&page=x&starred=1&month=2024-04"));
  assert.deepEqual(state, {
    q: "gan", topic: "", category: "", month: "2024-04", author: "", starred: true, page: 1,
  });
  assert.equal(stateFrom(new URLSearchParams("page=-3")).page, 1);
  assert.equal(stateFrom(new URLSearchParams("page=4")).page, 4);
});

test("stars: a new star first, a second press takes it away", () => {
  assert.deepEqual(toggled(["b"], "a"), ["a", "b"]);
  assert.deepEqual(toggled(["a", "b"], "a"), ["b"]);
});

test("authors: a card's rest of the list keeps its leading comma", () => {
  assert.deepEqual(authorNames(", D Four, E Five"), { lead: ", ", names: ["D Four", "E Five"] });
  assert.deepEqual(authorNames("A One, B Two"), { lead: "", names: ["A One", "B Two"] });
  assert.deepEqual(authorNames(""), { lead: "", names: [] });
});

test("search: an exact id outweighs the same digits in another paper's title", () => {
  const target = PAPERS.find((p) => p.paper[0] === "2599.00104");
  const other = { ...PAPERS[0], fields: ["2404.00001", "2599.00104 in a title", "", "", "", ""], order: 99 };
  assert.ok(target);
  const { hits } = found([other, target], "2599.00104");
  assert.equal(hits[0].entry.paper[0], "2599.00104");
  assert.ok(hits[0].score > hits[1].score);
});

test("citations: a paper's chunk, the same as formats/citations.py's chunk_of", async () => {
  const { chunkOf } = await import("../src/citations.js");
  // Values of Python's chunk_of (FNV-1a over UTF-8), written down from its definition:
  // the empty id hashes to the offset basis 0x811c9dc5 = 2166136261.
  assert.equal(chunkOf("", 1 << 30), 2166136261 % (1 << 30));
  for (const id of ["2404.01234", "hep-th/9901001", "ünï"]) {
    const k = chunkOf(id, 64);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 64);
    assert.equal(chunkOf(id, 1), 0);
  }
});
