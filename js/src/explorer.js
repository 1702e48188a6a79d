/* The explorer: every paper, filtered by text and facets, a page at a time. */

import { anchorFor, fold, listItem, load, ownValue, terms } from "./core.js";
import { linkAuthors } from "./authors.js";
import { bibtexOf, copied } from "./citations.js";
import { starButton, starred } from "./stars.js";

/** @typedef {import("./core.js").FilterIndex} FilterIndex */
/** @typedef {import("./core.js").PaperRecord} PaperRecord */
/** @typedef {"topic" | "category" | "month" | "author"} Facet */

/**
 * A paper of the explorer.
 * @typedef {object} ExplorerPaper
 * @property {number} n its place in the index
 * @property {PaperRecord} paper
 * @property {string} url its home card
 * @property {string} week
 * @property {Record<Facet, string[]>} facets
 * @property {string} text its fields folded
 */

/**
 * @typedef {object} ExplorerState
 * @property {string} q
 * @property {string} topic
 * @property {string} category
 * @property {string} month
 * @property {string} author
 * @property {boolean} starred
 * @property {number} page
 */

/** @type {Facet[]} */
export const FACETS = ["topic", "category", "month", "author"];
const PER_PAGE = 50;
const MOST_AUTHORS = 40; // the author facet offers the most frequent of those typed

/** @returns {ExplorerState} */
function fresh() {
  return { q: "", topic: "", category: "", month: "", author: "", starred: false, page: 1 };
}

/**
 * Every paper of the index, newest week first, with its facets.
 * @param {FilterIndex} index
 * @param {string} base the site's root URL
 * @returns {ExplorerPaper[]}
 */
export function explorerPapers(index, base) {
  /** @type {string[][]} */
  const topics = index.papers.map(() => []);
  for (const key of Object.keys(index.lists)) {
    if (!key.startsWith("topic:")) continue;
    const slug = key.slice(6);
    for (const row of index.lists[key]) {
      const of = topics[/** @type {number} */ (row[0])];
      if (!of.includes(slug)) of.push(slug);
    }
  }
  const all = index.papers.map((paper, n) => {
    const home = index.home[n];
    const week = index.weeks[home[0]] || "";
    return {
      n,
      paper,
      url: base + index.pages[home[0]] + "#" + (home[1] || anchorFor(paper[0])),
      week,
      facets: {
        topic: topics[n],
        category: paper[4] ? paper[4].split(" ") : [],
        month: week ? [week.slice(0, 7)] : [],
        author: paper[3] ? paper[3].split(", ") : [],
      },
      text: fold(paper.slice(0, 5).join(" ")),
    };
  });
  all.sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : b.n - a.n));
  return all;
}

/**
 * Whether a paper passes the state's facets (but `skip`), its terms and its stars.
 * @param {ExplorerPaper} entry
 * @param {ExplorerState} state
 * @param {string[]} words
 * @param {Facet | null} skip
 * @param {string[] | null} stars
 * @returns {boolean}
 */
export function matches(entry, state, words, skip, stars) {
  if (stars && !stars.includes(entry.paper[0])) return false;
  for (const facet of FACETS) {
    if (facet !== skip && state[facet] && !entry.facets[facet].includes(state[facet])) return false;
  }
  return words.every((term) => entry.text.includes(term));
}

/**
 * A facet's values among the papers the rest of the state lets through, with their
 * counts, in the order the control lists them; the chosen value always among them.
 * `typed` (folded): only values that hold it, as the author control offers any
 * author by typing a part of the name.
 * @param {ExplorerPaper[]} all
 * @param {ExplorerState} state
 * @param {Facet} facet
 * @param {string[]} words
 * @param {string[] | null} stars
 * @param {string} [typed]
 * @returns {{values: string[], counts: Map<string, number>}}
 */
export function facetCounts(all, state, facet, words, stars, typed = "") {
  // A Map: the values are digest text, and an author may be named `__proto__`.
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const entry of all) {
    if (!matches(entry, state, words, facet, stars)) continue;
    for (const v of entry.facets[facet]) counts.set(v, (counts.get(v) || 0) + 1);
  }
  let values = Array.from(counts.keys());
  if (facet === "month") values.sort().reverse();
  else values.sort((a, b) => (counts.get(b) || 0) - (counts.get(a) || 0) || (a < b ? -1 : 1));
  if (typed) values = values.filter((v) => fold(v).includes(typed));
  if (facet === "author") values = values.slice(0, MOST_AUTHORS);
  if (state[facet] && !values.includes(state[facet])) values.unshift(state[facet]);
  return { values, counts };
}

/**
 * The state a URL's parameters give.
 * @param {URLSearchParams} params
 * @returns {ExplorerState}
 */
export function stateFrom(params) {
  const state = fresh();
  state.q = params.get("filter") || "";
  for (const facet of FACETS) state[facet] = params.get(facet) || "";
  state.starred = params.get("starred") === "1";
  state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  return state;
}

/**
 * @param {ExplorerState} state
 * @param {URLSearchParams} params changed in place
 */
function writeState(state, params) {
  for (const k of ["filter", ...FACETS, "starred", "page"]) params.delete(k);
  if (state.q) params.set("filter", state.q);
  for (const facet of FACETS) if (state[facet]) params.set(facet, state[facet]);
  if (state.starred) params.set("starred", "1");
  if (state.page > 1) params.set("page", String(state.page));
}

/**
 * Make the explorer work (once per page).
 * @param {HTMLElement} root
 */
export function setupExplorer(root) {
  if (root.dataset.digestReady) return;
  root.dataset.digestReady = "1";
  const form = /** @type {HTMLFormElement} */ (root.querySelector("form"));
  /** @param {string} selector */
  const find = (selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
  const input = /** @type {HTMLInputElement} */ (find("input[name=filter]"));
  const status = find(".digest-explorer__status");
  const results = find(".digest-explorer__results");
  const pager = find(".digest-explorer__pages");
  const starredOnly = /** @type {HTMLInputElement} */ (find("[data-digest-starred]"));
  const bib = find(".digest-explorer__bib");
  /** @type {Record<string, HTMLSelectElement | HTMLInputElement>} */
  const controls = {};
  for (const f of FACETS) controls[f] = /** @type {HTMLSelectElement} */ (find(`[data-facet=${f}]`));
  // Authors are too many for a list: typed, with the names that hold what is typed
  // offered in the input's datalist.
  const author = /** @type {HTMLInputElement} */ (controls.author);
  const words = root.dataset; // the page's labels ride on the template
  let state = stateFrom(new URL(location.href).searchParams);
  /** @type {ExplorerPaper[] | null} */
  let all = null;
  /** @type {Record<string, string>} */
  let names = {};
  /** @type {ExplorerPaper[]} */
  let shown = [];

  /**
   * @param {Facet} facet
   * @param {ExplorerPaper[]} papers
   * @param {string[]} queryTerms
   * @param {string[] | null} stars
   */
  function facetOptions(facet, papers, queryTerms, stars) {
    const typed = facet === "author" && author.value !== state.author ? fold(author.value.trim()) : "";
    const { values, counts } = facetCounts(papers, state, facet, queryTerms, stars, typed);
    const list = facet === "author" ? /** @type {HTMLElement} */ (author.list) : controls[facet];
    list.textContent = "";
    if (facet !== "author") {
      const any = document.createElement("option");
      any.value = "";
      any.textContent = words.digestAny || "";
      list.appendChild(any);
    }
    for (const v of values) {
      const option = document.createElement("option");
      option.value = v;
      const name = facet === "topic" ? ownValue(names, "topic:" + v) || v : v;
      option.textContent = name + " (" + (counts.get(v) || 0) + ")";
      list.appendChild(option);
    }
    if (facet !== "author" || document.activeElement !== author) controls[facet].value = state[facet];
  }

  /** @param {ExplorerPaper} entry */
  function row(entry) {
    const week = entry.week ? (words.digestWeek || "").replace("{date}", entry.week) : "";
    const { item, authors } = listItem(entry.paper, entry.url, week, starButton(entry.paper[0]));
    linkAuthors(authors);
    return item;
  }

  function show() {
    if (!all) return;
    const queryTerms = terms(state.q);
    const stars = state.starred ? starred() : null;
    for (const f of FACETS) facetOptions(f, all, queryTerms, stars);
    shown = all.filter((entry) => matches(entry, state, queryTerms, null, stars));
    if (stars) shown.sort((a, b) => stars.indexOf(a.paper[0]) - stars.indexOf(b.paper[0]));
    const pages = Math.max(1, Math.ceil(shown.length / PER_PAGE));
    state.page = Math.min(state.page, pages);
    results.textContent = "";
    const fragment = document.createDocumentFragment();
    for (const entry of shown.slice((state.page - 1) * PER_PAGE, state.page * PER_PAGE)) {
      fragment.appendChild(row(entry));
    }
    results.appendChild(fragment);
    const none = state.starred && !starred().length ? words.digestStarredNone : words.digestNone;
    const count = shown.length === 1 ? words.digestCountOne : words.digestCount;
    status.textContent = shown.length ? (count || "").replace("{n}", String(shown.length)) : none || "";
    pager.hidden = pages < 2;
    find(".digest-explorer__page").textContent = (words.digestPageOf || "")
      .replace("{n}", String(state.page))
      .replace("{total}", String(pages));
    /** @type {HTMLButtonElement} */ (pager.querySelector("[data-digest-page='-1']")).disabled =
      state.page <= 1;
    /** @type {HTMLButtonElement} */ (pager.querySelector("[data-digest-page='1']")).disabled =
      state.page >= pages;
    bib.hidden = !(state.starred && shown.length);
    const here = new URL(location.href);
    writeState(state, here.searchParams);
    history.replaceState(history.state, "", here.href);
  }

  /** @returns {Promise<string>} the BibTeX of the papers shown */
  async function bibtex() {
    const entries = await bibtexOf(shown.map((e) => e.paper[0]));
    return entries.filter(Boolean).join("\n\n") + "\n";
  }

  /** @param {() => void} change */
  const restart = (change) => () => {
    change();
    state.page = 1;
    show();
  };
  input.addEventListener("input", restart(() => (state.q = input.value.trim())));
  for (const f of FACETS) {
    controls[f].addEventListener("change", restart(() => (state[f] = controls[f].value.trim())));
  }
  author.addEventListener("input", () => {
    if (all) facetOptions("author", all, terms(state.q), state.starred ? starred() : null);
  });
  starredOnly.addEventListener("change", restart(() => (state.starred = starredOnly.checked)));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    state = fresh();
    setTimeout(show);
  });
  pager.addEventListener("click", (event) => {
    const target = /** @type {Element} */ (event.target);
    const button = /** @type {HTMLElement | null} */ (target.closest("button[data-digest-page]"));
    if (!button) return;
    state.page += parseInt(button.dataset.digestPage || "0", 10);
    show();
    results.scrollIntoView({ block: "start" });
  });
  document.addEventListener("digest:starred", () => {
    if (all && state.starred) show();
  });
  find("[data-digest-bib-download]").addEventListener("click", () => {
    bibtex().then((text) => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/x-bibtex" }));
      link.download = "starred.bib";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
  find("[data-digest-bib-copy]").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.currentTarget);
    bibtex()
      .then((text) => navigator.clipboard.writeText(text))
      .then(
        () => copied(button, true),
        () => copied(button, false)
      );
  });

  input.value = state.q;
  starredOnly.checked = state.starred;
  status.textContent = words.digestLoading || "";
  load(new URL(root.dataset.digestIndex || "", document.baseURI).href).then(
    (index) => {
      names = index.names || {};
      all = explorerPapers(index, new URL(root.dataset.digestRoot || "", document.baseURI).href);
      find(".digest-explorer__nojs").hidden = true;
      form.hidden = false;
      show();
    },
    () => {
      status.textContent = words.digestError || "";
    }
  );
}

