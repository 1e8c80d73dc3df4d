/**
 * The three.js scene of gr.Model3D: loads one mesh file (glTF/GLB, OBJ, STL,
 * PLY; Gaussian splats go to ui/splatscene.ts instead), frames it, and renders on demand
 * with orbit controls. Imported with `import()` by the Model3D view only, so
 * three.js is its own chunk and never part of the first paint.
 */

import {
  AmbientLight, Box3, BufferGeometry, Color, DirectionalLight, Group, Material, Mesh,
  MeshStandardMaterial, Object3D, PerspectiveCamera, Points, PointsMaterial, Scene, Sphere, Vector3,
  WebGLRenderer,
} from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
import { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";
import { PLYLoader } from "three/examples/jsm/loaders/PLYLoader.js";

export type SceneOptions = {
  clearColor: [number, number, number, number];
  /** (alpha, beta, radius): degrees around the vertical axis, degrees from the top, distance; null = automatic. */
  cameraPosition: [number | null, number | null, number | null];
  zoomSpeed: number;
  panSpeed: number;
  displayMode: "solid" | "point_cloud" | "wireframe";
};

export type ModelScene = {
  resetCamera(): void;
  dispose(): void;
};

function geometryObject(g: BufferGeometry): Object3D {
  if (!g.getAttribute("normal") && g.index) g.computeVertexNormals();
  const colored = !!g.getAttribute("color");
  return new Mesh(g, new MeshStandardMaterial({ color: colored ? 0xffffff : 0xb0b0b8, vertexColors: colored, roughness: 0.6 }));
}

async function loadModel(url: string, format: string): Promise<Object3D> {
  switch (format) {
    case "glb":
    case "gltf":
      return (await new GLTFLoader().loadAsync(url)).scene;
    case "obj":
      return await new OBJLoader().loadAsync(url);
    case "stl":
      return geometryObject(await new STLLoader().loadAsync(url));
    case "ply": {
      const g = await new PLYLoader().loadAsync(url);
      return g.index || g.getAttribute("normal") ? geometryObject(g) : new Points(g, new PointsMaterial({ size: 0.01, vertexColors: !!g.getAttribute("color") }));
    }
    default:
      throw new Error(`unsupported 3D format .${format}`);
  }
}

/** Wireframe or point-cloud rendering of every mesh of the model, as `display_mode` asks. */
function applyDisplayMode(root: Object3D, mode: SceneOptions["displayMode"]): void {
  if (mode === "solid") return;
  const meshes: Mesh[] = [];
  root.traverse((o) => {
    if ((o as Mesh).isMesh) meshes.push(o as Mesh);
  });
  for (const mesh of meshes) {
    if (mode === "wireframe") {
      const mats = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
      for (const m of mats as (Material & { wireframe?: boolean })[]) m.wireframe = true;
    } else {
      const pts = new Points(mesh.geometry, new PointsMaterial({ size: 0.02, color: 0xb0b0b8, sizeAttenuation: true }));
      pts.position.copy(mesh.position);
      pts.rotation.copy(mesh.rotation);
      pts.scale.copy(mesh.scale);
      mesh.parent?.add(pts);
      mesh.parent?.remove(mesh);
    }
  }
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Renders the model at `url` into `canvas`; resolves once the first frame is drawn.
 * The drawing buffer is preserved so the picture can be read back (tests, screenshots).
 */
export async function mountModelScene(canvas: HTMLCanvasElement, url: string, format: string, opts: SceneOptions): Promise<ModelScene> {
  const renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  const [r, g, b, a] = opts.clearColor;
  renderer.setClearColor(new Color(r, g, b), a);
  const scene = new Scene();
  scene.add(new AmbientLight(0xffffff, 1.2));
  const sun = new DirectionalLight(0xffffff, 2.2);
  sun.position.set(1, 2, 3);
  scene.add(sun);
  const camera = new PerspectiveCamera(45, 1, 0.01, 1000);
  const controls = new OrbitControls(camera, canvas);
  controls.zoomSpeed = opts.zoomSpeed;
  controls.panSpeed = opts.panSpeed;

  let disposed = false;
  const render = (): void => {
    if (!disposed) renderer.render(scene, camera);
  };
  const resize = (): void => {
    const w = canvas.clientWidth || 300;
    const h = canvas.clientHeight || 300;
    renderer.setSize(w, h, false);
    camera.aspect = w / h;
    camera.updateProjectionMatrix();
    render();
  };

  const model = await loadModel(url, format);
  applyDisplayMode(model, opts.displayMode);
  const holder = new Group();
  holder.add(model);
  scene.add(holder);
  const sphere = new Box3().setFromObject(holder).getBoundingSphere(new Sphere());
  const radius = sphere.radius > 0 && Number.isFinite(sphere.radius) ? sphere.radius : 1;
  camera.near = radius / 100;
  camera.far = radius * 100;

  const resetCamera = (): void => {
    const [alpha, beta, dist] = opts.cameraPosition;
    // Gradio's (alpha, beta, radius): alpha around the vertical axis, beta down from the top.
    // Unset angles give a three-quarter view from the front, so the shape reads as 3D.
    const al = rad(alpha ?? -60);
    const be = rad(beta ?? 70);
    const d = dist ?? radius * 2.6;
    const offset = new Vector3(d * Math.cos(al) * Math.sin(be), d * Math.cos(be), -d * Math.sin(al) * Math.sin(be));
    camera.position.copy(sphere.center).add(offset);
    controls.target.copy(sphere.center);
    camera.updateProjectionMatrix();
    controls.update();
    render();
  };

  controls.addEventListener("change", render);
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();
  resetCamera();
  return {
    resetCamera,
    dispose() {
      disposed = true;
      observer.disconnect();
      controls.dispose();
      renderer.dispose();
    },
  };
}
