/**
 * gr.Model3D: a three.js viewer (orbit with the mouse, zoom with the wheel,
 * pan with the right button) for .obj/.glb/.gltf/.stl/.ply meshes; Gaussian
 * splats (.splat files, and .ply files whose header names splat properties) are
 * drawn with gsplat, as in Gradio. A reset-camera, download and (when
 * interactive) clear button; an upload drop zone when interactive and empty.
 * three.js (ui/scene3d.ts) and gsplat (ui/splatscene.ts) are each imported on
 * first use, in their own chunks.
 * Events: upload and clear (each with input + change).
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import audioCss from "./Audio.css?inline";
import css from "./Model3D.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { domId, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { BlockLabel } from "../ui/label.js";
import { ClearButton, DownloadButton, IconButton, IconButtons } from "../ui/buttons.js";
import { fileName, useResolvedUrl } from "../ui/files.js";
import { UploadZone } from "../ui/upload.js";
import { Empty } from "../ui/empty.js";
import { MediaError, clearValue, uploadAsValue } from "../ui/mediaview.js";
import { CubeIcon, ResetIcon } from "../ui/mediaicons.js";
import type { ModelScene, SceneOptions } from "../ui/scene3d.js";

const ACCEPT = [".obj", ".glb", ".gltf", ".stl", ".ply", ".splat"];

/** The model format of a file name (its lower-case extension), or null when the viewer cannot read it. */
function modelFormat(name: string): string | null {
  const ext = "." + (name.toLowerCase().split("?")[0]!.split(".").pop() ?? "");
  return ACCEPT.includes(ext) ? ext.slice(1) : null;
}

function notModel(name: string): string {
  return `${name} is not a 3D model file this viewer reads (${ACCEPT.join(", ")}).`;
}

/** Whether a .ply file's header names the properties of Gaussian splats (as Gradio routes .ply files). */
function isSplatPly(bytes: ArrayBuffer): boolean {
  const head = new TextDecoder().decode(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 16384)));
  const end = head.indexOf("end_header");
  if (!head.startsWith("ply") || end < 0) return false;
  const names = new Set(
    head.slice(0, end).split(/\r?\n/).map((l) => l.trim().split(/\s+/)).filter((w) => w[0] === "property").map((w) => w[w.length - 1]),
  );
  const need = ["x", "y", "z", "scale_0", "scale_1", "scale_2", "opacity", "rot_0", "rot_1", "rot_2", "rot_3"];
  return need.every((n) => names.has(n)) && (names.has("f_dc_0") || names.has("red"));
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`the file could not be read (HTTP ${r.status})`);
  return await r.arrayBuffer();
}

/** Draws the model file at `url` into `canvas` with the renderer its format needs. */
async function mountScene(canvas: HTMLCanvasElement, url: string, format: string, opts: SceneOptions): Promise<{ scene: ModelScene; splat: boolean }> {
  if (format === "splat" || format === "ply") {
    const bytes = await fetchBytes(url);
    if (format === "splat" || isSplatPly(bytes)) {
      const { mountSplatScene } = await import("../ui/splatscene.js");
      return { scene: mountSplatScene(canvas, bytes, format === "splat" ? "splat" : "ply", opts), splat: true };
    }
  }
  const { mountModelScene } = await import("../ui/scene3d.js");
  return { scene: await mountModelScene(canvas, url, format, opts), splat: false };
}

function cssSize(v: unknown): string | undefined {
  return typeof v === "number" ? `${v}px` : typeof v === "string" && v ? v : undefined;
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

function sceneOptions(props: Record<string, unknown>): SceneOptions {
  const cc = Array.isArray(props.clear_color) ? props.clear_color : [];
  const cp = Array.isArray(props.camera_position) ? props.camera_position : [];
  const mode = str(props.display_mode, "solid");
  return {
    clearColor: [0, 1, 2, 3].map((i) => numberOr(cc[i], 0)) as SceneOptions["clearColor"],
    cameraPosition: [0, 1, 2].map((i) => (typeof cp[i] === "number" ? (cp[i] as number) : null)) as SceneOptions["cameraPosition"],
    zoomSpeed: numberOr(props.zoom_speed, 1),
    panSpeed: numberOr(props.pan_speed, 1),
    displayMode: mode === "wireframe" || mode === "point_cloud" ? mode : "solid",
  };
}

function Viewer({ file, ctx, props, onClear }: { file: FileData; ctx: ShellContext; props: Record<string, unknown>; onClear?: () => void }): ComponentChild {
  const url = useResolvedUrl(ctx, file);
  const canvas = useRef<HTMLCanvasElement>(null);
  const scene = useRef<ModelScene | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState("");
  const [renderer, setRenderer] = useState<"three" | "gsplat" | null>(null);
  const name = fileName(file);
  const optsKey = JSON.stringify(sceneOptions(props));

  useEffect(() => {
    if (!url || !canvas.current) return;
    let gone = false;
    setStatus("loading");
    void (async () => {
      try {
        const format = modelFormat(name) ?? modelFormat(file.path);
        if (!format) throw new Error(notModel(name));
        const { scene: s, splat } = await mountScene(canvas.current!, url, format, sceneOptions(props));
        if (gone) s.dispose();
        else {
          scene.current = s;
          setRenderer(splat ? "gsplat" : "three");
          setStatus("ready");
        }
      } catch (e) {
        if (gone) return;
        setError(`Could not show ${name}: ${e instanceof Error ? e.message : String(e)}`);
        setStatus("error");
      }
    })();
    return () => {
      gone = true;
      scene.current?.dispose();
      scene.current = null;
    };
  }, [url, optsKey]);

  return h(
    "div",
    {
      class: "model3d-frame",
      style: { "--model3d-height": cssSize(props.height) },
      "data-testid": "model3d",
      "data-status": status,
      "data-renderer": renderer ?? undefined,
    },
    h(IconButtons, {
      floating: true,
      children: [
        h(IconButton, { label: "Reset camera", icon: h(ResetIcon, null), disabled: status !== "ready", onClick: () => scene.current?.resetCamera() }),
        h(DownloadButton, { href: url, filename: name }),
        onClear ? h(ClearButton, { onClear }) : null,
      ],
    }),
    h("canvas", { ref: canvas, "aria-label": `3D model ${name}`, role: "img", key: url }),
    status === "loading" ? h("div", { class: "model3d-status" }, "Loading 3D model…") : null,
    status === "error" ? h("div", { class: "model3d-status", role: "alert" }, error) : null,
  );
}

export function Model3DView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = state.id;
  const editable = props.interactive !== false;
  const file = isFileData(props.value) ? props.value : null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const take = async (files: File[]): Promise<void> => {
    const f = files[0];
    if (!f) return;
    // A file the viewer cannot read is refused here: nothing is uploaded, the value stays.
    setError(modelFormat(f.name) ? null : notModel(f.name));
    if (!modelFormat(f.name)) return;
    setBusy(true);
    try {
      if (await uploadAsValue(ctx, id, f)) ctx.trigger(id, "upload");
    } finally {
      setBusy(false);
    }
  };
  let body: ComponentChild;
  if (file) body = h(Viewer, { key: file.path, file, ctx, props, onClear: editable ? () => clearValue(ctx, id) : undefined });
  else if (editable)
    body = h(UploadZone, {
      id: domId(id), label: str(props.label, "3D Model"), multiple: false, fileTypes: ACCEPT, busy,
      text: "Drop a 3D model here (.obj, .glb, .gltf, .stl, .ply, .splat)", onFiles: (l: File[]) => void take(l),
    });
  else body = h(Empty, { icon: h(CubeIcon, null), large: true });
  return h(
    Block,
    { state, class: "media-block" },
    h(BlockLabel, { props, icon: h(CubeIcon, null), fallback: "3D Model" }),
    body,
    h(MediaError, { message: file ? null : error }),
  );
}

export default { view: Model3DView, css: audioCss + css } satisfies ViewModule;
