// Node module hooks for the unit tests: `import css from "./X.css?inline"`
// gives the file's text, as Vite does in the app build.
import { register } from "node:module";

register("./css-inline-hooks.mjs", import.meta.url);
