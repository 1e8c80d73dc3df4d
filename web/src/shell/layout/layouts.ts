/**
 * Simple layout containers: Row, Column, Group and Gradio's invisible `form`
 * wrapper. They only arrange their children; sizing of children inside a
 * Row comes from each child's `scale` / `min_width` (see block.ts `sizing`).
 */

import { h, type ComponentChild } from "preact";
import type { ViewProps } from "../components/context.js";
import { str } from "../components/context.js";
import { classList, sizing } from "../components/block.js";
import type { Props } from "../types.js";

function common(props: Props, base: string, extra?: string): Record<string, unknown> {
  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";
  return {
    id: str(props.elem_id) || undefined,
    class: classList(base, extra, props.visible === "hidden" && "hidden", cls),
    style: sizing(props),
  };
}

function children(p: ViewProps): (ComponentChild)[] {
  return (p.node.children ?? []).map((c) => p.ctx.renderNode(c));
}

export function Row(p: ViewProps): ComponentChild {
  const props = p.state.props.value;
  const variant = str(props.variant, "default");
  return h(
    "div",
    common(props, "row", classList(`row-${variant}`, props.equal_height === true && "equal-height")),
    children(p),
  );
}

export function Column(p: ViewProps): ComponentChild {
  const props = p.state.props.value;
  return h("div", common(props, "column", `column-${str(props.variant, "default")}`), children(p));
}

export function Group(p: ViewProps): ComponentChild {
  return h("div", common(p.state.props.value, "group"), children(p));
}

/** Gradio's auto-inserted form: a panel for consecutive form fields. */
export function Form(p: ViewProps): ComponentChild {
  // A form whose fields are all invisible must not leave an empty frame.
  const anyVisible = (p.node.children ?? []).some((c) => {
    const st = p.ctx.store.get(c.id);
    return st && !st.rules.noView && st.props.value.visible !== false && st.props.value.visible !== "hidden";
  });
  if (!anyVisible) return null;
  const props = { ...p.state.props.value };
  // The server computes scale 0 when no child sets one; that must not
  // stop the form from growing inside a Row.
  if (props.scale === 0) delete props.scale;
  if (props.min_width === 0) delete props.min_width;
  const kids = children(p);
  return h("div", common(props, "form"), kids);
}
