/* The paper search in Material's search box: its results, above the pages Material
   finds, each paper once at its home card, with both titles, its id, authors and
   week, and the words found marked; the engine is search.js. */

import { ROOT, counted, element, load, pageSettings } from "./core.js";
import { firstMatch, found, records, shownAuthors } from "./search.js";

/** @typedef {import("./core.js").Settings} Settings */
/** @typedef {import("./core.js").SearchFiles} SearchFiles */
/** @typedef {import("./search.js").Hit} Hit */
/** @typedef {import("./search.js").SearchRecord} SearchRecord */

const SHOWN = 10; // first results; the next ones open under "N more"
const MOST = 50; // of all found, counted

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
 * @param {SearchRecord} record
 * @param {number} score
 * @param {string[]} words
 * @param {Record<string, string>} labels
 * @returns {HTMLLIElement}
 */
function result(record, score, words, labels) {
  const [id, title, titleJa, authors, url, week, text] = record;
  const li = /** @type {HTMLLIElement} */ (element("li", "md-search-result__item digest-search__item"));
  const link = /** @type {HTMLAnchorElement} */ (element("a", "md-search-result__link"));
  link.tabIndex = -1;
  link.href = (ROOT || "") + url;
  const article = element("article", "md-search-result__article md-typeset");
  article.dataset.mdScore = String(score); // Material's Enter goes to the best
  article.appendChild(element("h1", "", title, "en"));
  if (titleJa) article.appendChild(element("p", "digest-search__title-ja", titleJa, "ja"));
  const shownWeek = week ? labels.week_of.replace("{date}", week) : "";
  const meta = [id, shownAuthors(authors, words), shownWeek].filter(Boolean).join(" · ");
  article.appendChild(element("p", "digest-search__meta", meta));
  if (text) article.appendChild(snippet(text, words));
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
 * The papers found: the first SHOWN now, their records fetched; the rest under
 * "N more", fetched when it opens.
 * @param {HTMLElement} group
 * @param {{hits: Hit[], terms: string[]}} answer
 * @param {SearchFiles} files
 * @param {Record<string, string>} labels
 * @returns {Promise<void>}
 */
async function showPapers(group, answer, files, labels) {
  const { hits, terms: words } = answer;
  const shown = hits.slice(0, SHOWN);
  const first = await records(shown.map((hit) => hit.n), files, fetchFile);
  const meta = /** @type {HTMLElement} */ (group.firstChild);
  const list = /** @type {HTMLElement} */ (meta.nextSibling);
  list.textContent = "";
  group.querySelector("details")?.remove();
  meta.textContent = counted(labels, "n_papers", hits.length);
  shown.forEach((hit, i) => list.appendChild(result(first[i], hit.score, words, labels)));
  const rest = hits.slice(SHOWN, MOST);
  if (!rest.length) return;
  const more = /** @type {HTMLDetailsElement} */ (element("details", "md-search-result__more digest-search__more"));
  const summary = more.appendChild(element("summary", "", counted(labels, "search_more", rest.length)));
  summary.tabIndex = -1;
  const extra = more.appendChild(element("ol", "md-search-result__list"));
  more.addEventListener("toggle", () => {
    if (!more.open || extra.firstChild) return;
    records(rest.map((hit) => hit.n), files, fetchFile).then((found) => {
      if (extra.firstChild) return;
      rest.forEach((hit, i) => extra.appendChild(result(found[i], hit.score, words, labels)));
    });
  });
  group.appendChild(more);
}

/** @returns {Settings | null} the settings, where the theme's search box answers papers */
function searchSettings() {
  const s = pageSettings();
  return s.search && ROOT ? s : null;
}

/**
 * A file of the index, from the site's root (fetched once per page view).
 * @param {string} path
 * @returns {Promise<any>}
 */
function fetchFile(path) {
  return load(ROOT + path);
}

let asked = 0;

/** @param {HTMLInputElement} input */
function answer(input) {
  const s = searchSettings();
  const box = /** @type {HTMLElement | null} */ (input.closest(".md-search")?.querySelector(".md-search-result") ?? null);
  if (!s || !s.search || !box) return;
  const files = s.search;
  const group = searchGroup(box);
  const query = input.value;
  const ticket = ++asked;
  if (!query.trim()) {
    group.hidden = true;
    own(box);
    return;
  }
  if (group.hidden) {
    group.hidden = false;
    /** @type {HTMLElement} */ (group.firstChild).textContent = s.labels.filter_loading;
  }
  found(query, files, fetchFile)
    .then(async (got) => {
      if (ticket !== asked) return;
      await showPapers(group, got, files, s.labels); // its count too: none found
      if (ticket !== asked) return;
      group.hidden = !got.hits.length;
      own(box);
    })
    .catch(() => {
      group.hidden = true;
      own(box);
    });
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
  document.addEventListener("reset", (event) => {
    const form = /** @type {Element} */ (event.target);
    const input = form.querySelector && form.querySelector("input.md-search__input");
    if (input instanceof HTMLInputElement) setTimeout(() => answer(input));
  });
}
