// Real data samples: the filter index and the papers' text of the example site, as
// its build writes them (tests/test_js.py checks they still are).
import { readFileSync } from "node:fs";

/** @param {string} name */
const sample = (name) => JSON.parse(readFileSync(new URL("samples/" + name, import.meta.url), "utf8"));

export const INDEX = sample("papers-index.json");
export const TEXTS = sample("papers-text.json").text;
