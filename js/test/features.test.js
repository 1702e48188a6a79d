import assert from "node:assert/strict";
import { test } from "node:test";

import { authorNames } from "../src/authors.js";
import { explorerPapers, facetCounts, matches, stateFrom } from "../src/explorer.js";
import { filtered } from "../src/filter.js";
import { firstMatch, found, queryTerms, rank, records, shownAuthors, stem } from "../src/search.js";
import { toggled } from "../src/stars.js";
import { rows } from "../src/core.js";
import { INDEX, SEARCH, fetchFile, fetched } from "./data.js";

const ROOT = "https://example.org/";
const EXPLORER = explorerPapers(INDEX, ROOT);

test("filter: a full-width query finds what the half-width title says", () => {
  const sd = rows(INDEX, "topic:sd");
  const ids = filtered(sd, "ＭＥＭＢＥＲＳＨＩＰ inference").map((row) => row.paper[0]);
  assert.deepEqual(ids, ["2599.00201"]);
  assert.equal(filtered(sd, "").length, sd.length);
  assert.deepEqual(filtered(sd, "ロボット 把持").map((row) => row.paper[0]), ["2599.00202"]);
});

/** @param {string} query */
async function ids(query) {
  const { hits } = await found(query, SEARCH, fetchFile);
  const rows = await records(hits.map((hit) => hit.n), SEARCH, fetchFile);
  return rows.map((row) => row[0]);
}

test("search: an id with arXiv: and a version finds that paper alone, at its home card", async () => {
  assert.deepEqual(queryTerms("arXiv:2404.03537v2"), [{ kind: "id", tokens: ["2404.03537"] }]);
  const { hits } = await found("arXiv:2404.03537v2", SEARCH, fetchFile);
  const [row] = await records([hits[0].n], SEARCH, fetchFile);
  assert.equal(row[0], "2404.03537");
  const home = INDEX.home[INDEX.papers.findIndex((p) => p[0] === "2404.03537")];
  assert.equal(row[4], INDEX.pages[home[0]] + "#arxiv-2404.03537");
  assert.ok(hits.length === 1 || hits[0].score > hits[1].score);
});

test("search: a Japanese word wherever it stands in a title or the text", async () => {
  assert.ok((await ids("顔認識")).includes("2404.03537"));
  assert.equal((await ids("ロボット把持"))[0], "2599.00202");
  assert.deepEqual(queryTerms("顔認識"), [{ kind: "cjk", tokens: ["顔認", "認識"] }]);
});

test("search: an English word in any number or tense is one word", async () => {
  for (const word of ["attack", "attacks", "attacking", "attacked"]) assert.equal(stem(word), "attack");
  assert.equal(stem("studies"), "study");
  assert.equal(stem("synthesis"), "synthesis");
  const one = await ids("shuffled gaussian mechanism");
  assert.deepEqual(one, ["2599.00001"]); // its title says "Mechanisms"
  assert.deepEqual(await ids("shuffle gaussian mechanisms"), one);
  assert.deepEqual(await ids("Membership Inferences"), await ids("membership inference"));
});

test("search: every term must hold; stop words ask nothing", async () => {
  assert.deepEqual(await ids("no-such-word-anywhere"), []);
  assert.deepEqual(await ids("   "), []);
  assert.deepEqual(queryTerms("the of and"), []);
  assert.deepEqual(await ids("robot grasping"), ["2599.00202"]);
});

test("search: a query fetches the shards of its terms, not the whole index", async () => {
  fetched.length = 0;
  await found("synthetic", SEARCH, fetchFile);
  assert.equal(fetched.length, 1);
  assert.match(fetched[0], /search\/terms-\d+\.json$/);
});

test("rank: titles above text, the exact id most, newer first among equals", () => {
  const asked = queryTerms("gan");
  const postings = new Map([["gan", [0 * 64 + 32, 1 * 64 + 2, 2 * 64 + 2]]]); // text; titles
  assert.deepEqual(rank(asked, postings).map((hit) => hit.n), [2, 1, 0]);
  const id = queryTerms("2599.00104");
  const byId = new Map([["2599.00104", [3 * 64 + 1, 4 * 64 + 2]]]); // its id; a title
  assert.deepEqual(rank(id, byId).map((hit) => [hit.n, hit.score]), [[3, 100], [4, 8]]);
  const cjk = queryTerms("医療画像");
  const pairs = new Map([
    ["医療", [5 * 64 + 4, 6 * 64 + 32]],
    ["療画", [5 * 64 + 4, 6 * 64 + 32]],
    ["画像", [5 * 64 + 4 + 32]],
  ]);
  assert.deepEqual(rank(cjk, pairs).map((hit) => hit.n), [5]); // 6 lacks a pair
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

test("explorer: the author facet offers, of the names holding what is typed, the most frequent", () => {
  const state = stateFrom(new URLSearchParams(""));
  const { values, counts } = facetCounts(EXPLORER, state, "author", [], null, "mori");
  assert.deepEqual(values, ["Kenji Mori"]);
  assert.equal(counts.get("Kenji Mori"), 1);
  assert.deepEqual(facetCounts(EXPLORER, state, "author", [], null, "no one by this name").values, []);
});
