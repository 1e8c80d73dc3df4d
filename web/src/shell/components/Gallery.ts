/**
 * gr.Gallery: a grid of images and videos with captions (`columns`, `rows`,
 * `height`, `object_fit`, `fit_columns`), a preview of the selected item
 * (`allow_preview`, `preview`, `selected_index`; arrows, Escape, click left /
 * right half to step), and, when interactive, uploads (appended), removal of
 * one item, clearing, webcam and clipboard sources.
 *
 * Events as Gradio: `select` with `{index, value: {image|video, caption}}`,
 * `preview_open` / `preview_close`, `upload`, `delete` with `{file, index}`,
 * `change` through the store.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import css from "./Gallery.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { BlockLabel } from "../ui/label.js";
import { UploadZone } from "../ui/upload.js";
import { Empty } from "../ui/empty.js";
import { CameraIcon, Webcam } from "../ui/webcam.js";
import { fileName, useResolvedUrl } from "../ui/files.js";
import { IconButton, IconButtons, buttonsCss, hasButton } from "../ui/buttons.js";
import { ClearButton, DownloadButton, FullscreenButton, ShareButton } from "../ui/actionbuttons.js";
import { useCss } from "../ui/styles.js";
import { ImageIcon, looksLikeImage } from "./Image.js";
import { domId, num, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";

export type GalleryItem = { image?: FileData; video?: FileData; caption?: string | null };

/** The value's items that carry a file (anything else is dropped rather than breaking the grid). */
export function galleryItems(value: unknown): GalleryItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is GalleryItem => !!v && typeof v === "object" && (isFileData((v as GalleryItem).image) || isFileData((v as GalleryItem).video)),
  );
}

export function itemFile(item: GalleryItem): FileData {
  return (item.image ?? item.video) as FileData;
}

/** Uploaded files as gallery items (videos by MIME type, as Gradio). */
export function toItems(files: FileData[]): GalleryItem[] {
  return files.map((f) => (f.mime_type?.includes("video") ? { video: f, caption: null } : { image: f, caption: null }));
}

/** Gradio's `fit_columns`: never more columns than items. */
export function effectiveColumns(columns: unknown, count: number, fit: boolean): number {
  const c = Array.isArray(columns) ? num(columns[columns.length - 1]) : num(columns);
  const base = c && c > 0 ? Math.floor(c) : 2;
  return fit && count > 0 ? Math.min(base, count) : base;
}

function Media({ item, ctx, large = false }: { item: GalleryItem; ctx: ShellContext; large?: boolean }): ComponentChild {
  const file = itemFile(item);
  const url = useResolvedUrl(ctx, file);
  if (!url) return h("span", { class: "media-loading" });
  const caption = item.caption ?? "";
  if (item.video)
    return h("video", { src: url, title: caption || undefined, controls: large, muted: !large, preload: "metadata", playsInline: true });
  return h("img", { src: url, alt: caption, title: caption || undefined, loading: "lazy", "data-testid": large ? "detailed-image" : undefined });
}

const ChevronIcon = ({ left }: { left: boolean }): ComponentChild =>
  h("svg", { width: 20, height: 20, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2, "aria-hidden": "true" },
    h("path", { d: left ? "M15 18l-6-6 6-6" : "M9 18l6-6-6-6" }));

export function GalleryView({ state, ctx }: ViewProps): ComponentChild {
  useCss(css, buttonsCss);
  const props = state.props.value;
  const items = galleryItems(props.value);
  const editable = props.interactive === true;
  const allowPreview = props.allow_preview !== false;
  const propIndex = num(props.selected_index);
  const [selected, setSelected] = useState<number | null>(propIndex ?? (props.preview === true && items.length ? 0 : null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const block = useRef<HTMLDivElement>(null);
  const preview = useRef<HTMLDivElement>(null);
  const sources = Array.isArray(props.sources) ? (props.sources as string[]) : ["upload"];

  // `selected_index` set by the app (an update or the config) wins; a new value keeps the index in range.
  useEffect(() => setSelected(propIndex), [propIndex]);
  useEffect(() => {
    if (selected != null && selected >= items.length) setSelected(items.length ? items.length - 1 : null);
  }, [items.length]);
  const inPreview = allowPreview && selected != null && selected < items.length;
  useEffect(() => {
    if (inPreview) preview.current?.focus();
  }, [inPreview]);

  const select = (i: number): void => {
    setSelected(i);
    ctx.trigger(state.id, "select", { index: i, value: items[i] });
  };
  const open = (i: number): void => {
    if (allowPreview && selected == null) ctx.trigger(state.id, "preview_open");
    select(i);
  };
  const close = (): void => {
    setSelected(null);
    ctx.trigger(state.id, "preview_close");
  };
  const step = (d: number): void => {
    if (!items.length) return;
    select(((selected ?? 0) + d + items.length) % items.length);
  };

  const add = async (files: File[]): Promise<void> => {
    const bad = files.find((f) => !looksLikeImage(f) && !f.type.startsWith("video/"));
    if (bad && (!Array.isArray(props.file_types) || !props.file_types.length)) {
      setError(`"${bad.name}" is not an image or a video.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const uploaded = toItems(await ctx.client.upload(files));
      const value = [...items, ...uploaded];
      ctx.userInput(state.id, value);
      ctx.trigger(state.id, "upload", value);
      setCamera(false);
    } catch (e) {
      setError(`Upload failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const remove = (i: number): void => {
    const item = items[i];
    if (!item) return;
    const file = itemFile(item);
    ctx.trigger(state.id, "delete", { file, index: i });
    ctx.userInput(state.id, items.filter((_, j) => j !== i));
    if (selected != null) setSelected(null);
  };
  const clear = (): void => {
    setSelected(null);
    setError(null);
    ctx.userInput(state.id, []);
    ctx.trigger(state.id, "clear");
  };

  const current = inPreview ? items[selected as number] : null;
  const uploadButton = editable
    ? h(UploadZone, {
        id: domId(state.id),
        label: str(props.label, "Gallery"),
        multiple: true,
        fileTypes: Array.isArray(props.file_types) && props.file_types.length ? props.file_types : ["image", "video"],
        busy,
        text: "Drop Media Here",
        onFiles: (f: File[]) => void add(f),
      })
    : null;

  const toolbar = h(
    IconButtons,
    {
      floating: true,
      children: [
        current && hasButton(props, "download") ? h(PreviewDownload, { item: current, ctx }) : null,
        // Gradio's share button; only where the browser can share files (navigator.share).
        current && hasButton(props, "share") && typeof navigator.share === "function" ? h(PreviewShare, { item: current, ctx }) : null,
        items.length && hasButton(props, "fullscreen") ? h(FullscreenButton, { target: () => block.current }) : null,
        editable && !inPreview && sources.includes("webcam")
          ? h(IconButton, { label: camera ? "Close camera" : "Open camera", icon: h(CameraIcon, { size: 14 }), onClick: () => setCamera(!camera) })
          : null,
        editable && !inPreview && items.length ? h(ClearButton, { onClear: clear, label: "Clear gallery" }) : null,
        inPreview ? h(ClearButton, { onClear: close, label: "Close preview" }) : null,
      ],
    },
  );

  let body: ComponentChild;
  if (camera) {
    body = h(Webcam, { mirror: true, busy, onCapture: (b: Blob) => void add([new File([b], "image.png", { type: "image/png" })]) });
  } else if (!items.length) {
    body = editable ? uploadButton : h(Empty, { large: true, icon: h(ImageIcon, null) });
  } else if (current) {
    body = h(
      "div",
      {
        ref: preview,
        class: "gallery-preview",
        tabIndex: -1,
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === "Escape") close();
          else if (e.key === "ArrowLeft") step(-1);
          else if (e.key === "ArrowRight") step(1);
          else return;
          e.preventDefault();
        },
      },
      h(
        "div",
        { class: "preview-media" },
        h("button", { type: "button", class: "preview-nav prev", "aria-label": "Previous", onClick: () => step(-1) }, h(ChevronIcon, { left: true })),
        h(Media, { item: current, ctx, large: true }),
        h("button", { type: "button", class: "preview-nav next", "aria-label": "Next", onClick: () => step(1) }, h(ChevronIcon, { left: false })),
      ),
      current.caption ? h("div", { class: "preview-caption" }, current.caption) : null,
      h(
        "div",
        { class: "thumbnails", role: "list" },
        items.map((it, i) =>
          h(
            "button",
            {
              type: "button",
              key: itemFile(it).path ?? i,
              class: i === selected ? "thumbnail selected" : "thumbnail",
              "aria-label": `Thumbnail ${i + 1} of ${items.length}`,
              "aria-current": i === selected ? "true" : undefined,
              onClick: () => select(i),
            },
            h(Media, { item: it, ctx }),
          ),
        ),
      ),
    );
  } else {
    const cols = effectiveColumns(props.columns, items.length, props.fit_columns !== false);
    const rows = num(props.rows);
    body = h(
      "div",
      {
        class: "gallery-grid",
        style: {
          "--grid-cols": String(cols),
          "--grid-rows": rows ? String(rows) : undefined,
          "--object-fit": str(props.object_fit, "cover"),
        },
      },
      items.map((it, i) =>
        h(
          "div",
          { class: i === selected ? "gallery-item selected" : "gallery-item", key: itemFile(it).path ?? i },
          h(
            "button",
            {
              type: "button",
              class: "gallery-thumb",
              "aria-label": it.caption ? `${it.caption} (${i + 1} of ${items.length})` : `Image ${i + 1} of ${items.length}`,
              onClick: () => open(i),
            },
            h(Media, { item: it, ctx }),
            it.caption ? h("span", { class: "gallery-caption" }, it.caption) : null,
          ),
          editable
            ? h("button", { type: "button", class: "gallery-remove", "aria-label": `Remove ${fileName(itemFile(it))}`, onClick: () => remove(i) }, "×")
            : null,
        ),
      ),
    );
  }

  const height = typeof props.height === "number" ? `${props.height}px` : typeof props.height === "string" && props.height !== "auto" ? props.height : undefined;
  return h(
    Block,
    { state, class: "gallery-block" },
    h(
      "div",
      { ref: block, class: "gallery-container", style: { height } },
      h(BlockLabel, { props, icon: h(ImageIcon, null), fallback: "Gallery" }),
      toolbar,
      body,
    ),
    editable && items.length && !inPreview && !camera ? h("div", { class: "gallery-add" }, uploadButton) : null,
    error ? h("div", { class: "image-error", role: "alert" }, error) : null,
  );
}

function PreviewDownload({ item, ctx }: { item: GalleryItem; ctx: ShellContext }): ComponentChild {
  const file = itemFile(item);
  const url = useResolvedUrl(ctx, file);
  return h(DownloadButton, { href: url, filename: fileName(file) });
}

function PreviewShare({ item, ctx }: { item: GalleryItem; ctx: ShellContext }): ComponentChild {
  const file = itemFile(item);
  const url = useResolvedUrl(ctx, file);
  return h(ShareButton, { data: async () => ({ title: fileName(file),
    files: url ? [new File([await (await fetch(url)).blob()], fileName(file))] : [] }) });
}

const module: ViewModule = { view: GalleryView, css };
export default module;
