/**
 * gr.File: the shared upload drop zone (single/multiple, `file_types`) and a
 * list of files with download links. Uploads go through `POST /upload`; the
 * value becomes FileData (or a list of them) and fires upload + input +
 * change. Links go through `ctx.resolveUrl` so they work without a service worker.
 */

import { h, type ComponentChild } from "preact";
import { useState } from "preact/hooks";
import css from "./File.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { FileIcon } from "../ui/icons.js";
import { UploadZone } from "../ui/upload.js";
import { Empty } from "../ui/empty.js";
import { fileName, formatSize, useResolvedUrl } from "../ui/files.js";
import { buttonsCss } from "../ui/buttons.js";
import { useCss } from "../ui/styles.js";
import { domId, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";

function FileRow({ f, ctx, onRemove, index, id }: { f: FileData; ctx: ShellContext; onRemove?: () => void; index: number; id: number }): ComponentChild {
  const url = useResolvedUrl(ctx, f);
  const name = fileName(f);
  return h(
    "li",
    { class: "file-row" },
    h("span", { class: "file-icon" }, h(FileIcon, null)),
    h(
      "a",
      {
        class: "file-name",
        href: url,
        download: name,
        target: "_blank",
        rel: "noopener",
        "aria-disabled": url ? undefined : "true",
        onClick: () => {
          ctx.trigger(id, "download", { file: f });
          ctx.trigger(id, "select", { index, value: name, selected: true });
        },
      },
      name,
    ),
    h("span", { class: "file-size" }, formatSize(f.size)),
    onRemove
      ? h("button", { type: "button", class: "icon-button", "aria-label": `Remove ${name}`, onClick: onRemove }, "×")
      : null,
  );
}

export function FileView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const multiple = str(props.file_count, "single") !== "single";
  const editable = props.interactive !== false;
  const [busy, setBusy] = useState(false);
  const raw = props.value;
  const files: FileData[] = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(isFileData);
  useCss(buttonsCss);

  const upload = async (list: File[]): Promise<void> => {
    setBusy(true);
    try {
      const uploaded = await ctx.client.upload(list);
      const value = multiple ? [...files, ...uploaded] : uploaded[0];
      ctx.userInput(state.id, value);
      ctx.trigger(state.id, "upload", null);
    } catch (e) {
      ctx.toasts.push({ level: "error", title: "Upload failed", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const remove = (i: number): void => {
    const f = files[i];
    const rest = files.filter((_, j) => j !== i);
    ctx.userInput(state.id, multiple ? (rest.length ? rest : null) : null);
    ctx.trigger(state.id, "delete", { file: f });
    if (!rest.length) ctx.trigger(state.id, "clear");
  };

  const list = files.length
    ? h(
        "ul",
        { class: "file-list" },
        files.map((f, i) => h(FileRow, { key: f.path, f, ctx, index: i, id: state.id, onRemove: editable ? () => remove(i) : undefined })),
      )
    : null;

  return h(
    Block,
    { state },
    h(BlockTitle, { props, fallback: "File" }),
    list,
    editable && (multiple || !files.length)
      ? h(UploadZone, {
          id: domId(state.id),
          label: str(props.label, "File"),
          multiple,
          fileTypes: props.file_types,
          busy,
          onFiles: (l: File[]) => void upload(l),
        })
      : null,
    !editable && !files.length ? h(Empty, { text: "No file" }) : null,
  );
}

export default { view: FileView, css } satisfies ViewModule;
