/* A week you can scan: a digest page's titles view. Each card shows its English
   title, its Japanese title and its first authors; a button opens the card in place.
   `?view=titles` links to it; the toggle remembers the reader's choice (per site, in
   localStorage). Without JavaScript every card shows in full. */

import { pageSettings, storageKey } from "./core.js";

const PARAM = "view";
const TITLES = "titles";
const CARDS = "cards";

function viewKey() {
  return storageKey("view");
}

/**
 * Whether a page opens in the titles view: the link's `?view=` first, then the
 * reader's last choice.
 * @param {string | null} param
 * @param {string | null} stored
 * @returns {boolean}
 */
export function opensInTitles(param, stored) {
  if (param === TITLES || param === CARDS) return param === TITLES;
  return stored === TITLES;
}

/** @returns {string | null} */
function storedView() {
  try {
    return localStorage.getItem(viewKey());
  } catch {
    return null;
  }
}

/** @param {boolean} titles */
function remember(titles) {
  try {
    localStorage.setItem(viewKey(), titles ? TITLES : CARDS);
  } catch {
    /* private mode: the choice lasts as long as the page */
  }
  const here = new URL(location.href);
  if (titles) here.searchParams.set(PARAM, TITLES);
  else here.searchParams.delete(PARAM);
  history.replaceState(history.state, "", here.href);
}

/**
 * @param {HTMLElement} card
 * @param {boolean} open
 */
function setOpen(card, open) {
  card.classList.toggle("digest-card--open", open);
  const opener = card.querySelector("button[data-digest-open]");
  if (opener) opener.setAttribute("aria-expanded", open ? "true" : "false");
}

/**
 * The button that opens a card in place (shown in the titles view only).
 * @param {HTMLElement} card
 * @param {string} label
 */
function addOpener(card, label) {
  const heading = card.querySelector(".digest-card__title");
  if (!heading || card.querySelector("button[data-digest-open]")) return;
  const opener = document.createElement("button");
  opener.type = "button";
  opener.className = "digest-card__open";
  opener.dataset.digestOpen = "";
  opener.setAttribute("aria-expanded", "false");
  opener.setAttribute("aria-controls", card.id);
  opener.setAttribute("aria-label", label + ": " + (heading.textContent || "").trim());
  opener.addEventListener("click", () => setOpen(card, !card.classList.contains("digest-card--open")));
  heading.after(opener);
}

/** The card a link's fragment names is opened, so that it shows. */
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const card = target && target.closest("article.digest-card");
  if (card) setOpen(/** @type {HTMLElement} */ (card), true);
}

/** The toggle above a digest's cards, once per page. */
export function setupTitlesView() {
  const header = document.querySelector(".digest-header");
  const cards = document.querySelectorAll("article.digest-card");
  if (!header || !cards.length || header.querySelector("[data-digest-view-toggle]")) {
    if (!cards.length) delete document.body.dataset.digestView;
    return;
  }
  const labels = pageSettings().labels;
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "digest-view-toggle";
  toggle.dataset.digestViewToggle = "";
  toggle.textContent = labels.titles_view || "Titles only";
  header.appendChild(toggle);
  cards.forEach((card) => addOpener(/** @type {HTMLElement} */ (card), labels.show_card || "Show"));

  /** @param {boolean} titles */
  const show = (titles) => {
    document.body.dataset.digestView = titles ? TITLES : CARDS;
    toggle.setAttribute("aria-pressed", titles ? "true" : "false");
  };
  toggle.addEventListener("click", () => {
    const titles = toggle.getAttribute("aria-pressed") !== "true";
    show(titles);
    remember(titles);
  });
  show(opensInTitles(new URL(location.href).searchParams.get(PARAM), storedView()));
  openTarget();
  window.addEventListener("hashchange", openTarget);
}
