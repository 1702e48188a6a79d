/* Site search: Material's search box answers paper queries from the plugin's own
   index (formats/paper_search.py), each paper once, at its home card, above the pages
   Material finds. Matching is by substring of the folded text, so a Japanese word is
   found wherever it stands; titles weigh above authors, categories and text. */

import { ROOT, anchorFor, counted, element, fold, load, pageSettings } from "./core.js";

/** @typedef {import("./core.js").PaperRecord} PaperRecord */
/** @typedef {import("./core.js").Settings} Settings */

/**
 * A paper as search weighs it.
 * @typedef {object} SearchPaper
 * @property {PaperRecord} paper
 * @property {string} text its bullets, commentary and comment
 * @property {string} url its home card
 * @property {string} week
 * @property {string[]} fields id, title, title_ja, authors, categories, text: folded
 * @property {number} order its place in the index (older first)
 */

/** @typedef {{entry: SearchPaper, score: number}} Hit */

const SHOWN = 10; // first results; the next ones open under "N more"
const MOST = 50;
const WEIGHTS = [4, 8, 8, 4, 2, 1]; // arXiv id, title, title_ja, authors, categories, text
const ARXIV = /^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$/;

/**
 * The papers from the filter index and the papers' text.
 * @param {import("./core.js").FilterIndex} index
 * @param {string[]} texts
 * @param {string} root the site's root URL
 * @returns {SearchPaper[]}
 */
export function searchPapers(index, texts, root) {
  return index.papers.map((paper, n) => {
    const home = index.home[n];
    return {
      paper,
      text: texts[n] || "",
      url: root + index.pages[home[0]] + "#" + (home[1] || anchorFor(paper[0])),
      week: index.weeks[home[0]] || "",
      fields: [...paper, texts[n] || ""].map(fold),
      order: n,
    };
  });
}

/**
 * A query's terms, an arXiv id written as `arXiv:2404.01234v2` as its bare id.
 * @param {string} query
 * @returns {string[]}
 */
export function queryTerms(query) {
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => {
      const id = ARXIV.exec(term);
      return id ? id[1] : term;
    });
}

/**
 * A paper's score for the terms: each term counts once, by the best field it is in
 * (a title outweighs others; the exact id most); the whole query in a title adds.
 * 0: a term is missing.
 * @param {SearchPaper} entry
 * @param {string[]} words
 * @param {string} phrase the folded query
 * @returns {number}
 */
export function score(entry, words, phrase) {
  let total = 0;
  for (const term of words) {
    let best = entry.fields[0] === term ? 100 : 0;
    for (let f = 0; f < WEIGHTS.length; f++) {
      if (entry.fields[f].includes(term)) best = Math.max(best, WEIGHTS[f]);
    }
    if (!best) return 0;
    total += best;
  }
  if (entry.fields[1].includes(phrase) || entry.fields[2].includes(phrase)) total += 8;
  return total;
}

/**
 * The papers a query finds, best first, newest first among equals.
 * @param {SearchPaper[]} all
 * @param {string} query
 * @returns {{hits: Hit[], terms: string[]}}
 */
export function found(all, query) {
  const words = queryTerms(query);
  if (!words.length) return { hits: [], terms: words };
  const phrase = fold(query).trim();
  /** @type {Hit[]} */
  const hits = [];
  for (const entry of all) {
    const points = score(entry, words, phrase);
    if (points) hits.push({ entry, score: points });
  }
  hits.sort((a, b) => b.score - a.score || b.entry.order - a.entry.order);
  return { hits, terms: words };
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
 * The text around the first term found, the term marked.
 * @param {string} text
 * @param {string[]} words
 * @returns {HTMLParagraphElement}
 */
function snippet(text, words) {
  const p = document.createElement("p");
  const match = firstMatch(text, words);
  if (!match) {
    p.textContent = text.slice(0, 120);
    return p;
  }
  const from = Math.max(0, match.start - 40);
  p.appendChild(document.createTextNode((from ? "…" : "") + text.slice(from, match.start)));
  p.appendChild(element("mark", "", text.slice(match.start, match.end)));
  p.appendChild(document.createTextNode(text.slice(match.end, match.start + 120)));
  return p;
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

/**
 * @param {Hit} hit
 * @param {string[]} words
 * @param {Record<string, string>} labels
 * @returns {HTMLLIElement}
 */
function result(hit, words, labels) {
  const { entry } = hit;
  const paper = entry.paper;
  const li = /** @type {HTMLLIElement} */ (element("li", "md-search-result__item digest-search__item"));
  const link = /** @type {HTMLAnchorElement} */ (element("a", "md-search-result__link"));
  link.tabIndex = -1;
  link.href = entry.url;
  const article = element("article", "md-search-result__article md-typeset");
  article.dataset.mdScore = String(hit.score); // Material's Enter goes to the best
  article.appendChild(element("h1", "", paper[1], "en"));
  if (paper[2]) article.appendChild(element("p", "digest-search__title-ja", paper[2], "ja"));
  const week = entry.week ? labels.week_of.replace("{date}", entry.week) : "";
  const meta = [paper[0], shownAuthors(paper[3], words), week].filter(Boolean).join(" · ");
  article.appendChild(element("p", "digest-search__meta", meta));
  if (entry.text) article.appendChild(snippet(entry.text, words));
  link.appendChild(article);
  li.appendChild(link);
  return li;
}

/**
 * The papers' group in Material's search result, made on first use.
 * @param {HTMLElement} box Material's `.md-search-result`
 * @returns {HTMLElement}
 */
function searchGroup(box) {
  const existing = /** @type {HTMLElement | null} */ (box.querySelector(".digest-search"));
  if (existing) return existing;
  const group = element("div", "digest-search");
  group.hidden = true;
  group.appendChild(element("div", "md-search-result__meta digest-search__status"));
  group.appendChild(element("ol", "md-search-result__list"));
  // First in the result: Material counts its own results in the meta line below,
  // and its Enter key weighs every result's score, ours included.
  box.insertBefore(group, box.firstChild);
  const theirs = box.querySelector(":scope > ol.md-search-result__list");
  if (theirs) new MutationObserver(() => own(box)).observe(theirs, { childList: true });
  return group;
}

/**
 * Material's "no matching documents" under papers found reads as if none were.
 * @param {HTMLElement} box
 */
function own(box) {
  const group = /** @type {HTMLElement | null} */ (box.querySelector(".digest-search"));
  const theirs = box.querySelector(":scope > ol.md-search-result__list");
  const ours = group && !group.hidden && group.querySelector("li");
  box.classList.toggle("digest-search--papers-only", !!ours && !!theirs && !theirs.children.length);
}

/**
 * @param {HTMLElement} group
 * @param {{hits: Hit[], terms: string[]}} answer
 * @param {Record<string, string>} labels
 */
function showPapers(group, answer, labels) {
  const meta = /** @type {HTMLElement} */ (group.firstChild);
  const list = /** @type {HTMLElement} */ (meta.nextSibling);
  list.textContent = "";
  group.querySelector("details")?.remove();
  const { hits, terms: words } = answer;
  meta.textContent = counted(labels, "n_papers", hits.length);
  for (const hit of hits.slice(0, SHOWN)) list.appendChild(result(hit, words, labels));
  const rest = hits.slice(SHOWN, MOST);
  if (!rest.length) return;
  const more = /** @type {HTMLDetailsElement} */ (element("details", "md-search-result__more digest-search__more"));
  const summary = more.appendChild(element("summary", "", counted(labels, "search_more", rest.length)));
  summary.tabIndex = -1;
  const extra = more.appendChild(element("ol", "md-search-result__list"));
  more.addEventListener("toggle", () => {
    if (!more.open || extra.firstChild) return;
    for (const hit of rest) extra.appendChild(result(hit, words, labels));
  });
  group.appendChild(more);
}

/** @returns {Settings | null} the settings, where the theme's search box answers papers */
function searchSettings() {
  const s = pageSettings();
  return s.index && s.text && ROOT ? s : null;
}

/** @type {Promise<SearchPaper[]> | null} */
let papers = null;

/** @returns {Promise<SearchPaper[]>} */
function searchable() {
  const s = /** @type {Settings} */ (searchSettings());
  if (!papers) {
    const root = /** @type {string} */ (ROOT);
    papers = Promise.all([load(root + s.index), load(root + s.text)]).then(([index, texts]) =>
      searchPapers(index, texts.text, root)
    );
    papers.catch(() => {
      papers = null;
    });
  }
  return papers;
}

let asked = 0;

/** @param {HTMLInputElement} input */
function answer(input) {
  const s = searchSettings();
  const box = /** @type {HTMLElement | null} */ (input.closest(".md-search")?.querySelector(".md-search-result") ?? null);
  if (!s || !box) return;
  const group = searchGroup(box);
  const query = input.value;
  const ticket = ++asked;
  if (!query.trim()) {
    group.hidden = true;
    own(box);
    return;
  }
  if (!papers) {
    group.hidden = false;
    /** @type {HTMLElement} */ (group.firstChild).textContent = s.labels.filter_loading;
  }
  searchable().then(
    (all) => {
      if (ticket !== asked) return;
      const got = found(all, query);
      group.hidden = !got.hits.length;
      showPapers(group, got, s.labels);
      own(box);
    },
    () => {
      group.hidden = true;
      own(box);
    }
  );
}

/**
 * @param {EventTarget | null} target
 * @returns {target is HTMLInputElement}
 */
function isSearchBox(target) {
  return target instanceof HTMLInputElement && target.matches("input.md-search__input");
}

/** Listen to Material's search box, on every page instant navigation brings. */
export function listenForSearch() {
  document.addEventListener("input", (event) => {
    if (isSearchBox(event.target)) answer(event.target);
  });
  document.addEventListener("focusin", (event) => {
    // Fetch while the reader types the first letters.
    if (isSearchBox(event.target) && searchSettings()) searchable();
  });
  document.addEventListener("reset", (event) => {
    const form = /** @type {Element} */ (event.target);
    const input = form.querySelector && form.querySelector("input.md-search__input");
    if (input instanceof HTMLInputElement) setTimeout(() => answer(input));
  });
}
