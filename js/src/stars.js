/* The reading list: stars on cards and explorer rows, kept in localStorage, keyed by
   arXiv id, per site (its root path). Nothing leaves the reader's machine. */

import { pageSettings, storageKey } from "./core.js";

function starKey() {
  return storageKey("starred");
}

/**
 * The starred ids, newest first; only strings survive a hand-edited storage.
 * @returns {string[]}
 */
export function starred() {
  try {
    const ids = JSON.parse(localStorage.getItem(starKey()) || "[]");
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The list after a star is pressed: a new star goes first, a second press removes it.
 * @param {string[]} ids
 * @param {string} id
 * @returns {string[]}
 */
export function toggled(ids, id) {
  return ids.includes(id) ? ids.filter((other) => other !== id) : [id, ...ids];
}

/** @param {string[]} ids */
function setStarred(ids) {
  try {
    localStorage.setItem(starKey(), JSON.stringify(ids));
  } catch {
    /* private mode: the stars last as long as the page */
  }
  document.querySelectorAll("button[data-digest-star]").forEach((button) => {
    showStar(/** @type {HTMLButtonElement} */ (button));
  });
  document.dispatchEvent(new CustomEvent("digest:starred"));
}

/** @param {HTMLButtonElement} button */
function showStar(button) {
  const on = starred().includes(button.dataset.digestStar || "");
  button.setAttribute("aria-pressed", on ? "true" : "false");
  button.textContent = on ? "\u2605" : "\u2606"; // ★ / ☆
}

/**
 * @param {string} arxivId
 * @returns {HTMLButtonElement}
 */
export function starButton(arxivId) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "digest-star";
  button.dataset.digestStar = arxivId;
  const label = pageSettings().labels.star || "Star";
  button.setAttribute("aria-label", label);
  button.title = label;
  showStar(button);
  return button;
}

/** A star on every card of the page that has none yet. */
export function starCards() {
  document.querySelectorAll("article.digest-card[data-arxiv-id]").forEach((card) => {
    if (card.querySelector(":scope > button[data-digest-star]")) return;
    const heading = card.querySelector(":scope > h3, :scope > h2, :scope > h4");
    const button = starButton(/** @type {HTMLElement} */ (card).dataset.arxivId || "");
    card.insertBefore(button, heading ? heading.nextSibling : card.firstChild);
  });
}

/** One listener for the document: cards instant navigation brings in work too. */
export function listenForStars() {
  document.addEventListener("click", (event) => {
    const target = /** @type {Element | null} */ (event.target);
    const button = target && target.closest && target.closest("button[data-digest-star]");
    if (!(button instanceof HTMLButtonElement)) return;
    setStarred(toggled(starred(), button.dataset.digestStar || ""));
  });
  window.addEventListener("storage", (event) => {
    if (event.key === starKey()) setStarred(starred()); // another tab starred one
  });
}
