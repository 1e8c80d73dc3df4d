/**
 * gr.File: upload drop zone (single/multiple, `file_types`) and a list of
 * files with download links. Uploads go through `POST /upload`; the value
 * becomes FileData (or a list of them) and fires upload + input + change.
 * Links go through `ctx.resolveUrl` so they work without a service worker.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block, BlockTitle, classList } from "./block.js";
import { FileIcon, UploadIcon } from "../ui/icons.js";
import { domId, str, type ShellContext, type ViewProps } from "./context.js";

const KIND_TO_ACCEPT: Record<string, string> = {
  image: "image/*",
  audio: "audio/*",
  video: "video/*",
  text: "text/*",
};

export function acceptAttr(types: unknown): string | undefined {
  if (!Array.isArray(types) || !types.length) return undefined;
  if (types.includes("file")) return undefined;
  return types.map((t) => KIND_TO_ACCEPT[String(t)] ?? String(t)).join(",");
}

function formatSize(n: number | null | undefined): string {
  if (n == null) return "";
  const units = ["B", "KB", "MB", "GB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}

/** Resolves a server file URL asynchronously (blob URL when needed). */
export function useResolvedUrl(ctx: ShellContext, file: FileData | null): string | undefined {
  const raw = file ? (file.url ?? ctx.client.fileUrl(file.path)) : undefined;
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setUrl(undefined);
    if (raw) ctx.resolveUrl(raw).then((u) => live && setUrl(u), () => live && setUrl(raw));
    return () => {
      live = false;
    };
  }, [raw]);
  return url;
}

function fileName(f: FileData): string {
  return f.orig_name || f.path.split(/[\\/]/).pop() || "file";
}

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
  const id = domId(state.id);
  const multiple = str(props.file_count, "single") !== "single";
  const editable = props.interactive !== false;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const raw = props.value;
  const files: FileData[] = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(isFileData);

  const upload = async (list: File[]): Promise<void> => {
    if (!list.length) return;
    setBusy(true);
    try {
      const uploaded = await ctx.client.upload(multiple ? list : list.slice(0, 1));
      const value = multiple ? [...files, ...uploaded] : uploaded[0];
      ctx.userInput(state.id, value);
      ctx.trigger(state.id, "upload", null);
    } catch (e) {
      ctx.toasts.push({ level: "error", title: "Upload failed", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
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

  const zone =
    editable && (multiple || !files.length)
      ? h(
          "div",
          {
            class: classList("drop-zone", over && "over", busy && "busy"),
            onDragOver: (e: DragEvent) => {
              e.preventDefault();
              setOver(true);
            },
            onDragLeave: () => setOver(false),
            onDrop: (e: DragEvent) => {
              e.preventDefault();
              setOver(false);
              void upload(Array.from(e.dataTransfer?.files ?? []));
            },
          },
          h("input", {
            ref: input,
            id,
            type: "file",
            class: "visually-hidden",
            // The visible button below is the keyboard stop; skip the hidden input.
            tabIndex: -1,
            multiple,
            accept: acceptAttr(props.file_types),
            "aria-label": str(props.label, "File"),
            onChange: (e: Event) => void upload(Array.from((e.currentTarget as HTMLInputElement).files ?? [])),
          }),
          h(
            "button",
            { type: "button", class: "drop-button", disabled: busy, onClick: () => input.current?.click() },
            h(UploadIcon, null),
            h("span", null, busy ? "Uploading…" : multiple ? "Drop files here" : "Drop a file here"),
            busy ? null : h("span", { class: "drop-or" }, "or click to upload"),
          ),
        )
      : null;

  return h(
    Block,
    { state },
    h(BlockTitle, { props, fallback: "File" }),
    list,
    zone,
    !editable && !files.length ? h("div", { class: "empty" }, "No file") : null,
  );
}
