/**
 * The empty state of an output view: a short muted text, or (`large`) a
 * faint icon centred in the block like Gradio's media placeholders.
 */

import { h, type ComponentChild } from "preact";
import css from "./empty.css?inline";
import { useCss } from "./styles.js";
import { classList } from "../values.js";

export function Empty({ text, icon, large = false }: { text?: string; icon?: ComponentChild; large?: boolean }): ComponentChild {
  useCss(css);
  return h(
    "div",
    { class: classList("empty", large && "large") },
    icon ? h("span", { class: "empty-icon", "aria-hidden": "true" }, icon) : null,
    text ? h("span", null, text) : null,
  );
}
