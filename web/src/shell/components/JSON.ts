/**
 * gr.JSON: a collapsible tree built from <details> elements (keyboard
 * accessible for free). `open: false` collapses nodes deeper than 3 levels,
 * as in Gradio; a copy button copies the pretty-printed JSON.
 */

import { h, type ComponentChild } from "preact";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import css from "./JSON.css?inline";
import { type ViewModule, type ViewProps } from "./context.js";
import { CopyButton, hasButton } from "../ui/buttons.js";
import { Empty } from "../ui/empty.js";

function Leaf({ v }: { v: unknown }): ComponentChild {
  if (v === null) return h("span", { class: "json-null" }, "null");
  if (typeof v === "string") return h("span", { class: "json-string" }, JSON.stringify(v));
  if (typeof v === "number") return h("span", { class: "json-number" }, String(v));
  if (typeof v === "boolean") return h("span", { class: "json-bool" }, String(v));
  return h("span", null, String(v));
}

function Tree({ v, depth, openAll, name }: { v: unknown; depth: number; openAll: boolean; name?: string }): ComponentChild {
  const key = name !== undefined ? h("span", { class: "json-key" }, `${name}: `) : null;
  if (typeof v !== "object" || v === null) return h("div", { class: "json-row" }, key, h(Leaf, { v }));
  const isArr = Array.isArray(v);
  const entries = isArr ? (v as unknown[]).map((x, i) => [String(i), x] as const) : Object.entries(v);
  const [open, close] = isArr ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return h("div", { class: "json-row" }, key, `${open}${close}`);
  return h(
    "details",
    { class: "json-node", open: openAll || depth < 3 },
    h("summary", null, key, open, h("span", { class: "json-count" }, ` ${entries.length} ${isArr ? "items" : "keys"} `)),
    h(
      "div",
      { class: "json-children" },
      entries.map(([k, x]) => h(Tree, { key: k, v: x, depth: depth + 1, openAll, name: k })),
    ),
    h("div", { class: "json-close" }, close),
  );
}

export function JSONView({ state }: ViewProps): ComponentChild {
  const props = state.props.value;
  let value = props.value;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      /* show the string as is */
    }
  }
  return h(
    Block,
    { state },
    h(BlockTitle, { props, fallback: "JSON" }),
    h(
      "div",
      { class: "json-view", style: typeof props.max_height === "number" ? { maxHeight: `${props.max_height}px` } : undefined },
      hasButton(props, "copy", "show_copy_button") && value != null
        ? h("div", { class: "json-copy" }, h(CopyButton, { text: JSON.stringify(value, null, 2), label: "Copy JSON" }))
        : null,
      value === undefined || value === null ? h(Empty, { text: "—" }) : h(Tree, { v: value, depth: 0, openAll: props.open === true }),
    ),
  );
}

export default { view: JSONView, css } satisfies ViewModule;
