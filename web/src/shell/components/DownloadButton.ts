/**
 * gr.DownloadButton: a button whose value is a file; clicking downloads it
 * (through an `<a download>` on the resolved URL, so it works without a
 * service worker) and fires `click`. Without a value it only fires `click`.
 */

import { h, type ComponentChild } from "preact";
import { classList, sizing } from "./block.js";
import { useResolvedUrl } from "./File.js";
import { isFileData } from "../types.js";
import { str, type ViewProps } from "./context.js";

export function DownloadButtonView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const file = isFileData(props.value) ? props.value : null;
  const url = useResolvedUrl(ctx, file);
  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";
  const name = file ? file.orig_name || file.path.split(/[\\/]/).pop() || "download" : undefined;
  return h(
    "button",
    {
      type: "button",
      id: str(props.elem_id) || undefined,
      class: classList("btn", `btn-${str(props.variant, "secondary")}`, `btn-${str(props.size, "lg")}`, props.visible === "hidden" && "hidden", cls),
      style: sizing(props),
      disabled: props.interactive === false,
      "data-href": url,
      onClick: () => {
        if (url) {
          // A detached link: the download needs no element in the (shadow) DOM.
          const a = document.createElement("a");
          a.href = url;
          a.download = name ?? "";
          a.rel = "noopener";
          a.click();
        }
        ctx.trigger(state.id, "click");
      },
    },
    str(props.label, "Download"),
  );
}
