// Bundles js/src into the script the plugin ships (mkdocs_digest/assets/digest.js):
// one classic script, so that pages opened from file:// (Material's offline plugin)
// run it, and `document.currentScript` tells it where the site's root is.
//   node js/build.js           write the bundle
//   node js/build.js --check   fail if the shipped bundle is not what js/src makes
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";

const TARGET = new URL("../mkdocs_digest/assets/digest.js", import.meta.url);
const BANNER =
  "/* mkdocs-digest's browser code, bundled from js/src by 'npm run build': " +
  "edit those modules, not this file. */";

const made = await build({
  entryPoints: [new URL("src/main.js", import.meta.url).pathname],
  bundle: true,
  format: "iife",
  target: "es2020",
  charset: "utf8",
  minify: true,
  legalComments: "none",
  banner: { js: BANNER },
  write: false,
});
const text = made.outputFiles[0].text;

if (process.argv.includes("--check")) {
  if (readFileSync(TARGET, "utf8") !== text) {
    console.error("mkdocs_digest/assets/digest.js is not what js/src makes: run 'npm run build'");
    process.exit(1);
  }
} else {
  writeFileSync(TARGET, text);
  console.log(`mkdocs_digest/assets/digest.js: ${text.length} characters`);
}
