// ESLint's recommended rules over the browser code and its tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["js/src/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["js/test/**/*.js", "js/build.js"],
    languageOptions: { globals: globals.node },
  },
];
