/**
 * gr.ImageEditor (and the Sketchpad / Paint / ImageMask templates, which send
 * the same config type): a canvas editor over components/editorModel.ts.
 *
 * Tools, as Gradio offers them: the background image (upload, webcam,
 * clipboard, drag and drop — the `sources`), crop and resize (`transforms`), brush
 * (`brush`: palette, fixed or free colour, size) and eraser (`eraser`); layers
 * (`layers`: add, select, hide); undo / redo / clear; download (`buttons`).
 * Sketchpad has no sources, so it opens on a white canvas with the brush.
 *
 * After every edit the value is sent as Gradio sends it: `background.png`,
 * `layer_<i>.png` and `composite.png` go through the normal upload route and
 * the value becomes `{background, layers, composite, id: null}` (input +
 * change fire). A value from Python (an output, or an update) is loaded into
 * the canvas. Non-interactive, the composite is shown as an image.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import css from "./ImageEditor.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { BlockLabel } from "../ui/label.js";
import { UploadZone } from "../ui/upload.js";
import { Empty } from "../ui/empty.js";
import { Webcam } from "../ui/webcam.js";
import { useResolvedUrl } from "../ui/files.js";
import { IconButton, buttonsCss, hasButton } from "../ui/buttons.js";
import { FullscreenButton } from "../ui/actionbuttons.js";
import { useCss } from "../ui/styles.js";
import { domId, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { ImageIcon, clickedPixel, looksLikeImage } from "./Image.js";
import { EditorModel, MAX_SIDE, brushColor, brushRadius, pngBlob, resizeDims, spanRect, toImagePoint, type BrushColor, type Point, type Rect } from "./editorModel.js";

type Tool = "image" | "crop" | "resize" | "draw" | "erase";
type Source = "upload" | "webcam" | "clipboard";
type EditorValue = { background: FileData | null; layers: FileData[]; composite: FileData | null; id?: string | null };
type BrushOpts = { default_size?: unknown; colors?: unknown; default_color?: unknown; color_mode?: unknown };
type LayerOpts = { allow_additional_layers?: boolean; layers?: string[]; disabled?: boolean };

export const EMPTY_EDITOR_VALUE: EditorValue = { background: null, layers: [], composite: null };

const STAGE_HEIGHT = 420;
const SOURCES: Source[] = ["upload", "webcam", "clipboard"];
const SOURCE_LABELS: Record<Source, string> = { upload: "Upload", webcam: "Webcam", clipboard: "Paste from clipboard" };

function svg(paths: string[], extra: ComponentChild[] = []): ComponentChild {
  return h("svg", { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2,
    "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true", focusable: "false" },
  paths.map((d) => h("path", { d })), ...extra);
}
const ICONS = {
  crop: () => svg(["M6 2v14a2 2 0 0 0 2 2h14", "M18 22V8a2 2 0 0 0-2-2H2"]),
  resize: () => svg(["M15 3h6v6", "M9 21H3v-6", "M21 3l-7 7", "M3 21l7-7"]),
  zoomIn: () => svg(["M21 21l-4.35-4.35", "M11 8v6", "M8 11h6"], [h("circle", { cx: 11, cy: 11, r: 8 })]),
  zoomOut: () => svg(["M21 21l-4.35-4.35", "M8 11h6"], [h("circle", { cx: 11, cy: 11, r: 8 })]),
  draw: () => svg(["M12 19l7-7 3 3-7 7-3-3z", "M18 13l-1.5-7.5L2 2l3.5 14.5L13 18l5-5z", "M2 2l7.586 7.586"], [h("circle", { cx: 11, cy: 11, r: 2 })]),
  erase: () => svg(["M20 20H7L3 16l10-10 7 7-3.5 3.5", "M6.5 13.5l5 5"]),
  undo: () => svg(["M9 14L4 9l5-5", "M4 9h11a5 5 0 0 1 0 10h-3"]),
  redo: () => svg(["M15 14l5-5-5-5", "M20 9H9a5 5 0 0 0 0 10h3"]),
  clear: () => svg(["M3 6h18", "M8 6V4h8v2", "M19 6l-1 14H6L5 6"]),
  download: () => svg(["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M7 10l5 5 5-5", "M12 15V3"]),
  check: () => svg(["M20 6L9 17l-5-5"]),
  eye: () => svg(["M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8z"], [h("circle", { cx: 12, cy: 12, r: 3 })]),
  eyeOff: () => svg(["M17.94 17.94A10 10 0 0 1 12 20c-7 0-11-8-11-8a18 18 0 0 1 5.06-5.94", "M9.9 4.24A9 9 0 0 1 12 4c7 0 11 8 11 8a18 18 0 0 1-2.16 3.19", "M1 1l22 22"]),
  plus: () => svg(["M12 5v14", "M5 12h14"]),
  upload: () => svg(["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M17 8l-5-5-5 5", "M12 3v12"]),
  webcam: () => svg(["M23 19a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4l2-3h6l2 3h4a2 2 0 0 1 2 2z"], [h("circle", { cx: 12, cy: 13, r: 4 })]),
  clipboard: () => svg(["M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2", "M9 2h6v4H9z"]),
};

function editorValue(v: unknown): EditorValue | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const one = (x: unknown): FileData | null => (isFileData(x) ? x : null);
  return { background: one(o.background), composite: one(o.composite),
    layers: Array.isArray(o.layers) ? o.layers.filter(isFileData) : [] };
}

/** A server file as a decoded image (same-origin or blob: URL, so the canvas stays readable). */
async function loadImage(ctx: ShellContext, f: FileData): Promise<HTMLImageElement> {
  const url = await ctx.resolveUrl(f.url ?? ctx.client.fileUrl(f.path));
  const img = new Image();
  if (/^https?:/.test(url) && new URL(url, location.href).origin !== location.origin) img.crossOrigin = "anonymous";
  img.src = url;
  await img.decode();
  return img;
}

/** A picked or pasted file as a bitmap, or a readable error. */
async function decodeFile(file: Blob, name: string): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file);
  } catch {
    throw new Error(`"${name}" could not be read as an image: the file is corrupt or not an image format the browser understands.`);
  }
}

function sizeOf(props: Record<string, unknown>): [number, number] {
  const cs = props.canvas_size;
  const w = Array.isArray(cs) && typeof cs[0] === "number" ? cs[0] : 800;
  const hgt = Array.isArray(cs) && typeof cs[1] === "number" ? cs[1] : 800;
  return [w, hgt];
}

function cssSize(v: unknown): string | undefined {
  return typeof v === "number" ? `${v}px` : typeof v === "string" && v ? v : undefined;
}

/** The editor's images as uploaded files: Gradio's EditorData. */
async function uploadEditor(ctx: ShellContext, m: EditorModel): Promise<EditorValue> {
  const blobs = await Promise.all([pngBlob(m.bg), ...m.layers.map((l) => pngBlob(l.canvas)), pngBlob(m.composite())]);
  const names = ["background.png", ...m.layers.map((_, i) => `layer_${i}.png`), "composite.png"];
  const up = await ctx.client.upload(blobs.map((b, i) => new File([b], names[i]!, { type: "image/png" })));
  return { background: up[0] ?? null, layers: up.slice(1, -1), composite: up[up.length - 1] ?? null, id: null };
}

/** Output mode: the composite (or background) as an image. */
function StaticEditor({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const v = editorValue(props.value);
  const file = v?.composite ?? v?.background ?? null;
  const url = useResolvedUrl(ctx, file);
  return h(Block, { state, class: "image-block imageeditor-block" },
    h("div", { class: "imageeditor static", style: { height: cssSize(props.height), width: cssSize(props.width) } },
      h(BlockLabel, { props, icon: h(ImageIcon, null), fallback: "Image" }),
      file && url ? h("img", { class: props._selectable === true ? "imageeditor-static selectable" : "imageeditor-static", src: url,
        alt: str(props.label, "Image"), "data-testid": "imageeditor-static",
        // As gr.Image: a click on a selectable output fires `select` with the natural-image pixel.
        onClick: props._selectable === true ? (e: MouseEvent) => {
          const xy = clickedPixel(e.currentTarget as HTMLImageElement, e.clientX, e.clientY);
          if (xy) ctx.trigger(state.id, "select", { index: xy, value: null });
        } : undefined })
        : h(Empty, { large: true, icon: h(ImageIcon, null) })));
}

function Editor({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = state.id;
  const [cw, ch] = sizeOf(props);
  const fixed = props.fixed_canvas === true;
  const sources = (Array.isArray(props.sources) ? props.sources : []).filter((s): s is Source => SOURCES.includes(s as Source));
  const transforms = Array.isArray(props.transforms) ? props.transforms.map(String) : [];
  const brush = props.brush && typeof props.brush === "object" ? (props.brush as BrushOpts) : null;
  const eraser = props.eraser && typeof props.eraser === "object" ? (props.eraser as BrushOpts) : null;
  const layerOpts = (props.layers && typeof props.layers === "object" ? props.layers : {}) as LayerOpts;
  const palette = (Array.isArray(brush?.colors) ? brush!.colors : brush?.colors ? [brush.colors] : [])
    .map(brushColor).filter((c): c is BrushColor => c !== null);
  const freeColor = brush?.color_mode !== "fixed";

  const model = useRef<EditorModel | null>(null);
  if (!model.current) model.current = new EditorModel(cw, ch, layerOpts.layers ?? ["Layer 1"]);
  const m = model.current;
  const [, setVersion] = useState(0);
  const bump = (): void => setVersion((n) => n + 1);
  const firstTool: Tool = sources.length ? "image" : brush ? "draw" : eraser ? "erase"
    : transforms.includes("crop") ? "crop" : transforms.includes("resize") ? "resize" : "image";
  const [tool, setTool] = useState<Tool>(firstTool);
  const [source, setSource] = useState<Source>(sources[0] ?? "upload");
  const [color, setColor] = useState<BrushColor>(brushColor(brush?.default_color) ?? palette[0] ?? { css: "#000000", opacity: 1 });
  // null: "auto" (or the app's default_size) for the current canvas size, until the user picks one.
  const [pickedSize, setSize] = useState<number | null>(null);
  const [pickedEraser, setEraserSize] = useState<number | null>(null);
  const size = pickedSize ?? brushRadius(brush?.default_size, m.w, m.h);
  const eraserSize = pickedEraser ?? brushRadius(eraser?.default_size, m.w, m.h);
  const [cropRect, setCropRect] = useState<Rect | null>(null);
  // The size typed into the resize panel (null: the canvas' own), and whether the ratio is kept.
  const [resizeTo, setResizeTo] = useState<{ w: number; h: number } | null>(null);
  const [keepRatio, setKeepRatio] = useState(true);
  // View zoom (1 = fit); above 1 the stage scrolls, so panning is its scrollbars / wheel / touch.
  const [zoom, setZoom] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // How many values were sent, and whether one is on its way (aria-busy; tests wait on data-sent).
  const [sentCount, setSentCount] = useState(0);
  const [sending, setSending] = useState(false);
  const view = useRef<HTMLCanvasElement>(null);
  const sent = useRef<unknown>(undefined);
  const uploading = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const cropStart = useRef<Point | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const repaint = (): void => {
    const c = view.current;
    if (!c) return;
    if (c.width !== m.w || c.height !== m.h) {
      c.width = m.w;
      c.height = m.h;
    }
    const g = c.getContext("2d");
    if (g) m.paint(g);
  };
  useEffect(repaint);

  /**
   * Upload background, layers and composite, then make them the value (input + change). `silent`
   * (after a value from Python was loaded) only replaces the value the next event reads, so a
   * function gets the canvas as Gradio's page gives it (one layer, a composite) without an event.
   */
  const exportOnce = async (silent = false): Promise<void> => {
    const m = model.current!;
    if (silent) {
      if (!m.hasContent) return;
      const value = await uploadEditor(ctx, m);
      if (model.current !== m) return; // replaced meanwhile
      sent.current = value;
      state.props.value = { ...state.props.peek(), value };
      return;
    }
    if (!m.hasContent) {
      sent.current = { ...EMPTY_EDITOR_VALUE };
      ctx.userInput(id, sent.current);
      setSentCount((n) => n + 1);
      return;
    }
    const value = await uploadEditor(ctx, m);
    sent.current = value;
    ctx.userInput(id, value);
    setSentCount((n) => n + 1);
  };
  /** Send the current state; edits during an upload are sent once it finishes (latest state wins). */
  const send = async (silent = false): Promise<void> => {
    if (uploading.current) {
      again.current = true;
      return uploading.current;
    }
    const run = async (): Promise<void> => {
      setSending(true);
      try {
        await exportOnce(silent);
        while (again.current) {
          again.current = false;
          await exportOnce();
        }
      } catch (e) {
        setError(`The drawing could not be sent: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        uploading.current = null;
        setSending(false);
      }
    };
    uploading.current = run();
    return uploading.current;
  };
  const changed = (): void => {
    bump();
    void send();
  };

  // A value from Python (not the one this view just sent) is loaded into the canvas.
  useEffect(() => {
    const raw = props.value;
    if (raw === sent.current) return;
    const v = editorValue(raw);
    let live = true;
    const load = async (): Promise<void> => {
      const fresh = new EditorModel(cw, ch, layerOpts.layers ?? ["Layer 1"]);
      const base = v?.background ?? (v?.layers.length ? null : v?.composite) ?? null;
      if (base) fresh.setBackground(await loadImage(ctx, base), fixed, false);
      for (const [i, f] of (v?.layers ?? []).entries()) fresh.setLayerImage(i, await loadImage(ctx, f));
      if (!live) return;
      model.current = fresh;
      setCropRect(null);
      if (fresh.hasContent && tool === "image") setTool(brush ? "draw" : "image");
      bump();
      void send(true);
    };
    if (!v || (!v.background && !v.composite && !v.layers.length)) {
      if (m.hasContent) {
        model.current = new EditorModel(cw, ch, layerOpts.layers ?? ["Layer 1"]);
        bump();
      }
      return;
    }
    load().catch((e) => live && setError(`The image could not be loaded: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      live = false;
    };
  }, [props.value]);

  const putBackground = async (file: Blob, name: string): Promise<void> => {
    setError(null);
    if (file instanceof File && !looksLikeImage(file)) {
      setError(`"${name}" is not an image. Choose an image file (PNG, JPEG, WebP, GIF…).`);
      return;
    }
    setBusy(true);
    try {
      const bmp = await decodeFile(file, name);
      m.setBackground(bmp, fixed);
      bmp.close();
      setCropRect(null);
      setTool(brush ? "draw" : eraser ? "erase" : "image");
      bump();
      await send();
      ctx.trigger(id, "upload");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const paste = async (): Promise<void> => {
    setError(null);
    try {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.find((t) => t.startsWith("image/"));
        if (type) return void (await putBackground(await item.getType(type), "clipboard image"));
      }
      setError("The clipboard holds no image. Copy an image, then paste it here.");
    } catch (e) {
      setError(`The clipboard could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const undo = (): void => {
    if (m.undo()) changed();
  };
  const redo = (): void => {
    if (m.redo()) changed();
  };
  const clear = (): void => {
    m.clear(cw, ch);
    setCropRect(null);
    setError(null);
    if (sources.length) setTool("image");
    bump();
    sent.current = { ...EMPTY_EDITOR_VALUE };
    ctx.userInput(id, sent.current);
    ctx.trigger(id, "clear");
  };
  const applyCrop = (): void => {
    if (cropRect && m.crop(cropRect)) {
      setCropRect(null);
      changed();
    }
  };
  const applyResize = (): void => {
    if (resizeTo && m.resize(resizeTo.w, resizeTo.h)) {
      setResizeTo(null);
      changed();
    }
  };
  const download = async (): Promise<void> => {
    const url = URL.createObjectURL(await pngBlob(m.composite()));
    const a = document.createElement("a");
    a.href = url;
    a.download = "image.png";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  // -- pointer input on the canvas --------------------------------------------------
  const point = (e: PointerEvent): Point => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return toImagePoint(e.clientX, e.clientY, r, m.w, m.h);
  };
  const onDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    const p = point(e);
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    if (tool === "draw" && brush) m.beginStroke(p, color, size, false);
    else if (tool === "erase" && eraser) m.beginStroke(p, color, eraserSize, true);
    else if (tool === "crop") {
      cropStart.current = p;
      setCropRect({ x: Math.round(p.x), y: Math.round(p.y), w: 0, h: 0 });
      return;
    } else return;
    repaint();
  };
  const onMove = (e: PointerEvent): void => {
    if (tool === "crop" && cropStart.current) {
      setCropRect(spanRect(cropStart.current, point(e), m.w, m.h));
      return;
    }
    for (const ev of e.getCoalescedEvents?.() ?? [e]) m.extendStroke(toImagePoint(ev.clientX, ev.clientY, (e.currentTarget as HTMLElement).getBoundingClientRect(), m.w, m.h));
    repaint();
  };
  const onUp = (e: PointerEvent): void => {
    if (tool === "crop" && cropStart.current) {
      setCropRect(spanRect(cropStart.current, point(e), m.w, m.h));
      cropStart.current = null;
      return;
    }
    if (m.endStroke()) changed();
  };

  const onKey = (e: KeyboardEvent): void => {
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    if (mod && k === "z") {
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    } else if (mod && k === "y") {
      e.preventDefault();
      redo();
    } else if (tool === "crop" && cropRect && e.key === "Enter") {
      e.preventDefault();
      applyCrop();
    } else if (tool === "crop" && e.key === "Escape") setCropRect(null);
    else if (tool === "resize" && e.key === "Escape") setResizeTo(null);
  };

  // -- layout -------------------------------------------------------------------------------
  const showSourcePanel = tool === "image" && sources.length > 0;
  const toolButton = (t: Tool, label: string, icon: ComponentChild): ComponentChild =>
    h(IconButton, { label, icon, pressed: tool === t, class: "tool-button", onClick: () => {
      setTool(t);
      if (t !== "crop") setCropRect(null);
      setResizeTo(null);
    } });

  const toolbar = h("div", { class: "imageeditor-toolbar", role: "toolbar", "aria-label": "Image editor tools" },
    sources.length ? toolButton("image", "Background image", h(ImageIcon, null)) : null,
    transforms.includes("crop") ? toolButton("crop", "Crop", ICONS.crop()) : null,
    transforms.includes("resize") ? toolButton("resize", "Resize", ICONS.resize()) : null,
    brush ? toolButton("draw", "Brush", ICONS.draw()) : null,
    eraser ? toolButton("erase", "Eraser", ICONS.erase()) : null,
    h("span", { class: "toolbar-gap" }),
    h(IconButton, { label: "Zoom out", icon: ICONS.zoomOut(), onClick: () => setZoom((z) => Math.max(1, z / 1.5)), disabled: zoom <= 1 }),
    h(IconButton, { label: "Zoom in", icon: ICONS.zoomIn(), onClick: () => setZoom((z) => Math.min(8, z * 1.5)), disabled: zoom >= 8 }),
    h(IconButton, { label: "Undo", icon: ICONS.undo(), onClick: undo, disabled: !m.canUndo }),
    h(IconButton, { label: "Redo", icon: ICONS.redo(), onClick: redo, disabled: !m.canRedo }),
    h(IconButton, { label: "Clear", icon: ICONS.clear(), onClick: clear }),
    props.buttons == null || (Array.isArray(props.buttons) && props.buttons.includes("download"))
      ? h(IconButton, { label: "Download", icon: ICONS.download(), onClick: () => void download(), disabled: !m.hasContent }) : null,
    hasButton(props, "fullscreen") ? h(FullscreenButton, { target: () => root.current }) : null,
    ctx.engine.listens(id, "apply")
      ? h(IconButton, { label: "Apply", icon: ICONS.check(), class: "apply-button", onClick: () => void send().then(() => ctx.trigger(id, "apply")) })
      : null);

  let options: ComponentChild = null;
  if (tool === "draw" && brush) {
    options = h("div", { class: "imageeditor-options", role: "group", "aria-label": "Brush options" },
      h("label", { class: "size-field" }, h("span", null, "Size"),
        h("input", { type: "range", min: 1, max: Math.max(50, size), value: size, "aria-label": "Brush size",
          onInput: (e: Event) => setSize(Number((e.currentTarget as HTMLInputElement).value)) })),
      palette.length > 1 || freeColor
        ? h("div", { class: "swatches", role: "radiogroup", "aria-label": "Brush colour" },
            palette.map((c, i) => h("button", {
              type: "button", key: i, role: "radio", class: "swatch", "aria-checked": String(c.css === color.css && c.opacity === color.opacity),
              "aria-label": c.opacity < 1 ? `${c.css} at ${Math.round(c.opacity * 100)}%` : c.css, title: c.css,
              style: { background: c.css, opacity: c.opacity }, onClick: () => setColor(c),
            })),
            freeColor ? h("input", { type: "color", class: "color-input", "aria-label": "Custom brush colour",
              value: /^#[0-9a-f]{6}$/i.test(color.css) ? color.css : "#000000",
              onInput: (e: Event) => setColor({ css: (e.currentTarget as HTMLInputElement).value, opacity: 1 }) }) : null)
        : null);
  } else if (tool === "erase" && eraser) {
    options = h("div", { class: "imageeditor-options", role: "group", "aria-label": "Eraser options" },
      h("label", { class: "size-field" }, h("span", null, "Size"),
        h("input", { type: "range", min: 1, max: Math.max(50, eraserSize), value: eraserSize, "aria-label": "Eraser size",
          onInput: (e: Event) => setEraserSize(Number((e.currentTarget as HTMLInputElement).value)) })));
  } else if (tool === "crop") {
    options = h("div", { class: "imageeditor-options", role: "group", "aria-label": "Crop" },
      h("span", { class: "hint" }, cropRect && cropRect.w > 0 ? `${cropRect.w} × ${cropRect.h}` : "Drag over the image to choose the area to keep"),
      h("button", { type: "button", class: "btn btn-sm btn-primary", disabled: !cropRect || cropRect.w < 1 || cropRect.h < 1, onClick: applyCrop }, "Crop"),
      h("button", { type: "button", class: "btn btn-sm btn-secondary", disabled: !cropRect, onClick: () => setCropRect(null) }, "Cancel"));
  } else if (tool === "resize") {
    const want = resizeTo ?? { w: m.w, h: m.h };
    const edit = (side: "w" | "h") => (e: Event): void => {
      const v = Number((e.currentTarget as HTMLInputElement).value);
      if (v > 0) setResizeTo(resizeDims(m.w, m.h, { ...want, [side]: v }, side, keepRatio));
    };
    options = h("div", { class: "imageeditor-options", role: "group", "aria-label": "Resize" },
      h("label", { class: "size-field" }, h("span", null, "Width"),
        h("input", { type: "number", class: "resize-input", min: 1, max: MAX_SIDE, step: 1, value: want.w, onChange: edit("w") })),
      h("label", { class: "size-field" }, h("span", null, "Height"),
        h("input", { type: "number", class: "resize-input", min: 1, max: MAX_SIDE, step: 1, value: want.h, onChange: edit("h") })),
      h("label", { class: "size-field" }, h("input", { type: "checkbox", checked: keepRatio,
        onChange: (e: Event) => setKeepRatio((e.currentTarget as HTMLInputElement).checked) }), h("span", null, "Keep aspect ratio")),
      h("button", { type: "button", class: "btn btn-sm btn-primary", disabled: !resizeTo || (resizeTo.w === m.w && resizeTo.h === m.h),
        onClick: applyResize }, "Resize"),
      h("button", { type: "button", class: "btn btn-sm btn-secondary", disabled: !resizeTo, onClick: () => setResizeTo(null) }, "Cancel"));
  } else if (showSourcePanel && sources.length > 1) {
    options = h("div", { class: "imageeditor-options", role: "group", "aria-label": "Image source" },
      sources.map((s) => h(IconButton, { key: s, label: SOURCE_LABELS[s], icon: ICONS[s](), pressed: s === source, class: "tool-button",
        onClick: () => {
          setError(null);
          setSource(s);
          if (s === "clipboard") void paste();
        } })));
  }

  let sourcePanel: ComponentChild = null;
  if (showSourcePanel && source === "webcam") {
    const wo = (props.webcam_options ?? {}) as { mirror?: boolean; constraints?: Record<string, unknown> | null };
    sourcePanel = h("div", { class: "imageeditor-source" }, h(Webcam, { mirror: wo.mirror !== false, constraints: wo.constraints ?? null, busy,
      onCapture: (b: Blob) => void putBackground(b, "webcam photo") }));
  } else if (showSourcePanel && source === "clipboard") {
    sourcePanel = h("div", { class: "imageeditor-source" },
      h("button", { type: "button", class: "drop-button", disabled: busy, onClick: () => void paste() }, ICONS.clipboard(),
        h("span", null, busy ? "Loading…" : "Paste an image"), h("span", { class: "drop-or" }, "click, or press Ctrl+V / ⌘V here")));
  } else if (showSourcePanel) {
    const ph = str(props.placeholder);
    sourcePanel = h("div", { class: "imageeditor-source" },
      h(UploadZone, { id: domId(id), label: str(props.label, "Image"), multiple: false, fileTypes: ["image"], busy,
        text: ph ? ph.replace(/^#+\s*/gm, "") : "Drop an image here",
        onFiles: (files: File[]) => files[0] && void putBackground(files[0], files[0].name) }),
      brush && !ph ? h("button", { type: "button", class: "link-button", onClick: () => setTool("draw") }, "or select the draw tool to start") : null);
  }

  const cursor = tool === "crop" ? "crosshair" : tool === "draw" || tool === "erase" ? "crosshair" : "default";
  const stage = h("div", {
    class: zoom > 1 ? "imageeditor-stage zoomed" : "imageeditor-stage",
    hidden: showSourcePanel,
    onDragOver: (e: DragEvent) => sources.includes("upload") && e.preventDefault(),
    onDrop: (e: DragEvent) => {
      const f = e.dataTransfer?.files?.[0];
      if (f && sources.includes("upload")) {
        e.preventDefault();
        void putBackground(f, f.name);
      }
    },
  },
  // The canvas fills the width up to a height of STAGE_HEIGHT (small canvases are scaled up, as in Gradio).
  h("div", { class: "imageeditor-frame", style: { width: `calc(min(100%, ${Math.round((STAGE_HEIGHT * m.w) / m.h)}px) * ${zoom})`,
    "--ratio": String(m.w / m.h) } },
    h("canvas", {
      ref: view, class: "imageeditor-canvas", "data-testid": "imageeditor-canvas", role: "img",
      "aria-label": `${str(props.label, "Image")} canvas, ${m.w} × ${m.h} pixels`,
      style: { cursor, touchAction: "none" },
      onPointerDown: onDown, onPointerMove: onMove, onPointerUp: onUp, onPointerCancel: onUp,
    }),
    tool === "crop" && cropRect && cropRect.w > 0
      ? h("div", { class: "crop-box", style: { left: `${(cropRect.x / m.w) * 100}%`, top: `${(cropRect.y / m.h) * 100}%`,
          width: `${(cropRect.w / m.w) * 100}%`, height: `${(cropRect.h / m.h) * 100}%` } })
      : null));

  const layers = layerOpts.disabled ? null : h("div", { class: "imageeditor-layers", role: "group", "aria-label": "Layers" },
    m.layers.map((l, i) => h("div", { key: i, class: i === m.active ? "layer active" : "layer" },
      h("button", { type: "button", class: "layer-name", "aria-pressed": String(i === m.active), onClick: () => {
        m.active = i;
        bump();
      } }, l.name),
      h(IconButton, { label: l.visible ? `Hide ${l.name}` : `Show ${l.name}`, icon: l.visible ? ICONS.eye() : ICONS.eyeOff(), class: "layer-eye",
        onClick: () => {
          m.toggleLayer(i);
          changed();
        } }))),
    layerOpts.allow_additional_layers !== false
      ? h(IconButton, { label: "Add layer", icon: ICONS.plus(), onClick: () => {
          m.addLayer();
          changed();
        } })
      : null);

  return h(Block, { state, class: "image-block imageeditor-block" },
    h("div", { class: "imageeditor", ref: root, tabIndex: -1, "aria-busy": String(sending), "data-sent": sentCount, onKeyDown: onKey, onPaste: (e: ClipboardEvent) => {
      const f = Array.from(e.clipboardData?.files ?? []).find(looksLikeImage);
      if (f && sources.includes("clipboard")) {
        e.preventDefault();
        void putBackground(f, f.name);
      }
    }, style: { height: cssSize(props.height), width: cssSize(props.width) } },
      h(BlockLabel, { props, icon: h(ImageIcon, null), fallback: "Image" }),
      toolbar,
      options,
      sourcePanel,
      stage,
      layers),
    error ? h("div", { class: "image-error", role: "alert" }, error) : null);
}

export function ImageEditorView(p: ViewProps): ComponentChild {
  useCss(css, buttonsCss);
  return p.state.props.value.interactive === false ? h(StaticEditor, p) : h(Editor, p);
}

const module: ViewModule = { view: ImageEditorView, css };
export default module;
