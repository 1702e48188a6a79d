/* For you: the explorer's view of the papers closest to those a reader starred,
   newest weeks first, each with its reason (`<explorer>?view=for-you`). Closeness is
   the related papers' links read both ways (formats/neighbours.py): a shared author
   weighs 2, shared words 1, summed over the starred papers. Only the starred papers'
   chunks of neighbours are fetched; nothing leaves the browser. */

import { ROOT, fnv1a, listItem, load, pageSettings } from "./core.js";
import { linkAuthors } from "./authors.js";
import { explorerPapers } from "./explorer.js";
import { starButton, starred } from "./stars.js";

/**
 * A neighbour of a paper: its id, the link's weight, the shared authors or words.
 * @typedef {[string, number, string[], string[]]} Neighbour
 */

/**
 * A paper for the reader: how close, and its strongest link to a starred paper.
 * @typedef {{id: string, score: number, star: string, authors: string[], words: string[]}} Pick
 */

const PARAM = "view";
const FOR_YOU = "for-you";
const SHOWN = 50;

/**
 * The papers closest to the starred ones, newest weeks first, the closer first in a
 * week; never a starred one.
 * @param {string[]} stars
 * @param {Map<string, Neighbour[]>} near each starred paper's neighbours
 * @param {(id: string) => string} weekOf a paper's week, ISO ("" when unknown)
 * @returns {Pick[]}
 */
export function forYou(stars, near, weekOf) {
  /** @type {Map<string, Pick & {best: number}>} */
  const picks = new Map();
  for (const star of stars) {
    for (const [id, weight, authors, words] of near.get(star) || []) {
      if (stars.includes(id)) continue;
      const pick = picks.get(id) || { id, score: 0, star, authors, words, best: -1 };
      pick.score += weight;
      if (weight > pick.best) Object.assign(pick, { star, authors, words, best: weight });
      picks.set(id, pick);
    }
  }
  return [...picks.values()]
    .map(({ id, score, star, authors, words }) => ({ id, score, star, authors, words }))
    .sort((a, b) => {
      const weeks = weekOf(b.id).localeCompare(weekOf(a.id));
      return weeks || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
}

/**
 * Why a paper is shown: the authors or words it shares with a starred paper. Digest
 * text is put in as it is (a function, so that `$&` in a name stays `$&`).
 * @param {Record<string, string>} labels
 * @param {Pick} pick
 * @param {string} title the starred paper's
 * @returns {string}
 */
export function reason(labels, pick, title) {
  const [label, field, shared] = pick.authors.length
    ? [labels.for_you_authors, "{names}", pick.authors]
    : [labels.for_you_words, "{words}", pick.words];
  return (label || "")
    .replace(field, () => shared.join(", "))
    .replace("{title}", () => title);
}

/**
 * Each starred paper's neighbours, from the chunks that hold them.
 * @param {string[]} stars
 * @returns {Promise<Map<string, Neighbour[]>>}
 */
async function neighbours(stars) {
  const settings = pageSettings();
  const chunks = settings.near_chunks || 1;
  const of = (/** @type {string} */ id) => fnv1a(id) % chunks;
  const wanted = [...new Set(stars.map(of))];
  const files = await Promise.all(
    wanted.map((k) => load(ROOT + (settings.near || "").replace("{k}", String(k))))
  );
  const byChunk = new Map(wanted.map((k, i) => [k, files[i]]));
  return new Map(stars.map((id) => [id, (byChunk.get(of(id)) || {})[id] || []]));
}

/**
 * The "for you" view in the explorer, when its URL asks for it.
 * @param {HTMLElement} root the explorer
 */
export function setupForYou(root) {
  const settings = pageSettings();
  if (root.dataset.digestForYou || !settings.near || !ROOT) return;
  if (new URL(location.href).searchParams.get(PARAM) !== FOR_YOU) return;
  root.dataset.digestForYou = "1";
  const labels = settings.labels;
  const section = document.createElement("section");
  section.className = "digest-foryou";
  const heading = document.createElement("h2");
  heading.id = "digest-for-you";
  heading.textContent = labels.for_you || "For you";
  const status = document.createElement("p");
  status.className = "digest-foryou__status";
  status.setAttribute("role", "status");
  const list = document.createElement("ol");
  list.className = "digest-foryou__results digest-listing";
  const back = document.createElement("a"); // to the explorer's own view
  back.href = location.pathname;
  back.textContent = (document.querySelector("h1")?.textContent || "").trim();
  const backLine = document.createElement("p");
  backLine.appendChild(back);
  section.append(heading, status, list, backLine);
  root.prepend(section);
  root.classList.add("digest-explorer--for-you");
  const index = load(new URL(root.dataset.digestIndex || "", document.baseURI).href);
  const base = new URL(root.dataset.digestRoot || "", document.baseURI).href;

  async function show() {
    const stars = starred();
    list.textContent = "";
    if (!stars.length) {
      status.textContent = labels.for_you_none || "";
      return;
    }
    const papers = new Map(explorerPapers(await index, base).map((p) => [p.paper[0], p]));
    const picks = forYou(stars, await neighbours(stars), (id) => papers.get(id)?.week || "");
    const fragment = document.createDocumentFragment();
    for (const pick of picks.slice(0, SHOWN)) {
      const paper = papers.get(pick.id);
      if (!paper) continue;
      const week = paper.week ? (root.dataset.digestWeek || "").replace("{date}", paper.week) : "";
      const { item, authors } = listItem(paper.paper, paper.url, week, starButton(pick.id));
      linkAuthors(authors);
      const why = document.createElement("span");
      why.className = "digest-foryou__why";
      const title = papers.get(pick.star)?.paper[1] || pick.star;
      why.textContent = reason(labels, pick, title);
      item.appendChild(why);
      fragment.appendChild(item);
    }
    list.appendChild(fragment);
    status.textContent = picks.length ? "" : labels.for_you_none || "";
  }

  show().catch(() => {
    status.textContent = root.dataset.digestError || "";
  });
  document.addEventListener("digest:starred", () => {
    show().catch(() => undefined);
  });
}
