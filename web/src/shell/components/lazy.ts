/**
 * A view whose code loads with import() the first time it is shown, so heavy
 * views stay out of the first-paint bundle. Until then the block keeps its
 * place with an empty container.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { View, ViewProps } from "./context.js";

export function lazyView(load: () => Promise<View>): View {
  let loaded: View | null = null;
  let pending: Promise<View> | null = null;
  return function LazyView(p: ViewProps): ComponentChild {
    const [view, setView] = useState<View | null>(() => loaded);
    useEffect(() => {
      if (view) return;
      let live = true;
      pending ??= load().then((v) => (loaded = v));
      pending.then(
        (v) => live && setView(() => v),
        (e) => p.ctx.toasts.push({ level: "error", title: "Could not load a component", message: String(e) }),
      );
      return () => {
        live = false;
      };
    }, []);
    return view ? h(view, p) : h("div", { class: "block container lazy-pending", "data-testid": `block-${p.state.id}`, "aria-busy": "true" });
  };
}
