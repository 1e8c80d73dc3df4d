/**
 * The footer link that downloads an app's flagged data (CSV files plus the files
 * flagging copied next to them) as one zip. Shown when the config says the app
 * flags (`wasmui_flagging`, not a Gradio key); the data lives in the worker's file
 * system, kept in IndexedDB across visits.
 */

import { h, type ComponentChild } from "preact";
import { useState } from "preact/hooks";
import type { ShellContext } from "../components/context.js";
import { useCss } from "./styles.js";

const CSS = `
.wasmui-footer { display: flex; justify-content: center; gap: var(--spacing-lg, 8px); margin-top: var(--spacing-xxl, 16px);
  padding: var(--spacing-md, 6px); color: var(--body-text-color-subdued, #6b7280); font-size: var(--text-sm, 12px); }
.wasmui-footer a { color: inherit; text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
.wasmui-footer a:hover { color: var(--body-text-color, inherit); }
.wasmui-footer a[aria-busy="true"] { cursor: progress; opacity: 0.7; }
`;

/** Saves `blob` as `name` from a detached link (no element in the shadow DOM needed). */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function FlaggedDataFooter({ ctx }: { ctx: ShellContext }): ComponentChild {
  useCss(CSS);
  const [busy, setBusy] = useState(false);
  const download = async (): Promise<void> => {
    setBusy(true);
    try {
      const res = await ctx.client.get("/wasmui/flagged.zip");
      if (res.status === 404) {
        ctx.toasts.push({ level: "info", title: "Flagged data", message: "Nothing has been flagged yet." });
        return;
      }
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      saveBlob(await res.blob(), "flagged-data.zip");
    } catch (e) {
      ctx.toasts.push({ level: "error", title: "Download failed", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  // A link (it is a download), fetched through the shell's transport so it works without a
  // service worker too.
  return h(
    "footer",
    { class: "wasmui-footer" },
    h("a", {
      class: "flagged-data", href: `${ctx.client.api}/wasmui/flagged.zip`, download: "flagged-data.zip",
      "aria-busy": busy || undefined,
      onClick: (e: Event) => {
        e.preventDefault();
        if (!busy) void download();
      },
    }, "Download flagged data"),
  );
}
