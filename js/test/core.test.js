import assert from "node:assert/strict";
import { test } from "node:test";

import { anchorFor, counted, fold, matchesAll, ownValue, rows, terms } from "../src/core.js";
import { INDEX } from "./data.js";

test("fold: width and case, as a reader expects either to match", () => {
  assert.equal(fold("ＤＰ－ＳＧＤ"), "dp-sgd");
  assert.equal(fold("ｶﾀｶﾅ"), "カタカナ");
  assert.equal(fold("Straße"), "strasse"); // full case folding, not lower case
  assert.equal(fold("ΣΊΣΥΦΟΣ"), fold("σίσυφοσ")); // final sigma folds to sigma
  assert.equal(fold("ﬁle"), "file");
});

test("terms: folded, split at any space, none empty", () => {
  assert.deepEqual(terms("  Ｍｅｍｂｅｒｓｈｉｐ\u3000Inference  "), ["membership", "inference"]);
  assert.deepEqual(terms("   "), []);
});

test("matchesAll: every term, anywhere in the text", () => {
  assert.ok(matchesAll("membership inference attack", ["attack", "member"]));
  assert.ok(!matchesAll("membership inference attack", ["attack", "privacy"]));
});

test("anchorFor: the card's id, as domain/model.py makes it", () => {
  assert.equal(anchorFor("2404.01234"), "arxiv-2404.01234");
  assert.equal(anchorFor("hep-th/9901001"), "arxiv-hep-th-9901001");
  assert.equal(anchorFor("a b\"<c>"), "arxiv-a-b--c-");
});

test("ownValue: never one of Object.prototype's", () => {
  assert.equal(ownValue({}, "__proto__"), undefined);
  assert.equal(ownValue({}, "constructor"), undefined);
  assert.equal(ownValue({ x: 1 }, "x"), 1);
});

test("counted: the singular where the labels have one", () => {
  const labels = { n_papers: "{n} papers", n_papers_one: "{n} paper" };
  assert.equal(counted(labels, "n_papers", 1), "1 paper");
  assert.equal(counted(labels, "n_papers", 0), "0 papers");
  assert.equal(counted({ n: "{n} 件" }, "n", 1), "1 件");
  const french = { language: "fr", n: "{n} articles", n_one: "{n} article" };
  assert.equal(counted(french, "n", 0), "0 article"); // CLDR: 0 is "one" in French
  assert.equal(counted({ ...french, language: "zz-invalid!" }, "n", 1), "1 article");
});

test("rows: a real listing, in its order (newest week first), each row at its card", () => {
  const dp = rows(INDEX, "topic:dp");
  assert.equal(dp.length, INDEX.lists["topic:dp"].length);
  const weeks = dp.map((row) => row.week);
  assert.deepEqual(weeks, [...weeks].sort().reverse());
  const first = dp.find((row) => row.paper[0] === "2599.00001");
  assert.ok(first);
  assert.equal(first.page, "dp/2024-03-29/");
  assert.equal(first.anchor, "arxiv-2599.00001");
  assert.equal(first.week, "2024-03-29");
  assert.ok(first.text.includes("shuffled gaussian"));
  assert.deepEqual(rows(INDEX, "__proto__"), []);
  assert.deepEqual(rows(INDEX, "topic:none"), []);
});
