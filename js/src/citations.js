/* Citations: a card's "Cite" block is filled with its paper's BibTeX when first
   opened, and its copy button copies it. The BibTeX is split in chunks
   (formats/citations.py): a card fetches the one chunk that holds its paper. One
   listener for the document: cards instant navigation brings in work too. */

import { ROOT, fnv1a, load, ownValue, pageSettings } from "./core.js";

/**
 * Say in the button's polite live region whether the copy worked.
 * @param {HTMLElement} button
 * @param {boolean} ok
 */
export function copied(button, ok) {
  const status = button.parentNode && button.parentNode.querySelector(".digest-copy__status");
  const labels = pageSettings().labels;
  if (status) status.textContent = (ok ? labels.copied : labels.copy_failed) || "";
}

/**
 * The chunk a paper's BibTeX is in, as formats/citations.py's chunk_of.
 * @param {string} arxivId
 * @param {number} chunks
 * @returns {number}
 */
export function chunkOf(arxivId, chunks) {
  return fnv1a(arxivId) % chunks;
}

/**
 * The BibTeX of these papers, from the chunks that hold them (each fetched once).
 * @param {string[]} ids
 * @returns {Promise<string[]>} in the order of `ids`; "" for a paper without one
 */
export async function bibtexOf(ids) {
  const { citations, citation_chunks: chunks } = pageSettings();
  if (!citations || !chunks || !ROOT) throw new Error("no citations");
  const root = ROOT;
  const wanted = [...new Set(ids.map((id) => chunkOf(id, chunks)))];
  /** @type {Record<string, string>[]} */
  const loaded = await Promise.all(wanted.map((k) => load(root + citations.replace("{k}", String(k)))));
  /** @type {Map<number, Record<string, string>>} */
  const byChunk = new Map(wanted.map((k, n) => [k, loaded[n]]));
  return ids.map((id) => ownValue(byChunk.get(chunkOf(id, chunks)) || {}, id) || "");
}

/**
 * Fill a card's "Cite" block with its BibTeX (carried by every card, it was a ninth of
 * a digest page).
 * @param {Element} details
 * @returns {Promise<void>}
 */
async function citation(details) {
  const code = details.querySelector("pre code");
  const card = /** @type {HTMLElement | null} */ (details.closest("[data-arxiv-id]"));
  if (!code || !card || code.textContent || !pageSettings().citations) return;
  const [entry] = await bibtexOf([card.dataset.arxivId || ""]);
  code.textContent = entry;
}

/** @param {HTMLElement} button */
function copy(button) {
  const block = /** @type {Element} */ (button.parentNode);
  const source = block.querySelector("pre");
  if (!source) return;
  if (!source.textContent) {
    // opened before its BibTeX came: copy once it has
    citation(block).then(
      () => copy(button),
      () => copied(button, false)
    );
    return;
  }
  const text = source.textContent;
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(
      () => copied(button, true),
      () => copied(button, false)
    );
    return;
  }
  const range = document.createRange(); // http:// pages: the older way, by selection
  range.selectNodeContents(source);
  const selection = /** @type {Selection} */ (window.getSelection());
  selection.removeAllRanges();
  selection.addRange(range);
  let ok;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  selection.removeAllRanges();
  copied(button, ok);
}

export function listenForCitations() {
  document.addEventListener(
    "toggle",
    (event) => {
      const details = /** @type {Element} */ (event.target);
      if (details instanceof HTMLDetailsElement && details.open && details.matches("details.digest-card__cite")) {
        citation(details).catch(() => {});
      }
    },
    true // toggle does not bubble
  );
  document.addEventListener("click", (event) => {
    const target = /** @type {Element | null} */ (event.target);
    const button = target && target.closest && target.closest("button[data-digest-copy]");
    if (button instanceof HTMLElement) copy(button);
  });
}

/** The "Cite" blocks work: show them. */
export function showCitations() {
  if (!pageSettings().citations) return;
  document.querySelectorAll("details.digest-card__cite[hidden]").forEach((d) => {
    /** @type {HTMLElement} */ (d).hidden = false;
  });
}
