/**
 * gr.Image: shows an image (scale-down, never enlarged), with download /
 * fullscreen / share buttons; when interactive, takes one from the upload
 * drop zone, the webcam or the clipboard (`sources`), and clears it.
 *
 * A new image is uploaded (`POST /upload`) and becomes the FileData value:
 * upload + input + change fire, as in Gradio. Clicking a selectable image
 * fires `select` with the clicked pixel `[x, y]` of the natural image.
 * Errors (not an image, too large, camera denied, undecodable file) are
 * shown at the component; the value already there is kept.
 */

import { h, type ComponentChild } from "preact";
import { useRef, useState } from "preact/hooks";
import css from "./Image.css?inline";
import type { FileData } from "../types.js";
import type { ComponentState } from "../engine/store.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { BlockLabel } from "../ui/label.js";
import { UploadZone } from "../ui/upload.js";
import { Empty } from "../ui/empty.js";
import { Webcam } from "../ui/webcam.js";
import { fileName, useResolvedUrl } from "../ui/files.js";
import { IconButtons, buttonsCss, hasButton } from "../ui/buttons.js";
import { ClearButton, DownloadButton, FullscreenButton, ShareButton } from "../ui/actionbuttons.js";
import { useCss } from "../ui/styles.js";
import { domId, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";

type Source = "upload" | "webcam" | "clipboard";
const SOURCES: Source[] = ["upload", "webcam", "clipboard"];

function svgIcon(paths: string[], extra: ComponentChild[] = []): ComponentChild {
  return h("svg", { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2,
    "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true", focusable: "false" },
  paths.map((d) => h("path", { d })), ...extra);
}
export const ImageIcon = (): ComponentChild =>
  svgIcon(["M21 15l-5-5L5 21", "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"],
    [h("circle", { cx: 8.5, cy: 8.5, r: 1.5 })]);
const SOURCE_ICONS: Record<Source, () => ComponentChild> = {
  upload: () => svgIcon(["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M17 8l-5-5-5 5", "M12 3v12"]),
  webcam: () => svgIcon(["M23 19a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4l2-3h6l2 3h4a2 2 0 0 1 2 2z"],
    [h("circle", { cx: 12, cy: 13, r: 4 })]),
  clipboard: () => svgIcon(["M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2",
    "M9 2h6a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z"]),
};
const SOURCE_LABELS: Record<Source, string> = { upload: "Upload", webcam: "Webcam", clipboard: "Paste from clipboard" };

/**
 * The natural-image pixel under a click on an `object-fit: scale-down`
 * image (Gradio's rule), or null outside the drawn image.
 */
export function clickedPixel(img: HTMLImageElement, clientX: number, clientY: number): [number, number] | null {
  const r = img.getBoundingClientRect();
  if (!img.naturalWidth || !img.naturalHeight) return null;
  const scale = Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight, 1);
  const dx = (r.width - img.naturalWidth * scale) / 2;
  const dy = (r.height - img.naturalHeight * scale) / 2;
  const x = Math.round((clientX - r.left - dx) / scale);
  const y = Math.round((clientY - r.top - dy) / scale);
  if (x < 0 || y < 0 || x >= img.naturalWidth || y >= img.naturalHeight) return null;
  return [x, y];
}

/** True for files the browser says are images, or whose name looks like one. */
export function looksLikeImage(f: File): boolean {
  return f.type.startsWith("image/") || /\.(png|jpe?g|gif|webp|bmp|tiff?|svg|ico|avif|heic)$/i.test(f.name);
}

/** Upload (an image file only) and clear for image views: the value, its events and the message shown. */
export function useImageUpload(state: ComponentState, ctx: ShellContext): {
  busy: boolean; error: string | null; setError: (e: string | null) => void; put: (file: File) => Promise<void>; clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const put = async (file: File): Promise<void> => {
    if (!looksLikeImage(file)) {
      setError(`"${file.name}" is not an image. Choose an image file (PNG, JPEG, WebP, GIF…).`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const [uploaded] = await ctx.client.upload([file]);
      ctx.userInput(state.id, uploaded);
      ctx.trigger(state.id, "upload", null);
    } catch (e) {
      setError(`Upload failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const clear = (): void => {
    setError(null);
    ctx.userInput(state.id, null);
    ctx.trigger(state.id, "clear");
  };
  return { busy, error, setError, put, clear };
}

/** Gradio's placeholder: plain text, lines starting with `#` as headings (no HTML). */
function Placeholder({ text }: { text: string }): ComponentChild {
  return h(
    "span",
    { class: "image-placeholder" },
    text.split("\n").map((line, i) => {
      const m = /^(#{1,6})\s+(.*)$/.exec(line);
      return m ? h("strong", { key: i, class: `ph-h${m[1]!.length}` }, m[2]) : h("span", { key: i }, line);
    }),
  );
}

function cssSize(v: unknown): string | undefined {
  return typeof v === "number" ? `${v}px` : typeof v === "string" && v ? v : undefined;
}

/** The displayed image; a click fires `select` with pixel coordinates when someone listens. */
function ImageFrame({ file, ctx, id, selectable, alt, onBroken }: {
  file: FileData; ctx: ShellContext; id: number; selectable: boolean; alt: string; onBroken: () => void;
}): ComponentChild {
  const url = useResolvedUrl(ctx, file);
  return h(
    "div",
    {
      class: selectable ? "image-frame selectable" : "image-frame",
      onClick: selectable
        ? (e: MouseEvent) => {
            const img = (e.currentTarget as HTMLElement).querySelector("img");
            const xy = img ? clickedPixel(img, e.clientX, e.clientY) : null;
            if (xy) ctx.trigger(id, "select", { index: xy, value: null });
          }
        : undefined,
    },
    url ? h("img", { src: url, alt, "data-testid": "image-display", onError: onBroken }) : null,
  );
}

/**
 * One streamed frame → the `stream` listeners: the first starts the stream event, later
 * ones are its chunks (`/stream/{event_id}`; Python keeps only the latest while it works).
 */
async function streamFrame(ctx: ShellContext, id: number, blob: Blob): Promise<void> {
  const url = await new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
  const frame: FileData = { path: null as unknown as string, url, orig_name: "frame.jpeg", size: blob.size, mime_type: "image/jpeg",
    meta: { _type: "gradio.FileData" } };
  ctx.engine.trigger(id, "stream", null, new Map([[id, frame]]));
}

export function ImageView({ state, ctx }: ViewProps): ComponentChild {
  useCss(css, buttonsCss);
  const props = state.props.value;
  const editable = props.interactive !== false;
  const value = isFileData(props.value) ? props.value : null;
  const sources = (Array.isArray(props.sources) ? props.sources : SOURCES).filter((s): s is Source => SOURCES.includes(s as Source));
  const [active, setActive] = useState<Source>(sources[0] ?? "upload");
  const { busy, error, setError, put, clear } = useImageUpload(state, ctx);
  const [broken, setBroken] = useState<string | null>(null);
  const block = useRef<HTMLDivElement>(null);
  const url = useResolvedUrl(ctx, value);
  const webcam = (props.webcam_options ?? {}) as { mirror?: boolean; constraints?: Record<string, unknown> | null };
  const brokenNow = value !== null && broken === value.path;


  const paste = async (): Promise<void> => {
    setError(null);
    try {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.find((t) => t.startsWith("image/"));
        if (type) {
          const blob = await item.getType(type);
          await put(new File([blob], `clipboard.${type.split("/")[1] ?? "png"}`, { type }));
          return;
        }
      }
      setError("The clipboard holds no image. Copy an image, then paste it here.");
    } catch (e) {
      setError(`The clipboard could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const buttons = h(
    IconButtons,
    {
      floating: true,
      children: [
        value && url && hasButton(props, "download") ? h(DownloadButton, { href: url, filename: fileName(value) }) : null,
        value && url && hasButton(props, "share") && typeof navigator.share === "function"
          ? h(ShareButton, { data: async () => ({ title: fileName(value), files: [new File([await (await fetch(url)).blob()], fileName(value))] }) })
          : null,
        value && hasButton(props, "fullscreen") ? h(FullscreenButton, { target: () => block.current }) : null,
        value && editable ? h(ClearButton, { onClear: clear, label: "Clear image" }) : null,
      ],
    },
  );

  let body: ComponentChild;
  if (value) {
    body = brokenNow
      ? h("div", { class: "image-broken", role: "alert" }, `"${fileName(value)}" could not be displayed: the file is not an image the browser can show.`)
      : h(ImageFrame, {
          file: value,
          ctx,
          id: state.id,
          selectable: props._selectable === true,
          // Gradio's alt_text; otherwise the label names the image for screen readers.
          alt: str(props.alt_text) || str(props.label, "Image"),
          onBroken: () => setBroken(value.path),
        });
  } else if (!editable) {
    body = h(Empty, { large: true, icon: h(ImageIcon, null) });
  } else if (active === "webcam" && props.streaming === true) {
    // Streaming: frames go to the `stream` listeners as JPEG data URLs, never becoming the value.
    const dep = ctx.engine.dependencies(state.id, "stream")[0];
    body = h(Webcam, {
      mirror: webcam.mirror !== false,
      constraints: webcam.constraints ?? null,
      streaming: true,
      everyMs: (typeof dep?.stream_every === "number" ? dep.stream_every : 0.5) * 1000,
      limitMs: typeof dep?.time_limit === "number" ? dep.time_limit * 1000 : null,
      onCapture: () => {},
      onFrame: (blob: Blob) => void streamFrame(ctx, state.id, blob),
      onStreamStop: () => ctx.engine.closeStream(state.id),
    });
  } else if (active === "webcam") {
    body = h(Webcam, {
      mirror: webcam.mirror !== false,
      constraints: webcam.constraints ?? null,
      busy,
      onCapture: (blob: Blob) => void put(new File([blob], "image.png", { type: "image/png" })),
    });
  } else if (active === "clipboard") {
    body = h(
      "div",
      {
        class: "drop-zone paste-zone",
        tabIndex: 0,
        onPaste: (e: ClipboardEvent) => {
          const f = Array.from(e.clipboardData?.files ?? []).find(looksLikeImage);
          if (f) {
            e.preventDefault();
            void put(f);
          }
        },
      },
      h("button", { type: "button", class: "drop-button", disabled: busy, onClick: () => void paste() },
        SOURCE_ICONS.clipboard(), h("span", null, busy ? "Uploading…" : "Paste an image"),
        h("span", { class: "drop-or" }, "click, or press Ctrl+V / ⌘V here")),
    );
  } else {
    const ph = str(props.placeholder);
    body = h(
      "div",
      { class: "image-upload" },
      h(UploadZone, {
        id: domId(state.id),
        label: str(props.label, "Image"),
        multiple: false,
        fileTypes: ["image"],
        busy,
        text: ph ? undefined : "Drop Image Here",
        onFiles: (files: File[]) => {
          if (files[0]) void put(files[0]);
        },
      }),
      ph ? h(Placeholder, { text: ph }) : null,
    );
  }

  const showSources = editable && !value && (sources.length > 1 || sources.includes("clipboard"));
  return h(
    Block,
    { state, class: "image-block" },
    h(
      "div",
      {
        ref: block,
        class: value ? "image-container has-value" : "image-container",
        style: { height: cssSize(props.height), width: cssSize(props.width) },
      },
      h(BlockLabel, { props, icon: h(ImageIcon, null), fallback: "Image" }),
      buttons,
      body,
    ),
    error ? h("div", { class: "image-error", role: "alert" }, error) : null,
    showSources
      ? h(
          "div",
          { class: "image-sources", role: "group", "aria-label": "Image source" },
          sources.map((s) =>
            h(
              "button",
              {
                type: "button",
                key: s,
                class: s === active ? "source-button active" : "source-button",
                "aria-label": SOURCE_LABELS[s],
                "aria-pressed": String(s === active),
                title: SOURCE_LABELS[s],
                onClick: () => {
                  setError(null);
                  setActive(s);
                  if (s === "clipboard") void paste();
                },
              },
              SOURCE_ICONS[s](),
            ),
          ),
        )
      : null,
  );
}

const module: ViewModule = { view: ImageView, css };
export default module;
