/**
 * gr.DownloadButton: a button whose value is a file; clicking downloads it
 * and fires `click`. Without a value it only fires `click`. The bytes are
 * fetched by the page (through the service worker or the direct transport)
 * and saved from a blob: URL: a download navigation has no client for the
 * service worker to route by, and some browsers cancel such downloads.
 */

import { h, type ComponentChild } from "preact";
import { classList, sizing } from "./block.js";
import { useResolvedUrl } from "../ui/files.js";
import { isFileData } from "../types.js";
import { str, type ViewModule, type ViewProps } from "./context.js";
import { buttonsCss } from "../ui/buttons.js";

async function save(url: string, name: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name}: ${response.status} ${response.statusText}`);
  const blobUrl = URL.createObjectURL(await response.blob());
  // A detached link: the download needs no element in the (shadow) DOM.
  const a = document.createElement("a");
  a.href = blobUrl;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}

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
        if (url) void save(url, name ?? "download").catch((e: unknown) =>
          ctx.toasts.push({ level: "error", title: "Download failed", message: e instanceof Error ? e.message : String(e) }));
        ctx.trigger(state.id, "click");
      },
    },
    str(props.label, "Download"),
  );
}

export default { view: DownloadButtonView, css: buttonsCss } satisfies ViewModule;
