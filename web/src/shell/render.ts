/**
 * Renders the layout tree. Each node subscribes to its own props signal, so
 * a value change re-renders only that block. `visible: false` removes the
 * block (and its children) from the DOM; `"hidden"` keeps it but hides it.
 */

import { h, type ComponentChild } from "preact";
import type { LayoutNode } from "./types.js";
import type { ShellContext } from "./components/context.js";
import { viewFor } from "./components/registry.js";

function NodeView({ node, ctx }: { node: LayoutNode; ctx: ShellContext }): ComponentChild {
  const state = ctx.store.get(node.id);
  if (!state) {
    // The root Blocks id is not a component: lay its children out as a column.
    return h("div", { class: "column root-column" }, (node.children ?? []).map((c) => ctx.renderNode(c)));
  }
  if (state.props.value.visible === false) return null;
  return h(viewFor(state.type), { state, ctx, node });
}

export function makeRenderNode(getCtx: () => ShellContext): (node: LayoutNode) => ComponentChild {
  return (node) => h(NodeView, { key: node.id, node, ctx: getCtx() });
}
