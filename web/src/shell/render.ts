/**
 * Renders the layout tree. Each node subscribes to its own props signal, so
 * a value change re-renders only that block. `visible: false` removes the
 * block (and its children) from the DOM; `"hidden"` keeps it but hides it.
 *
 * The view comes from the node's registry descriptor: a bundled view renders
 * at once; a lazy one shows the block's frame and label until its chunk has
 * loaded (it was already requested when the shell mounted). A view's CSS is
 * put in the shadow root the first time the view renders.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { LayoutNode } from "./types.js";
import type { ShellContext, ViewModule } from "./components/context.js";
import type { ComponentState } from "./engine/store.js";
import { descriptorFor, loadView, viewNow } from "./components/registry.js";
import { Block } from "./components/block.js";
import { BlockTitle } from "./ui/label.js";
import { useCss } from "./ui/styles.js";
import { CustomButtonsContext, customButtons } from "./ui/custombuttons.js";

type NodeProps = { node: LayoutNode; ctx: ShellContext };

function NodeView({ node: configNode, ctx }: NodeProps): ComponentChild {
  // A @gr.render container shows what its latest run mounted.
  const rendered = ctx.store.childrenOf(configNode.id);
  const node = rendered ? { ...configNode, children: rendered } : configNode;
  const state = ctx.store.get(node.id);
  if (!state) {
    // The root Blocks id is not a component: lay its children out as a column.
    return h("div", { class: "column root-column" }, (node.children ?? []).map((c) => ctx.renderNode(c)));
  }
  if (state.props.value.visible === false) return null;
  return h(Mounted, { state, node, ctx });
}

function Mounted({ state, node, ctx }: NodeProps & { state: ComponentState }): ComponentChild {
  const d = descriptorFor(state.type);
  const [mod, setMod] = useState<ViewModule | undefined>(() => viewNow(d));
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (mod) return;
    let live = true;
    loadView(d).then(
      (m) => live && setMod(m),
      (e: unknown) => live && setFailed(String(e)),
    );
    return () => {
      live = false;
    };
  }, [d]);
  useCss(mod?.css);
  const custom = customButtons(state.props.value.buttons);
  const view = mod ? h(mod.view, { state, ctx, node }) : null;
  if (view && custom.length) {
    return h(CustomButtonsContext.Provider, { value: { buttons: custom, click: (id: number) => ctx.trigger(id, "click") } }, view);
  }
  if (view) return view;
  return h(
    Block,
    { state, class: failed ? "view-failed" : "view-loading" },
    h(BlockTitle, { props: state.props.value }),
    failed ? h("div", { role: "alert" }, `Could not load the ${state.type} view: ${failed}`) : null,
  );
}

export function makeRenderNode(getCtx: () => ShellContext): (node: LayoutNode) => ComponentChild {
  return (node) => h(NodeView, { key: node.id, node, ctx: getCtx() });
}
