import { FOLD_TABLE } from "./fold-table.js";

/* The small core every feature shares: the page's settings, the site's root, the
   data files, the anchor of a paper, the fold, matching and a listing row. Digest
   text only ever reaches the page as textContent. */

/**
 * The build's settings for this script (formats/head.py, ScriptSettings).
 * @typedef {object} Settings
 * @property {Record<string, string>} labels
 * @property {SearchFiles} [search] the paper search's index (formats/search_index.py)
 * @property {string} [citations] the papers' BibTeX chunks, from the site's root, `{k}` the chunk
 * @property {number} [citation_chunks] how many chunks
 * @property {string} [explorer] the explorer page's URL, from the site's root
 * @property {string} [weeks] what is new (formats/weeks.py), from the site's root
 * @property {string} [near] the papers' word vectors (formats/neighbours.py), `{k}` the chunk
 * @property {string} [near_week] the vectors of a week's papers, `{week}` its date
 * @property {number} [near_chunks] how many chunks
 */

/**
 * Where the paper search's index is, from the site's root: `{k}` a shard's or a
 * chunk's number.
 * @typedef {object} SearchFiles
 * @property {string} terms
 * @property {string} papers
 * @property {number} shards
 * @property {number} chunk papers in a chunk of records
 */

/**
 * A paper in the filter index: arXiv id, title, Japanese title, authors, categories.
 * @typedef {[string, string, string, string, string]} PaperRecord
 */

/**
 * The filter index (formats/filter_index.py).
 * @typedef {object} FilterIndex
 * @property {PaperRecord[]} papers
 * @property {string[]} pages
 * @property {string[]} weeks
 * @property {Array<[number] | [number, string]>} home
 * @property {Record<string, Array<Array<number | string>>>} lists
 * @property {Record<string, string>} [names]
 */

/**
 * A paper as a listing shows it.
 * @typedef {object} Row
 * @property {PaperRecord} paper
 * @property {string} page its card's page, from the site's root
 * @property {string} week ISO date, or ""
 * @property {string} anchor its card's id
 * @property {string} text its fields folded, for matching
 */

/**
 * A key of this site's in the browser's storage (`mkdocs-digest:starred:/docs/`):
 * sites on one host keep their own.
 * @param {string} name
 * @returns {string}
 */
export function storageKey(name) {
  return "mkdocs-digest:" + name + ":" + (ROOT ? new URL(ROOT).pathname : "/");
}

/** The site's root URL, from this script's own address (assets/mkdocs_digest/). */
export const ROOT =
  typeof document !== "undefined" && document.currentScript instanceof HTMLScriptElement
    ? new URL("../../", document.currentScript.src).href
    : null;

/**
 * Text folded for matching, as domain/text.py folds it: NFKC (full-width Latin to
 * half-width, half-width katakana to full-width), then case folded.
 * @param {string} text
 * @returns {string}
 */
export function fold(text) {
  return caseFold(text.normalize("NFKC"));
}

/**
 * Full case folding where it differs from lower case (ß → ss, final sigma), as
 * Python's str.casefold does it: the table is made from Python (js/fold_table.py).
 * @param {string} text
 * @returns {string}
 */
function caseFold(text) {
  const lower = text.toLowerCase();
  return FOLDS.test(lower) ? lower.replace(ALL_FOLDS, (c) => FOLD_TABLE[c] || c) : lower;
}

// Tested with .test() and used with .replace(): not global (.test() would move lastIndex).
const FOLDS = new RegExp("[" + Object.keys(FOLD_TABLE).join("").replace(/[\\\]^-]/g, "\\$&") + "]", "u");
const ALL_FOLDS = new RegExp(FOLDS.source, "gu");

/**
 * FNV-1a, 32 bits, over the text's UTF-8 bytes, as domain/text.py's fnv1a: where a
 * term or a paper goes among a site file's chunks.
 * @param {string} text
 * @returns {number}
 */
export function fnv1a(text) {
  let hashed = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hashed = Math.imul(hashed ^ byte, 0x01000193) >>> 0;
  return hashed;
}

/**
 * A query's terms: folded, split at spaces.
 * @param {string} query
 * @returns {string[]}
 */
export function terms(query) {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * Whether folded `text` holds every term.
 * @param {string} text
 * @param {string[]} words
 * @returns {boolean}
 */
export function matchesAll(text, words) {
  return words.every((term) => text.includes(term));
}

/**
 * The id of a paper's card, as domain/model.py's anchor_for makes it.
 * @param {string} arxivId
 * @returns {string}
 */
export function anchorFor(arxivId) {
  return "arxiv-" + arxivId.replace(/[^A-Za-z0-9.-]/g, "-");
}

/**
 * An element holding digest text as text, never as markup.
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 * @param {string} [lang]
 * @returns {HTMLElement}
 */
export function element(tag, className, text, lang) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (lang) made.lang = lang;
  if (text !== undefined) made.textContent = text;
  return made;
}

/**
 * A value of a JSON object keyed by digest text: never one of Object.prototype's.
 * @template T
 * @param {Record<string, T>} object
 * @param {string} key
 * @returns {T | undefined}
 */
export function ownValue(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** @type {Record<string, Promise<any>>} */
const loaded = {}; // a data file's URL (absolute) -> the promise of its parsed JSON

/**
 * A data file of the build, fetched once per page view.
 * @param {string} url
 * @returns {Promise<any>}
 */
export function load(url) {
  if (!loaded[url]) {
    loaded[url] = location.protocol === "file:" ? loadScript(url) : fetchJson(url);
    loaded[url].catch(() => {
      delete loaded[url];
    });
  }
  return loaded[url];
}

/**
 * @param {string} url
 * @returns {Promise<any>}
 */
async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status + " " + url);
  return response.json();
}

/**
 * Pages opened from file:// (Material's offline plugin) cannot fetch a file, but may
 * load a script: the build writes each data file as one too (papers-index.js).
 * @param {string} url
 * @returns {Promise<any>}
 */
function loadScript(url) {
  const name = url.slice(url.lastIndexOf("/") + 1);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url.replace(/\.json$/, ".js");
    script.onload = () => {
      const data = window.mkdocsDigest && window.mkdocsDigest[name];
      if (data) resolve(data);
      else reject(new Error("no data in " + script.src));
    };
    script.onerror = () => reject(new Error("cannot load " + script.src));
    document.head.appendChild(script);
  });
}

/** @type {Settings | null} */
let settings = null;

/** @returns {Settings} */
export function pageSettings() {
  if (!settings) {
    const found = document.getElementById("digest-settings");
    settings = found ? JSON.parse(found.textContent || "{}") : { labels: {} };
  }
  return /** @type {Settings} */ (settings);
}

/**
 * A label with its count: its form for n's CLDR plural category in the labels'
 * language (`n_papers_one`: 1 in English, 0 and 1 in French), as domain/labels.py
 * picks it with Babel.
 * @param {Record<string, string>} labels
 * @param {string} key
 * @param {number} n
 * @returns {string}
 */
export function counted(labels, key, n) {
  const form = pluralRules(labels.language || "en").select(n);
  return (ownValue(labels, key + "_" + form) || labels[key]).replace("{n}", String(n));
}

/** @type {Map<string, Intl.PluralRules>} */
const rules = new Map();

/** @param {string} language */
function pluralRules(language) {
  let made = rules.get(language);
  if (!made) {
    try {
      made = new Intl.PluralRules(language);
    } catch {
      made = new Intl.PluralRules("en"); // a tag the browser does not know
    }
    rules.set(language, made);
  }
  return made;
}

/**
 * A listing's rows, in its order, from the filter index.
 * @param {FilterIndex} index
 * @param {string} list e.g. "topic:sd"
 * @returns {Row[]}
 */
export function rows(index, list) {
  return (ownValue(index.lists, list) || []).map((row) => {
    const paper = index.papers[/** @type {number} */ (row[0])];
    const page = /** @type {number} */ (row[1]);
    return {
      paper,
      page: index.pages[page],
      week: (index.weeks || [])[page] || "",
      anchor: /** @type {string | undefined} */ (row[2]) || anchorFor(paper[0]),
      text: fold(paper.join(" ")),
    };
  });
}

/**
 * A paper's row, as topic_week.html draws it from what the index holds: title,
 * Japanese title, then its authors, its id and its week. The filter's and the
 * explorer's rows are this one.
 * @param {PaperRecord} paper
 * @param {string} href
 * @param {string} week the week's label, or ""
 * @param {HTMLElement} [star] a star button, after the title
 * @returns {{item: HTMLLIElement, authors: HTMLElement}}
 */
export function listItem(paper, href, week, star) {
  const item = /** @type {HTMLLIElement} */ (element("li", "digest-listing__item"));
  const link = /** @type {HTMLAnchorElement} */ (element("a", "digest-listing__title", paper[1], "en"));
  link.href = href;
  item.appendChild(link);
  if (star) item.appendChild(star);
  if (paper[2]) item.appendChild(element("span", "digest-listing__title-ja", paper[2], "ja"));
  const meta = element("span", "digest-listing__meta");
  const authors = element("span", "", paper[3], "en");
  meta.appendChild(authors);
  const rest = [paper[0], week].filter(Boolean).join(" · ");
  meta.appendChild(document.createTextNode((paper[3] ? " · " : "") + rest));
  item.appendChild(meta);
  return { item, authors };
}
