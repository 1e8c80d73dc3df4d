/**
 * gr.Model3D: a three.js viewer (orbit with the mouse, zoom with the wheel,
 * pan with the right button) for .obj/.glb/.gltf/.stl/.ply files and .splat
 * files (drawn as coloured points); a reset-camera, download and (when
 * interactive) clear button; an upload drop zone when interactive and empty.
 * three.js is imported on first use (ui/scene3d.ts, its own chunk).
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
        const { mountModelScene } = await import("../ui/scene3d.js");
        const s = await mountModelScene(canvas.current!, url, format, sceneOptions(props));
        if (gone) s.dispose();
        else {
          scene.current = s;
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
    { class: "model3d-frame", style: { "--model3d-height": cssSize(props.height) }, "data-testid": "model3d", "data-status": status },
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
    status === "ready" && name.toLowerCase().endsWith(".splat")
      ? h("span", { class: "model3d-note" }, "Gaussian splat shown as points")
      : null,
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
