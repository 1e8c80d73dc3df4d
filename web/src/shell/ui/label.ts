/**
 * The label row: `BlockTitle` (label + `info`, a `<label for>` when the view
 * has one input so its accessible name is right), `LabelRow` (the title with
 * icon buttons on the right) and `BlockLabel` (the corner badge of media
 * views). Their CSS (ui/label.css) comes with every Block.
 */

import { h, type ComponentChild, type ComponentChildren } from "preact";
import css from "./label.css?inline";
import type { Props } from "../types.js";
import { str } from "../values.js";

export { css as labelCss };

export function BlockTitle({
  props,
  forId,
  fallback = "",
}: {
  props: Props;
  forId?: string;
  fallback?: string;
}): ComponentChild {
  const label = str(props.label, fallback);
  const visible = props.show_label !== false && label !== "";
  const info = str(props.info);
  if (!visible && !info) return null;
  return h(
    "div",
    { class: "block-title" },
    visible ? h(forId ? "label" : "span", { class: "label", for: forId }, label) : null,
    info ? h("div", { class: "info" }, info) : null,
  );
}

/** The title on the left, `children` (usually `IconButtons`) on the right. */
export function LabelRow({ props, forId, fallback, children }: {
  props: Props;
  forId?: string;
  fallback?: string;
  children?: ComponentChildren;
}): ComponentChild {
  return h("div", { class: "label-row" }, h(BlockTitle, { props, forId, fallback }), children);
}

/** Corner badge with an icon (media views); hidden with `show_label=False`. */
export function BlockLabel({ props, icon, fallback }: { props: Props; icon?: ComponentChild; fallback: string }): ComponentChild {
  if (props.show_label === false) return null;
  return h("span", { class: "corner-label" }, icon ? h("span", { "aria-hidden": "true" }, icon) : null, str(props.label, fallback));
}
