/* Authors as a way in: each name links to the explorer, filtered to it. */

import { ROOT, pageSettings } from "./core.js";

/**
 * @param {string} name
 * @returns {string | null}
 */
export function authorUrl(name) {
  const explorer = pageSettings().explorer;
  if (!explorer || !ROOT) return null;
  return ROOT + explorer + "?author=" + encodeURIComponent(name);
}

/**
 * The names of a list as a card or row prints it; `lead` the ", " that starts the
 * rest of a card's list, kept as it is.
 * @param {string} text
 * @returns {{lead: string, names: string[]}}
 */
export function authorNames(text) {
  const lead = /^\s*,\s*/.exec(text);
  const rest = text.slice(lead ? lead[0].length : 0);
  return { lead: lead ? ", " : "", names: rest ? rest.split(", ") : [] };
}

/** @param {HTMLElement} span */
export function linkAuthors(span) {
  if (span.dataset.digestLinked || !authorUrl("")) return;
  span.dataset.digestLinked = "1";
  const { lead, names } = authorNames(span.textContent || "");
  span.textContent = lead;
  const template = pageSettings().labels.author_link || "{name}";
  names.forEach((name, n) => {
    if (n) span.appendChild(document.createTextNode(", "));
    const link = document.createElement("a");
    link.href = /** @type {string} */ (authorUrl(name.trim()));
    link.textContent = name;
    link.title = template.replace("{name}", name.trim());
    span.appendChild(link);
  });
}

export function linkAllAuthors() {
  document
    .querySelectorAll(".digest-card__authors > span[lang=en], .digest-listing__meta > span[lang=en]")
    .forEach((span) => linkAuthors(/** @type {HTMLElement} */ (span)));
}
