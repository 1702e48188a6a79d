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

test("forYou: the closest by summed cosine, then newest weeks first, never a star", async () => {
  const { forYou } = await import("../src/foryou.js");
  const stars = new Map([
    ["s1", { gui: 0.8, agent: 0.6 }],
    ["s2", { privacy: 0.6, audit: 0.8 }],
  ]);
  const candidates = new Map([
    ["a", { vector: { gui: 0.5, agent: 0.87 }, week: "2024-12-20" }], // close to s1
    ["b", { vector: { audit: 0.9, gui: 0.1 }, week: "2024-12-27" }], // close to s2
    ["c", { vector: { birds: 1 }, week: "2024-12-27" }], // close to none
    ["s1", { vector: { gui: 0.8, agent: 0.6 }, week: "2024-12-27" }], // a star
  ]);
  const picks = forYou(stars, candidates);
  assert.deepEqual(
    picks.map((p) => [p.id, p.star]),
    [["b", "s2"], ["a", "s1"]] // 12-27 first; c is too far; no star
  );
  assert.deepEqual(picks[1].words, ["agent", "gui"]); // the most shared weight first
  assert.equal(forYou(new Map(), candidates).length, 0);
});

test("reason: shared authors first, digest text in as it is", async () => {
  const { reason } = await import("../src/foryou.js");
  const labels = { for_you_authors: "shared authors {names} (☆ {title})", for_you_words: "shared words {words} (☆ {title})" };
  assert.equal(
    reason(labels, ["$& Lee", "<b>Bo</b>"], ["gui"], "A $' title"),
    "shared authors $& Lee, <b>Bo</b> (☆ A $' title)"
  );
  assert.equal(reason(labels, [], ["gui", "agent"], "T"), "shared words gui, agent (☆ T)");
});
