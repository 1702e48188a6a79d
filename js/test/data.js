// Real data samples: the filter index and the paper search's index of the example
// site, as its build writes them (tests/test_js.py checks they still are).
import { readFileSync, readdirSync } from "node:fs";

/** @param {string} name */
const sample = (name) => JSON.parse(readFileSync(new URL("samples/" + name, import.meta.url), "utf8"));

export const INDEX = sample("papers-index.json");

const SEARCH_DIR = "assets/mkdocs_digest/search/";
const shards = readdirSync(new URL("samples/search/", import.meta.url)).filter((f) =>
  f.startsWith("terms-")
).length;

/** Where the sample's paper search files are, as a page's settings say. */
export const SEARCH = {
  terms: SEARCH_DIR + "terms-{k}.json",
  papers: SEARCH_DIR + "papers-{k}.json",
  shards,
  chunk: 8,
};

/** The files a query fetched, by path from the site's root. */
export const fetched = [];

/** @param {string} path a file of the paper search, from the site's root */
export async function fetchFile(path) {
  fetched.push(path);
  return sample("search/" + path.slice(SEARCH_DIR.length));
}
