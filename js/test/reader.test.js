import assert from "node:assert/strict";
import { test } from "node:test";

import { newPapers, visit } from "../src/news.js";
import { opensInTitles } from "../src/views.js";

test("visit: a first visit marks nothing and remembers the newest week", () => {
  assert.deepEqual(visit(null, null, "2025-01-03"), { since: "", seen: "2025-01-03" });
});

test("visit: a later visit counts from the week last seen, its other pages too", () => {
  const first = visit("2024-12-27", null, "2025-01-03");
  assert.deepEqual(first, { since: "2024-12-27", seen: "2025-01-03" });
  // The visit's next page: localStorage already says 2025-01-03, the tab still counts.
  assert.deepEqual(visit("2025-01-03", first.since, "2025-01-03"), first);
});

test("visit: nothing is new when the newest week was seen, or a newer one", () => {
  assert.equal(visit("2025-01-03", null, "2025-01-03").since, "");
  // A site rebuilt without its newest week: the reader keeps what they saw.
  assert.deepEqual(visit("2025-01-10", null, "2025-01-03"), { since: "", seen: "2025-01-10" });
});

test("newPapers: the papers of later weeks only, by series, and in all each once", () => {
  const weeks = {
    newest: "2025-01-03",
    weeks: { "2024-12-20": 5, "2024-12-27": 9, "2025-01-03": 3 }, // sd and dp share two
    series: [
      { name: "sd", url: "sd/", weeks: { "2024-12-20": 5, "2024-12-27": 4, "2025-01-03": 3 } },
      { name: "dp", url: "dp/", weeks: { "2024-12-27": 7 } },
    ],
  };
  assert.deepEqual(newPapers(weeks, "2024-12-20"), {
    total: 12,
    series: [
      { name: "sd", url: "sd/", n: 7 },
      { name: "dp", url: "dp/", n: 7 },
    ],
  });
  assert.deepEqual(newPapers(weeks, "2024-12-27"), {
    total: 3,
    series: [{ name: "sd", url: "sd/", n: 3 }],
  });
});

test("opensInTitles: the link's ?view= first, then the reader's choice", () => {
  assert.equal(opensInTitles("titles", null), true);
  assert.equal(opensInTitles("titles", "cards"), true);
  assert.equal(opensInTitles("cards", "titles"), false);
  assert.equal(opensInTitles(null, "titles"), true);
  assert.equal(opensInTitles(null, null), false);
  assert.equal(opensInTitles("something", "cards"), false);
});

test("forYou: summed links to the stars, newest weeks first, never a star", async () => {
  const { forYou } = await import("../src/foryou.js");
  const weeks = { a: "2024-12-27", b: "2024-12-27", c: "2024-12-20", s1: "2024-12-13", s2: "2024-12-06" };
  /** @type {Map<string, [string, number, string[], string[]][]>} */
  const near = new Map([
    ["s1", [["a", 1, [], ["gui", "agent"]], ["c", 2, ["Ann Lee"], []], ["s2", 2, ["Bo"], []]]],
    ["s2", [["b", 1, [], ["privacy", "audit"]], ["a", 2, ["Cy Dale"], []]]],
  ]);
  const picks = forYou(["s1", "s2"], near, (id) => weeks[/** @type {keyof typeof weeks} */ (id)] || "");
  assert.deepEqual(
    picks.map((p) => [p.id, p.score]),
    [["a", 3], ["b", 1], ["c", 2]] // 12-27 first (a closer than b), then 12-20
  );
  // Each pick's reason is its strongest link: a's shared author beats its words.
  assert.deepEqual([picks[0].star, picks[0].authors], ["s2", ["Cy Dale"]]);
  assert.deepEqual(forYou([], near, () => ""), []);
});

test("reason: digest text goes in as it is, replacement patterns too", async () => {
  const { reason } = await import("../src/foryou.js");
  const labels = { for_you_authors: "shared authors {names} (☆ {title})", for_you_words: "shared words {words} (☆ {title})" };
  const pick = { id: "x", score: 2, star: "s", authors: ["$& Lee", "<b>Bo</b>"], words: [] };
  assert.equal(reason(labels, pick, "A $' title"), "shared authors $& Lee, <b>Bo</b> (☆ A $' title)");
  const words = { ...pick, authors: [], words: ["gui", "agent"] };
  assert.equal(reason(labels, words, "T"), "shared words gui, agent (☆ T)");
});
