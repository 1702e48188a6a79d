/* For you: the explorer's view of the papers of the newest weeks closest to those a
   reader starred, newest weeks first, each with its reason (`<explorer>?view=for-you`).
   Closeness is the cosine of the papers' word vectors (formats/neighbours.py) summed
   over the stars; bench/for_you_eval.py measured it against a trained SVM and the
   related papers' links. Only the stars' chunks of vectors and the newest weeks' are
   fetched; nothing leaves the browser. */

import { ROOT, fnv1a, fold, listItem, load, pageSettings } from "./core.js";
import { linkAuthors } from "./authors.js";
import { explorerPapers } from "./explorer.js";
import { starButton, starred } from "./stars.js";

/** @typedef {Record<string, number>} Vector a paper's words, weighed */

/**
 * A paper for the reader: how close, and the star it is closest to.
 * @typedef {{id: string, score: number, star: string, words: string[]}} Pick
 */

const PARAM = "view";
const FOR_YOU = "for-you";
const SHOWN = 50;
const RECENT = 8; // the newest weeks ranked, as formats/weeks.py's RECENT_CANDIDATES

/**
 * @param {Vector} a
 * @param {Vector} b
 * @returns {number}
 */
export function cosine(a, b) {
  let sum = 0;
  for (const word of Object.keys(a)) if (Object.prototype.hasOwnProperty.call(b, word)) sum += a[word] * b[word];
  return sum;
}

/**
 * The candidates closest to the stars (the SHOWN closest of those sharing a word
 * with one), then newest weeks first, the closer first in a week; never a starred
 * paper. Each with the words it shares most with its closest star.
 * @param {Map<string, Vector>} stars
 * @param {Map<string, {vector: Vector, week: string}>} candidates
 * @returns {Pick[]}
 */
export function forYou(stars, candidates) {
  /** @type {(Pick & {week: string})[]} */
  const picks = [];
  for (const [id, { vector, week }] of candidates) {
    if (stars.has(id)) continue;
    let score = 0;
    let best = -1;
    let star = "";
    for (const [starId, starVector] of stars) {
      const c = cosine(vector, starVector);
      score += c;
      if (c > best) [best, star] = [c, starId];
    }
    if (score <= 0) continue; // not a word in common with any star
    const mine = /** @type {Vector} */ (stars.get(star));
    const words = Object.keys(vector)
      .filter((w) => Object.prototype.hasOwnProperty.call(mine, w))
      .sort((x, y) => vector[y] * mine[y] - vector[x] * mine[x] || (x < y ? -1 : 1))
      .slice(0, 3);
    picks.push({ id, score, star, words, week });
  }
  const closest = picks.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, SHOWN);
  closest.sort((a, b) => b.week.localeCompare(a.week) || b.score - a.score);
  return closest.map(({ id, score, star, words }) => ({ id, score, star, words }));
}

/**
 * Why a paper is shown: the authors it shares with its closest star, else the words.
 * Digest text is put in as it is (a function, so that `$&` in a name stays `$&`).
 * @param {Record<string, string>} labels
 * @param {string[]} authors the authors both share
 * @param {string[]} words
 * @param {string} title the starred paper's
 * @returns {string}
 */
export function reason(labels, authors, words, title) {
  const [label, field, shared] = authors.length
    ? [labels.for_you_authors, "{names}", authors]
    : [labels.for_you_words, "{words}", words];
  return (label || "")
    .replace(field, () => shared.join(", "))
    .replace("{title}", () => title);
}

/**
 * The stars' vectors, from the chunks that hold them, and the newest weeks' papers.
 * @param {string[]} stars
 * @param {string[]} weeks the newest weeks, from weeks.json
 * @returns {Promise<{stars: Map<string, Vector>, candidates: Map<string, {vector: Vector, week: string}>}>}
 */
async function vectors(stars, weeks) {
  const settings = pageSettings();
  const chunks = settings.near_chunks || 1;
  const of = (/** @type {string} */ id) => fnv1a(id) % chunks;
  const wanted = [...new Set(stars.map(of))];
  const [files, weekFiles] = await Promise.all([
    Promise.all(wanted.map((k) => load(ROOT + (settings.near || "").replace("{k}", String(k))))),
    Promise.all(
      weeks.map((w) => load(ROOT + (settings.near_week || "").replace("{week}", w)).catch(() => ({})))
    ),
  ]);
  const byChunk = new Map(wanted.map((k, i) => [k, files[i]]));
  /** @type {Map<string, Vector>} */
  const starVectors = new Map();
  for (const id of stars) {
    const vector = (byChunk.get(of(id)) || {})[id];
    if (vector) starVectors.set(id, vector);
  }
  /** @type {Map<string, {vector: Vector, week: string}>} */
  const candidates = new Map();
  weeks.forEach((week, i) => {
    for (const [id, vector] of Object.entries(weekFiles[i])) {
      if (!candidates.has(id)) candidates.set(id, { vector: /** @type {Vector} */ (vector), week });
    }
  });
  return { stars: starVectors, candidates };
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
    const weeks = /** @type {{weeks?: Record<string, number>}} */ (await load(ROOT + (settings.weeks || "")));
    const newest = Object.keys(weeks.weeks || {}).sort().reverse().slice(0, RECENT);
    const found = await vectors(stars, newest);
    const picks = forYou(found.stars, found.candidates);
    // A copy of a starred or listed paper under another id (a new version, a repost)
    // is no news: one paper per title.
    const titles = new Set(stars.map((id) => fold(papers.get(id)?.paper[1] || "")));
    const fragment = document.createDocumentFragment();
    for (const pick of picks) {
      const paper = papers.get(pick.id);
      if (!paper || titles.has(fold(paper.paper[1]))) continue;
      titles.add(fold(paper.paper[1]));
      const week = paper.week ? (root.dataset.digestWeek || "").replace("{date}", paper.week) : "";
      const { item, authors } = listItem(paper.paper, paper.url, week, starButton(pick.id));
      linkAuthors(authors);
      const why = document.createElement("span");
      why.className = "digest-foryou__why";
      const star = papers.get(pick.star);
      const theirs = new Set(star ? star.paper[3].split(", ") : []);
      const shared = paper.paper[3].split(", ").filter((name) => name && theirs.has(name));
      why.textContent = reason(labels, shared, pick.words, star ? star.paper[1] : pick.star);
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
