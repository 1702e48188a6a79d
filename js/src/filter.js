/* The filter on topic and series pages: it narrows a listing across all its numbered
   pages, from the filter index fetched on first use. */

import { linkAuthors } from "./authors.js";
import { listItem, load, matchesAll, rows, terms } from "./core.js";

/** @typedef {import("./core.js").Row} Row */

// The query's URL parameter. Not `q`: Material's search owns it (it opens the search
// overlay on `?q=` and deletes the parameter when the overlay closes).
const PARAM = "filter";

/**
 * The rows that hold every term of the query.
 * @param {Row[]} all
 * @param {string} query
 * @returns {Row[]}
 */
export function filtered(all, query) {
  const words = terms(query);
  return all.filter((row) => matchesAll(row.text, words));
}

/**
 * Make a listing's filter form work (once per form).
 * @param {HTMLFormElement} form
 */
export function setupFilter(form) {
  if (form.dataset.digestReady) return;
  form.dataset.digestReady = "1";
  const input = /** @type {HTMLInputElement} */ (form.querySelector("input[type=search]"));
  const status = /** @type {HTMLElement} */ (form.querySelector("[role=status]"));
  const article = form.closest("article") || document;
  const results = /** @type {HTMLElement} */ (article.querySelector(".digest-filter__results"));
  const hidden = article.querySelectorAll(".digest-listing-weeks, .digest-pagination");
  const root = form.dataset.digestRoot || "";
  const url = new URL(form.dataset.digestIndex || "", document.baseURI).href;
  const words = form.dataset;
  /** @type {Row[] | null} */
  let all = null;
  let pending = 0;
  // The page's table of contents lists the weeks the filter hides: it follows.
  const weekLinks = document.querySelectorAll("nav.md-nav--secondary a[href*='#week-']");

  /** @param {string} text */
  const say = (text) => {
    status.textContent = text;
  };

  /**
   * @param {Row[]} rowsOfList
   * @param {string} query
   */
  function show(rowsOfList, query) {
    const filtering = terms(query).length > 0;
    hidden.forEach((el) => {
      /** @type {HTMLElement} */ (el).hidden = filtering;
    });
    weekLinks.forEach((link) => {
      /** @type {HTMLElement} */ (link.closest("li") || link).hidden = filtering;
    });
    results.hidden = !filtering;
    results.textContent = "";
    if (!filtering) {
      say("");
      return;
    }
    const found = filtered(rowsOfList, query);
    const fragment = document.createDocumentFragment();
    for (const row of found) {
      const week = row.week && words.digestWeek ? words.digestWeek.replace("{date}", row.week) : "";
      const { item, authors } = listItem(row.paper, root + row.page + "#" + row.anchor, week);
      linkAuthors(authors);
      fragment.appendChild(item);
    }
    results.appendChild(fragment);
    say(
      found.length
        ? (words.digestStatus || "")
            .replace("{n}", String(found.length))
            .replace("{total}", String(rowsOfList.length))
        : words.digestNone || ""
    );
  }

  /** @param {string} query */
  function remember(query) {
    const here = new URL(location.href);
    if (query) here.searchParams.set(PARAM, query);
    else here.searchParams.delete(PARAM);
    history.replaceState(history.state, "", here.href);
  }

  function update() {
    const query = input.value.trim();
    remember(query);
    if (all) {
      show(all, query);
      return;
    }
    if (!query) return;
    const ticket = ++pending;
    say(words.digestLoading || "");
    load(url).then(
      (index) => {
        all = all || rows(index, words.digestList || "");
        if (ticket === pending) show(all, input.value.trim());
      },
      () => say(words.digestError || "")
    );
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", update);
  form.hidden = false;
  const query = new URL(location.href).searchParams.get(PARAM);
  if (query) {
    input.value = query;
    update();
  }
}
