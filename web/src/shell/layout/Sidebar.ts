/**
 * gr.Sidebar: a panel fixed to the left or right edge of the page with a toggle
 * button on its edge. While it is open on a wide screen the app makes room for it
 * (the `.app` gets padding on that side); on a narrow screen it covers the app.
 * `open` is a prop, so event outputs can open/close it; user toggles fire
 * `expand` / `collapse`.
 */

import { h, type ComponentChild } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import css from "./Sidebar.css?inline";
import type { ViewModule, ViewProps } from "../components/context.js";
import { domId, str } from "../components/context.js";
import { classList } from "../components/block.js";

const TOGGLE_ROOM = "44px";

function cssSize(width: unknown): string {
  if (typeof width === "number") return `${width}px`;
  return str(width, "320px") || "320px";
}

export function Sidebar({ state, ctx, node }: ViewProps): ComponentChild {
  const props = state.props.value;
  const open = props.open !== false;
  const side = props.position === "right" ? "right" : "left";
  const width = cssSize(props.width);
  const panel = domId(state.id, "panel");
  const label = str(props.label);
  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";
  const ref = useRef<HTMLElement>(null);

  // The app makes room for an open sidebar (CSS reads these on `.app`).
  useLayoutEffect(() => {
    const app = ref.current?.closest<HTMLElement>(".app");
    if (!app) return;
    const name = `--wasmui-sidebar-${side}`;
    const visible = props.visible !== false && props.visible !== "hidden";
    // Room for the panel when open, and always for the toggle button on its edge.
    app.style.setProperty(name, !visible ? "0px" : open ? `calc(${width} + ${TOGGLE_ROOM})` : TOGGLE_ROOM);
    app.classList.add("has-sidebar");
    return () => { app.style.removeProperty(name); };
  }, [open, side, width, props.visible]);

  const toggle = (): void => {
    state.props.value = { ...state.props.peek(), open: !open };
    ctx.trigger(state.id, open ? "collapse" : "expand");
  };
  return h(
    "aside",
    {
      ref,
      class: classList("sidebar", `sidebar-${side}`, open && "open", props.visible === "hidden" && "hidden", cls),
      id: str(props.elem_id) || undefined,
      style: { "--sidebar-width": width },
      "aria-label": label || "Sidebar",
    },
    h(
      "button",
      {
        type: "button",
        class: "sidebar-toggle",
        "aria-expanded": open ? "true" : "false",
        "aria-controls": panel,
        "aria-label": open ? "Close sidebar" : "Open sidebar",
        title: open ? "Close sidebar" : "Open sidebar",
        onClick: toggle,
      },
      h("span", { class: "sidebar-chevron", "aria-hidden": "true" }, side === "left" ? "‹" : "›"),
    ),
    h("div", { class: "sidebar-body", id: panel, inert: open ? undefined : true },
      (node.children ?? []).map((c) => ctx.renderNode(c))),
  );
}

export default { view: Sidebar, css } satisfies ViewModule;
