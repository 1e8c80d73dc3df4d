/**
 * Tabs / Tab (config types `tabs` and `tabitem`). The selected tab is the
 * Tabs `selected` prop (a tab `id`, falling back to the tab's block id), so
 * an event output can switch tabs. Keyboard: arrows, Home/End (WAI-ARIA tabs).
 */

import { h, type ComponentChild } from "preact";
import { useRef } from "preact/hooks";
import css from "./Tabs.css?inline";
import type { ViewModule, ViewProps } from "../components/context.js";
import { domId, str } from "../components/context.js";
import { classList } from "../components/block.js";
import type { LayoutNode } from "../types.js";

type TabInfo = { node: LayoutNode; key: unknown; label: string; disabled: boolean };

export function Tabs(p: ViewProps): ComponentChild {
  const { state, ctx, node } = p;
  const props = state.props.value;
  const listRef = useRef<HTMLDivElement>(null);
  const tabs: TabInfo[] = [];
  for (const child of node.children ?? []) {
    const st = ctx.store.get(child.id);
    if (!st) continue;
    const cp = st.props.value;
    if (cp.visible === false) continue;
    tabs.push({ node: child, key: cp.id ?? child.id, label: str(cp.label, "Tab"), disabled: cp.interactive === false });
  }
  if (!tabs.length) return null;
  const selectedKey = props.selected;
  const current = tabs.find((t) => t.key === selectedKey && !t.disabled) ?? tabs.find((t) => !t.disabled) ?? tabs[0]!;

  const select = (t: TabInfo, focus: boolean): void => {
    if (t.disabled) return;
    if (t !== current) {
      state.props.value = { ...state.props.peek(), selected: t.key };
      ctx.trigger(t.node.id, "select", { index: tabs.indexOf(t), value: t.label, selected: true });
      ctx.trigger(state.id, "change");
    }
    if (focus) listRef.current?.querySelector<HTMLElement>(`#${domId(t.node.id, "tab")}`)?.focus();
  };

  const onKey = (e: KeyboardEvent): void => {
    const enabled = tabs.filter((t) => !t.disabled);
    const i = enabled.indexOf(current);
    let next: TabInfo | undefined;
    if (e.key === "ArrowRight") next = enabled[(i + 1) % enabled.length];
    else if (e.key === "ArrowLeft") next = enabled[(i - 1 + enabled.length) % enabled.length];
    else if (e.key === "Home") next = enabled[0];
    else if (e.key === "End") next = enabled[enabled.length - 1];
    if (next) {
      e.preventDefault();
      select(next, true);
    }
  };

  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";
  return h(
    "div",
    { class: classList("tabs", cls), id: str(props.elem_id) || undefined },
    h(
      "div",
      { class: "tab-list", role: "tablist", ref: listRef, onKeyDown: onKey },
      tabs.map((t) =>
        h(
          "button",
          {
            key: t.node.id,
            type: "button",
            role: "tab",
            id: domId(t.node.id, "tab"),
            class: classList("tab", t === current && "selected"),
            "aria-selected": t === current ? "true" : "false",
            "aria-controls": domId(t.node.id, "panel"),
            tabIndex: t === current ? 0 : -1,
            disabled: t.disabled,
            onClick: () => select(t, false),
          },
          t.label,
        ),
      ),
    ),
    tabs.map((t) => {
      const st = ctx.store.get(t.node.id);
      const show = t === current;
      if (!show && st?.props.value.render_children !== true) return null;
      return h(
        "div",
        {
          key: t.node.id,
          role: "tabpanel",
          id: domId(t.node.id, "panel"),
          "aria-labelledby": domId(t.node.id, "tab"),
          class: "tab-panel",
          hidden: !show,
        },
        (t.node.children ?? []).map((c) => ctx.renderNode(c)),
      );
    }),
  );
}

/** A TabItem outside of Tabs (should not happen): render its children. */
export function TabItem(p: ViewProps): ComponentChild {
  return h("div", { class: "tab-panel" }, (p.node.children ?? []).map((c) => p.ctx.renderNode(c)));
}

export default { view: Tabs, css } satisfies ViewModule;
export const tabItem = { view: TabItem, css } satisfies ViewModule;
