/* mkdocs-digest in the browser: the filter on topic and series pages, the reading
   list, authors as links, the explorer, the papers in the site search's results,
   citations, the titles view and what is new since the reader's last visit. Each
   feature is a module; this one wires them. It runs once the page is read and again
   after each page change of Material's instant navigation. */

import { linkAllAuthors } from "./authors.js";
import { listenForCitations, showCitations } from "./citations.js";
import { setupExplorer } from "./explorer.js";
import { setupFilter } from "./filter.js";
import { setupForYou } from "./foryou.js";
import { showNews } from "./news.js";
import { listenForSearch } from "./searchbox.js";
import { listenForStars, starCards } from "./stars.js";
import { setupTitlesView } from "./views.js";

function run() {
  document.querySelectorAll("form.digest-filter").forEach((form) => {
    setupFilter(/** @type {HTMLFormElement} */ (form));
  });
  document.querySelectorAll("[data-digest-explorer]").forEach((root) => {
    setupExplorer(/** @type {HTMLElement} */ (root));
    setupForYou(/** @type {HTMLElement} */ (root));
  });
  starCards();
  linkAllAuthors();
  showCitations();
  setupTitlesView();
  showNews();
}

listenForStars();
listenForSearch();
listenForCitations();
// Not on document$ alone: pages opened from file:// (Material's offline plugin) have a
// document$ that never emits. Each setup runs once per form.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
else run();
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(run);
}
