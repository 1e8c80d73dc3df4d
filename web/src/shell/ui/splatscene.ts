/**
 * Gaussian splats of gr.Model3D (.splat files and splat .ply files), drawn as
 * real splats with gsplat (the renderer Gradio uses). Imported with `import()`
 * by the Model3D view only when a splat is shown, so gsplat is its own chunk.
 *
 * Camera options follow the mesh viewer (ui/scene3d.ts): `camera_position`
 * (alpha, beta, radius) in the same convention once the file's y-down axes are
 * turned y-up, unset parts framed from the splat's bounds; zoom and pan speeds;
 * `clear_color` behind the splats. `display_mode` does not apply to splats.
 */

import { Camera, Color32, Loader, OrbitControls, PLYLoader, Scene, Vector3, WebGLRenderer, type Splat } from "gsplat";
import type { ModelScene, SceneOptions } from "./scene3d.js";

/** Bytes per splat in a .splat file: position f32×3, scale f32×3, RGBA u8×4, rotation u8×4. */
const ROW = 32;
/** Focal length per pixel of canvas height: a 45° vertical field of view, as the mesh viewer. */
const FOCAL_PER_HEIGHT = 0.5 / Math.tan((22.5 * Math.PI) / 180);

/** Why `bytes` is not a .splat file gsplat can draw, or null when it is. */
export function splatFileProblem(bytes: ArrayBuffer): string | null {
  if (bytes.byteLength === 0) return "the file is empty";
  if (bytes.byteLength % ROW !== 0)
    return `${bytes.byteLength} bytes is not a whole number of ${ROW}-byte splats (is it really a .splat file?)`;
  const f = new Float32Array(bytes);
  for (let i = 0; i < f.length; i += ROW / 4)
    for (let k = 0; k < 6; k++)
      if (!Number.isFinite(f[i + k]!)) return `splat ${i / (ROW / 4) + 1} has a position or scale that is not a number`;
  return null;
}

/** Parses the file into `scene`; throws an Error with a readable message when it cannot. */
function loadSplat(bytes: ArrayBuffer, format: "splat" | "ply", scene: Scene): Splat {
  if (format === "splat") {
    const problem = splatFileProblem(bytes);
    if (problem) throw new Error(problem);
    return Loader.LoadFromArrayBuffer(bytes, scene);
  }
  try {
    return PLYLoader.LoadFromArrayBuffer(bytes, scene);
  } catch (e) {
    throw new Error(`the splat .ply file could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Where to aim and how far to stand: the box holding the 5th to 95th percentile of the
 * splat centres on each axis (from a sample of at most 10,000), so a few far-off floaters,
 * common in captured scenes, do not push the camera away from the subject; widened by two
 * standard deviations of a large splat, so big soft splats fit in the view too.
 */
function framing(positions: Float32Array, scales: Float32Array, count: number): { center: [number, number, number]; radius: number } {
  const step = Math.max(1, Math.floor(count / 10000));
  const n = Math.ceil(count / step);
  const row = (k: number): number => Math.min(k * step, count - 1) * 3;
  const percentiles = (pick: (i: number) => number): [number, number] => {
    const values = new Float32Array(n);
    for (let k = 0; k < n; k++) values[k] = pick(row(k));
    values.sort();
    return [values[Math.floor((n - 1) * 0.05)]!, values[Math.ceil((n - 1) * 0.95)]!];
  };
  const box = [0, 1, 2].map((axis) => percentiles((i) => positions[i + axis]!));
  const center = box.map(([lo, hi]) => (lo + hi) / 2) as [number, number, number];
  const spread = percentiles((i) => Math.max(Math.abs(scales[i]!), Math.abs(scales[i + 1]!), Math.abs(scales[i + 2]!)))[1];
  const extent = Math.hypot(...box.map(([lo, hi]) => hi - lo)) / 2 + 2 * spread;
  return { center, radius: extent > 0 && Number.isFinite(extent) ? extent : 1 };
}

/**
 * Draws the splats in `bytes` into `canvas` and keeps drawing (gsplat sorts the
 * splats in a worker as the camera moves). The drawing buffer is preserved so
 * the picture can be read back (tests, screenshots).
 */
export function mountSplatScene(canvas: HTMLCanvasElement, bytes: ArrayBuffer, format: "splat" | "ply", opts: SceneOptions): ModelScene {
  const scene = new Scene();
  // Parse before any GL or worker exists: a bad file leaves nothing to clean up.
  const splat = loadSplat(bytes, format, scene);
  if (splat.data.vertexCount === 0) throw new Error("the file holds no splats");
  // Asked first so gsplat's own getContext gets this context (same attributes).
  if (!canvas.getContext("webgl2", { antialias: false, preserveDrawingBuffer: true }))
    throw new Error("this browser has no WebGL2, which Gaussian splats need");

  const renderer = new WebGLRenderer(canvas);
  const [r, g, b, a] = opts.clearColor;
  renderer.backgroundColor = new Color32(...([r, g, b, a].map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255)) as [number, number, number, number]));
  const camera = new Camera();

  const { center, radius } = framing(splat.data.positions, splat.data.scales, splat.data.vertexCount);
  camera.data.near = radius / 100;
  camera.data.far = radius * 100;

  let controls: OrbitControls | null = null;
  const resetCamera = (): void => {
    controls?.dispose();
    const [alpha, beta, dist] = opts.cameraPosition;
    // Same (alpha, beta) as the mesh viewer once y-down splat axes are turned y-up:
    // gsplat's yaw is alpha + 90°, its pitch above the horizon is 90° - beta.
    const d = dist ?? radius * 2.6;
    // Keyboard controls off: gsplat listens on window, which would steal typing elsewhere.
    controls = new OrbitControls(camera, canvas, rad((alpha ?? -60) + 90), rad(90 - (beta ?? 70)), d, false, new Vector3(...center));
    controls.zoomSpeed = opts.zoomSpeed;
    controls.panSpeed = opts.panSpeed;
    controls.minZoom = Math.min(d, radius) * 0.05;
    controls.maxZoom = Math.max(30, d * 4);
    controls.dampening = 1; // land on the asked view at once (reset, first frame)
    controls.update();
    controls.dampening = 0.12; // gsplat's default: smooth orbiting from here on
  };

  let frame = 0;
  const draw = (): void => {
    controls?.update();
    renderer.render(scene, camera);
    frame = requestAnimationFrame(draw);
  };
  const resize = (): void => {
    renderer.resize();
    camera.data.fx = camera.data.fy = Math.max(1, canvas.height) * FOCAL_PER_HEIGHT;
  };
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();
  resetCamera();
  draw();
  return {
    resetCamera,
    dispose() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      controls?.dispose();
      renderer.dispose();
    },
  };
}
