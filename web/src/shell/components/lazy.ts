/**
 * A view whose code loads on first use (its own chunk), so heavy views stay
 * out of the first-paint bundle. Until the chunk arrives the block shows a
 * labelled placeholder of the same kind.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Block, BlockTitle } from "./block.js";
import type { View, ViewProps } from "./context.js";

export function lazyView(load: () => Promise<View>): View {
  let loaded: View | null = null;
  let pending: Promise<View> | null = null;
  return function LazyView(p: ViewProps): ComponentChild {
    const [view, setView] = useState<View | null>(loaded);
    useEffect(() => {
      if (view) return;
      pending ??= load().then((v) => (loaded = v));
      let live = true;
      pending.then((v) => live && setView(() => v)).catch((e) => p.ctx.toasts.push({ level: "error", title: p.state.type, message: String(e) }));
      return () => {
        live = false;
      };
    }, []);
    if (view) return h(view, p);
    return h(Block, { state: p.state, class: "lazy-pending" }, h(BlockTitle, { props: p.state.props.value }), h("div", { class: "pending-render", "aria-busy": "true" }, "Loading…"));
  };
}
