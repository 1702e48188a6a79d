/* New since your last visit. The browser remembers the newest week a reader has
   seen (per site, in localStorage); a later visit marks the cards and rows of later
   weeks, and the home page, each series' page and its link in the nav say how many
   papers are new, from the build's small weeks file (formats/weeks.py). A visit is
   a browser tab's session: its pages all count from where it started. Nothing is
   marked on a first visit, nor in a week already seen. Nothing leaves the browser. */

import { ROOT, counted, load, pageSettings, storageKey } from "./core.js";

/**
 * The weeks file (formats/weeks.py).
 * @typedef {object} Weeks
 * @property {string | null} newest
 * @property {Record<string, number>} weeks the site's papers of each recent week
 * @property {Array<{name: string, url: string | null, weeks: Record<string, number>}>} series
 */

/**
 * Where a visit counts from, and what to remember as seen. `seen`: the newest week
 * the last visit saw (null: none, a first visit); `started`: this visit's own count,
 * once its first page set it ("" when it marks nothing).
 * @param {string | null} seen
 * @param {string | null} started
 * @param {string} newest
 * @returns {{since: string, seen: string}} since "" marks nothing
 */
export function visit(seen, started, newest) {
  const since = started !== null ? started : seen && seen < newest ? seen : "";
  return { since, seen: seen && seen > newest ? seen : newest };
}

/**
 * How many papers came after `since`: in the site (each paper once), and in each
 * series that has any.
 * @param {Weeks} weeks
 * @param {string} since
 * @returns {{total: number, series: Array<{name: string, url: string | null, n: number}>}}
 */
export function newPapers(weeks, since) {
  /** @param {Record<string, number>} counts */
  const after = (counts) =>
    Object.entries(counts).reduce((sum, [week, n]) => sum + (week > since ? n : 0), 0);
  const series = weeks.series
    .map((s) => ({ name: s.name, url: s.url, n: after(s.weeks) }))
    .filter((s) => s.n > 0);
  return { total: after(weeks.weeks), series };
}

/**
 * @param {Storage | null} storage
 * @param {string} name
 * @returns {string | null}
 */
function read(storage, name) {
  try {
    return storage ? storage.getItem(storageKey(name)) : null;
  } catch {
    return null;
  }
}

/**
 * @param {Storage | null} storage
 * @param {string} name
 * @param {string} value
 */
function write(storage, name, value) {
  try {
    if (storage) storage.setItem(storageKey(name), value);
  } catch {
    /* private mode: nothing is remembered */
  }
}

/**
 * The "new" mark, as text a screen reader reads with the title: at the end of a
 * card's heading, or after a row's title link.
 * @param {Element} element a card or a row
 * @param {Element | null} title its heading, or its title link
 * @param {string} label
 */
function mark(element, title, label) {
  if (!title || element.hasAttribute("data-digest-new")) return;
  element.setAttribute("data-digest-new", "");
  const badge = document.createElement("span");
  badge.className = "digest-new";
  badge.textContent = label;
  if (title.matches("a")) title.after(badge);
  else title.appendChild(badge);
}

/**
 * Cards of later weeks, and rows under later weeks' headings.
 * @param {string} since
 * @param {string} label
 */
function markLater(since, label) {
  document.querySelectorAll("article.digest-card[data-digest-week]").forEach((card) => {
    if ((card.getAttribute("data-digest-week") || "") > since) {
      mark(card, card.querySelector(".digest-card__title"), label);
    }
  });
  document.querySelectorAll("h2[id^='week-']").forEach((heading) => {
    const list = heading.nextElementSibling;
    if (heading.id.slice(5) <= since || !list || !list.matches("ul.digest-listing")) return;
    list.querySelectorAll(":scope > li").forEach((row) => {
      mark(row, row.querySelector(".digest-listing__title"), label);
    });
  });
}

/**
 * On the home page, every series with new papers; on a series' page, its own.
 * @param {{total: number, series: Array<{name: string, url: string | null, n: number}>}} found
 * @param {Record<string, string>} labels
 */
function sayHowMany(found, labels) {
  const here = location.pathname.replace(/index\.html$/, "");
  const root = ROOT ? new URL(ROOT).pathname : "/";
  const own = found.series.filter((s) => s.url !== null && root + s.url === here);
  const shown = here === root ? found.series : own;
  const content = document.querySelector("article") || document.querySelector("[role=main]");
  if (!shown.length || !content || content.querySelector(".digest-news")) return;
  const total = here === root ? found.total : own[0].n;
  const box = document.createElement("div");
  box.className = "digest-news";
  box.setAttribute("role", "status");
  box.textContent = counted(labels, "new_count", total);
  if (here === root) {
    const list = document.createElement("ul");
    for (const s of shown) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.textContent = s.name;
      if (s.url !== null && ROOT) link.href = ROOT + s.url;
      item.append(link, " " + String(s.n));
      list.appendChild(item);
    }
    box.appendChild(list);
  }
  const title = content.querySelector("h1");
  if (title) title.after(box);
  else content.prepend(box);
}

/**
 * Each series' link in Material's nav (its section's page) with its count of new
 * papers, as text after the name.
 * @param {{total: number, series: Array<{name: string, url: string | null, n: number}>}} found
 * @param {Record<string, string>} labels
 */
function countInNav(found, labels) {
  const root = ROOT;
  if (!root) return;
  /** @type {Map<string, number>} */
  const byUrl = new Map();
  for (const s of found.series) if (s.url !== null) byUrl.set(root + s.url, s.n);
  // The sidebar's nav: a tab's link leads to its first series, not to all of them.
  document.querySelectorAll("nav.md-nav--primary a[href]").forEach((link) => {
    const n = byUrl.get(/** @type {HTMLAnchorElement} */ (link).href);
    if (!n || link.querySelector(".digest-new")) return;
    const badge = document.createElement("span");
    badge.className = "digest-new";
    badge.textContent = (labels.new_mark || "New") + " " + String(n);
    link.appendChild(badge);
  });
}

/** Mark what is new on this page, and remember what the reader has seen. */
export function showNews() {
  const settings = pageSettings();
  if (!settings.weeks || !ROOT) return;
  load(ROOT + settings.weeks).then(
    (/** @type {Weeks} */ weeks) => {
      if (!weeks.newest) return;
      const local = typeof localStorage !== "undefined" ? localStorage : null;
      const session = typeof sessionStorage !== "undefined" ? sessionStorage : null;
      const { since, seen } = visit(read(local, "seen"), read(session, "since"), weeks.newest);
      write(session, "since", since);
      write(local, "seen", seen);
      if (!since) return;
      const labels = settings.labels;
      markLater(since, labels.new_mark || "New");
      const found = newPapers(weeks, since);
      sayHowMany(found, labels);
      countInNav(found, labels);
    },
    () => {
      /* no weeks file (an older build): nothing is marked */
    }
  );
}
