/**
 * gr.Accordion: a disclosure button (aria-expanded) over its children.
 * `open` is a prop, so event outputs can open/close it; user toggles fire
 * `expand` / `collapse`.
 */

import { h, type ComponentChild } from "preact";
import css from "./Accordion.css?inline";
import type { ViewModule, ViewProps } from "../components/context.js";
import { domId, str } from "../components/context.js";
import { classList, sizing } from "../components/block.js";

export function Accordion({ state, ctx, node }: ViewProps): ComponentChild {
  const props = state.props.value;
  const open = props.open !== false;
  const panel = domId(state.id, "panel");
  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";
  return h(
    "div",
    { class: classList("accordion", open && "open", cls), id: str(props.elem_id) || undefined, style: sizing(props) },
    h(
      "button",
      {
        type: "button",
        class: "accordion-header",
        "aria-expanded": open ? "true" : "false",
        "aria-controls": panel,
        onClick: () => {
          state.props.value = { ...state.props.peek(), open: !open };
          ctx.trigger(state.id, open ? "collapse" : "expand");
        },
      },
      h("span", null, str(props.label)),
      h("span", { class: "chevron", "aria-hidden": "true" }, "▾"),
    ),
    open ? h("div", { class: "accordion-body", id: panel }, (node.children ?? []).map((c) => ctx.renderNode(c))) : null,
  );
}

export default { view: Accordion, css } satisfies ViewModule;
