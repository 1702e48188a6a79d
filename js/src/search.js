/* Site search: Material's search box answers paper queries from the plugin's own
   index (formats/search_index.py), each paper once, at its home card, above the
   pages Material finds. The index is split: a query fetches the shards of its own
   terms, then the records of the papers it shows, never the whole catalogue. Terms
   are made as the build makes them: the arXiv id whole, words folded and stemmed,
   and pairs of neighbouring CJK characters (a Japanese word is found wherever it
   stands). Titles weigh above authors, categories and text. */

import { fnv1a, fold } from "./core.js";

/** @typedef {import("./core.js").SearchFiles} SearchFiles */

/**
 * A paper's record (formats/search_index.py): id, title, Japanese title, authors,
 * card URL from the site's root, week, text.
 * @typedef {[string, string, string, string, string, string, string]} SearchRecord
 */

/**
 * A term of a query: the index's terms it needs, all of them (a CJK word's pairs).
 * @typedef {{kind: "id" | "word" | "cjk", tokens: string[]}} QueryTerm
 */

/** @typedef {{n: number, score: number}} Hit */

const WEIGHTS = [4, 8, 8, 4, 2, 1]; // arXiv id, title, title_ja, authors, categories, text
const ARXIV = /^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$/;
const CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af";
const TERM = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, "gu");
const CJK_RUN = new RegExp(`^[${CJK}]+$`, "u");
const STOP = new Set(
  ("a an the and or of on in for to with by from at as via is are be we our this that " +
    "these those its it into").split(" ")
);

/**
 * A word without the endings of number and tense, and a final e (shuffle, shuffled
 * and shuffling are one), as formats/search_index.py's stem.
 * @param {string} word
 * @returns {string}
 */
export function stem(word) {
  const base = withoutEnding(word);
  return base.length > 4 && base.endsWith("e") ? base.slice(0, -1) : base;
}

/**
 * @param {string} word
 * @returns {string}
 */
function withoutEnding(word) {
  const n = word.length;
  if (n > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (n > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (n > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (n > 4 && ["ches", "shes", "sses", "xes"].some((end) => word.endsWith(end))) {
    return word.slice(0, -2);
  }
  if (n > 3 && word.endsWith("s") && !["ss", "us", "is"].some((end) => word.endsWith(end))) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * The terms of a query, as the index's terms are made from a field's text.
 * @param {string} query
 * @returns {QueryTerm[]}
 */
export function queryTerms(query) {
  /** @type {QueryTerm[]} */
  const found = [];
  for (const word of fold(query).split(/\s+/).filter(Boolean)) {
    const id = ARXIV.exec(word);
    if (id) {
      found.push({ kind: "id", tokens: [id[1]] });
      continue;
    }
    for (const run of word.match(TERM) || []) {
      if (!CJK_RUN.test(run)) {
        if (!STOP.has(run)) found.push({ kind: "word", tokens: [stem(run)] });
      } else if (run.length === 1) {
        found.push({ kind: "cjk", tokens: [run] });
      } else {
        const pairs = [];
        for (let i = 0; i + 1 < run.length; i++) pairs.push(run.slice(i, i + 2));
        found.push({ kind: "cjk", tokens: pairs });
      }
    }
  }
  return found;
}

/**
 * The papers that hold every term, best first, newer first among equals. A term's
 * weight is its best field's; a CJK word's fields are those all its pairs are in;
 * the exact id weighs most; every term in one title adds.
 * @param {QueryTerm[]} asked
 * @param {Map<string, number[]>} postings token -> [n * 64 + fields, ...]
 * @returns {Hit[]}
 */
export function rank(asked, postings) {
  /** @type {Map<number, number>[]} */
  const masks = asked.map((term) => {
    /** @type {Map<number, number> | null} */
    let mine = null;
    for (const token of term.tokens) {
      /** @type {Map<number, number>} */
      const here = new Map();
      for (const packed of postings.get(token) || []) {
        const n = Math.floor(packed / 64);
        if (!mine || mine.has(n)) here.set(n, (mine ? /** @type {number} */ (mine.get(n)) : 63) & packed % 64);
      }
      mine = here;
    }
    return mine || new Map();
  });
  if (!masks.length) return [];
  /** @type {Hit[]} */
  const hits = [];
  for (const [n] of masks[0]) {
    let score = 0;
    let inTitles = 6; // bits 2 and 4: each term in the title, or each in the Japanese one
    for (let t = 0; t < masks.length && score >= 0; t++) {
      const mask = masks[t].get(n);
      if (!mask) {
        score = -1;
        break;
      }
      let best = asked[t].kind === "id" && mask & 1 ? 100 : 0;
      WEIGHTS.forEach((weight, bit) => {
        if (mask & (1 << bit)) best = Math.max(best, weight);
      });
      score += best;
      inTitles &= mask;
    }
    if (score > 0) hits.push({ n, score: score + (masks.length > 1 && inTitles ? 8 : 0) });
  }
  hits.sort((a, b) => b.score - a.score || b.n - a.n);
  return hits;
}

/**
 * The papers a query finds, best first: the shards of its terms fetched.
 * @param {string} query
 * @param {SearchFiles} files
 * @param {(path: string) => Promise<any>} fetchFile a path from the site's root -> its JSON
 * @returns {Promise<{hits: Hit[], terms: string[]}>}
 */
export async function found(query, files, fetchFile) {
  const asked = queryTerms(query);
  const tokens = [...new Set(asked.flatMap((term) => term.tokens))];
  const shards = [...new Set(tokens.map((t) => fnv1a(t) % files.shards))];
  /** @type {Record<string, number[]>[]} */
  const loaded = await Promise.all(shards.map((k) => fetchFile(files.terms.replace("{k}", String(k)))));
  /** @type {Map<string, number[]>} */
  const postings = new Map();
  for (const shard of loaded) {
    for (const token of tokens) {
      if (Object.prototype.hasOwnProperty.call(shard, token)) postings.set(token, shard[token]);
    }
  }
  const words = fold(query).split(/\s+/).filter(Boolean);
  return { hits: rank(asked, postings), terms: words };
}

/**
 * The records of these papers, from the chunks that hold them.
 * @param {number[]} numbers
 * @param {SearchFiles} files
 * @param {(path: string) => Promise<any>} fetchFile
 * @returns {Promise<SearchRecord[]>}
 */
export async function records(numbers, files, fetchFile) {
  const chunks = [...new Set(numbers.map((n) => Math.floor(n / files.chunk)))];
  /** @type {SearchRecord[][]} */
  const loaded = await Promise.all(chunks.map((c) => fetchFile(files.papers.replace("{k}", String(c)))));
  const byChunk = new Map(chunks.map((c, i) => [c, loaded[i]]));
  return numbers.map((n) => /** @type {SearchRecord[]} */ (byChunk.get(Math.floor(n / files.chunk)))[n % files.chunk]);
}

/**
 * Where in `text` the earliest term is found by the fold, in `text`'s own offsets
 * (a full-width "ＤＰ" is found by "dp": the mark covers the full-width letters).
 * @param {string} text
 * @param {string[]} words folded terms
 * @returns {{start: number, end: number} | null}
 */
export function firstMatch(text, words) {
  /** @type {number[]} */
  const starts = []; // offset in `text` of each code unit of the folded text
  let folded = "";
  for (let i = 0; i < text.length; ) {
    const point = /** @type {number} */ (text.codePointAt(i));
    const char = String.fromCodePoint(point);
    const made = fold(char);
    for (let k = 0; k < made.length; k++) starts.push(i);
    folded += made;
    i += char.length;
  }
  starts.push(text.length);
  let best = null;
  for (const term of words) {
    const at = folded.indexOf(term);
    if (at === -1 || (best && starts[at] >= best.start)) continue;
    const end = starts.findIndex((offset, k) => k >= at + term.length && offset > starts[at + term.length - 1]);
    best = { start: starts[at], end: end === -1 ? text.length : starts[end] };
  }
  return best;
}

/**
 * The first three authors, and any further one the query names: the reason it was
 * found.
 * @param {string} names
 * @param {string[]} words
 * @returns {string}
 */
export function shownAuthors(names, words) {
  const authors = names.split(", ");
  if (authors.length <= 3) return names;
  const named = authors.slice(3).filter((name) => words.some((term) => fold(name).includes(term)));
  const last = named.length && named[named.length - 1] === authors[authors.length - 1];
  return authors.slice(0, 3).concat(named.length ? ["…", ...named] : []).join(", ") + (last ? "" : ", …");
}
