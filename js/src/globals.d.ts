// What the page gives the script besides the DOM.
interface Window {
  /** Data files loaded as scripts from file:// pages, by file name. */
  mkdocsDigest?: Record<string, unknown>;
  /** Material's instant navigation: emits on each page change. */
  document$?: { subscribe(next: () => void): unknown };
}
