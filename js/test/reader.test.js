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
