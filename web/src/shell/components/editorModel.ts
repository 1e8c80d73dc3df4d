/**
 * The drawing model behind gr.ImageEditor (components/ImageEditor.ts): a
 * background canvas, named layers, strokes (brush and eraser), crop, and an
 * undo/redo history of whole-state snapshots. Plain 2D canvases, no library.
 *
 * Coordinates are image pixels (the canvas' own size), never CSS pixels: the
 * view converts pointer positions with `toImagePoint`. The pure helpers at the
 * top (colours, sizes, crop rectangles) have node unit tests.
 */

export type Point = { x: number; y: number };
export type Rect = { x: number; y: number; w: number; h: number };
export type BrushColor = { css: string; opacity: number };

// -- pure helpers ------------------------------------------------------------------

/** A Gradio brush colour (`"#f00"`, `"rgb(…)"`, or a `[colour, opacity]` pair) as CSS + opacity. */
export function brushColor(c: unknown): BrushColor | null {
  if (typeof c === "string" && c.trim()) return { css: c.trim(), opacity: 1 };
  if (Array.isArray(c) && typeof c[0] === "string") {
    const o = typeof c[1] === "number" && isFinite(c[1]) ? Math.min(1, Math.max(0, c[1])) : 1;
    return { css: c[0], opacity: o };
  }
  return null;
}

/** Brush/eraser radius: Gradio's `default_size` (px), or "auto" from the image size. */
export function brushRadius(size: unknown, width: number, height: number): number {
  if (typeof size === "number" && size > 0) return size;
  return Math.max(2, Math.round(Math.max(width, height) / 60));
}

/** The rectangle spanned by two points, clamped inside `w`×`h`, with whole pixels. */
export function spanRect(a: Point, b: Point, w: number, h: number): Rect {
  const cl = (v: number, max: number): number => Math.min(max, Math.max(0, Math.round(v)));
  const x0 = cl(Math.min(a.x, b.x), w);
  const y0 = cl(Math.min(a.y, b.y), h);
  const x1 = cl(Math.max(a.x, b.x), w);
  const y1 = cl(Math.max(a.y, b.y), h);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A pointer position over an element showing the image scaled to its box → image pixels. */
export function toImagePoint(clientX: number, clientY: number, box: { left: number; top: number; width: number; height: number },
  width: number, height: number): Point {
  return { x: ((clientX - box.left) * width) / Math.max(1, box.width), y: ((clientY - box.top) * height) / Math.max(1, box.height) };
}

/** Where an image of `iw`×`ih` goes inside a `w`×`h` canvas: scaled to fit, centred (fixed_canvas). */
export function fitRect(iw: number, ih: number, w: number, h: number): Rect {
  const s = Math.min(w / iw, h / ih);
  const rw = Math.round(iw * s);
  const rh = Math.round(ih * s);
  return { x: Math.round((w - rw) / 2), y: Math.round((h - rh) / 2), w: rw, h: rh };
}

/** Most pixels a side may have after a resize (a browser canvas has limits; Gradio's editor too). */
export const MAX_SIDE = 4096;

/**
 * The size a resize asks for: `side` is the one the user edited ("w" or "h"), the other follows
 * the current aspect ratio when `keepRatio`. Whole pixels from 1 to MAX_SIDE.
 */
export function resizeDims(w: number, h: number, want: { w: number; h: number }, side: "w" | "h", keepRatio: boolean): { w: number; h: number } {
  const cl = (v: number): number => Math.min(MAX_SIDE, Math.max(1, Math.round(Number.isFinite(v) ? v : 1)));
  if (!keepRatio) return { w: cl(want.w), h: cl(want.h) };
  return side === "w" ? { w: cl(want.w), h: cl((want.w * h) / w) } : { w: cl((want.h * w) / h), h: cl(want.h) };
}

// -- the model -----------------------------------------------------------------------

export type Layer = { name: string; canvas: HTMLCanvasElement; visible: boolean };
type Snapshot = { w: number; h: number; bg: HTMLCanvasElement; hasImage: boolean; layers: Layer[]; active: number; drawn: boolean };

const HISTORY = 30;

function canvas(w: number, h: number): HTMLCanvasElement {
  const c = document.createElement("canvas");
  c.width = Math.max(1, w);
  c.height = Math.max(1, h);
  return c;
}

function ctx2d(c: HTMLCanvasElement): CanvasRenderingContext2D {
  const g = c.getContext("2d");
  if (!g) throw new Error("This browser cannot draw on a canvas.");
  return g;
}

function copyOf(c: HTMLCanvasElement, w = c.width, h = c.height, dx = 0, dy = 0): HTMLCanvasElement {
  const out = canvas(w, h);
  ctx2d(out).drawImage(c, dx, dy);
  return out;
}

function whiteCanvas(w: number, h: number): HTMLCanvasElement {
  const c = canvas(w, h);
  const g = ctx2d(c);
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, c.width, c.height);
  return c;
}

export class EditorModel {
  w: number;
  h: number;
  bg: HTMLCanvasElement;
  /** True once a background image was set (not just the white canvas). */
  hasImage = false;
  /** True once anything was drawn (Gradio sends nothing for an untouched, image-less editor). */
  drawn = false;
  layers: Layer[] = [];
  active = 0;
  private undoStack: Snapshot[] = [];
  private redoStack: Snapshot[] = [];
  private stroke: { layer: HTMLCanvasElement; temp: HTMLCanvasElement; last: Point; erase: boolean; color: BrushColor; r: number } | null = null;

  constructor(w: number, h: number, private layerNames: string[]) {
    this.w = Math.max(1, Math.round(w));
    this.h = Math.max(1, Math.round(h));
    this.bg = whiteCanvas(this.w, this.h);
    this.resetLayers();
  }

  private resetLayers(): void {
    this.layers = (this.layerNames.length ? this.layerNames : ["Layer 1"]).map((name) => ({ name, canvas: canvas(this.w, this.h), visible: true }));
    this.active = 0;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  /** Whether the editor holds anything worth sending. */
  get hasContent(): boolean {
    return this.hasImage || this.drawn;
  }

  private snapshot(): Snapshot {
    return { w: this.w, h: this.h, bg: copyOf(this.bg), hasImage: this.hasImage, drawn: this.drawn, active: this.active,
      layers: this.layers.map((l) => ({ ...l, canvas: copyOf(l.canvas) })) };
  }
  private restore(s: Snapshot): void {
    Object.assign(this, { w: s.w, h: s.h, bg: s.bg, hasImage: s.hasImage, drawn: s.drawn, active: s.active, layers: s.layers });
  }
  /** Record the state before a change (clears redo). */
  checkpoint(): void {
    this.undoStack.push(this.snapshot());
    if (this.undoStack.length > HISTORY) this.undoStack.shift();
    this.redoStack = [];
  }
  undo(): boolean {
    const s = this.undoStack.pop();
    if (!s) return false;
    this.redoStack.push(this.snapshot());
    this.restore(s);
    return true;
  }
  redo(): boolean {
    const s = this.redoStack.pop();
    if (!s) return false;
    this.undoStack.push(this.snapshot());
    this.restore(s);
    return true;
  }

  /** Back to a blank white canvas of `w`×`h` with the starting layers; history is kept so Clear can be undone. */
  clear(w: number, h: number): void {
    this.checkpoint();
    this.w = Math.max(1, Math.round(w));
    this.h = Math.max(1, Math.round(h));
    this.bg = whiteCanvas(this.w, this.h);
    this.hasImage = false;
    this.drawn = false;
    this.resetLayers();
  }

  /** Set the background image: the canvas takes its size, or (fixed) the image is fitted into the canvas. */
  setBackground(img: CanvasImageSource & { width: number; height: number }, fixed: boolean, record = true): void {
    if (record) this.checkpoint();
    const iw = Math.max(1, Math.round(img.width));
    const ih = Math.max(1, Math.round(img.height));
    if (!fixed) {
      this.w = iw;
      this.h = ih;
    }
    const bg = whiteCanvas(this.w, this.h);
    const r = fixed ? fitRect(iw, ih, this.w, this.h) : { x: 0, y: 0, w: iw, h: ih };
    ctx2d(bg).drawImage(img, r.x, r.y, r.w, r.h);
    this.bg = bg;
    this.hasImage = true;
    // Drawings made before stay where they were (top-left anchored) on the new canvas size.
    this.layers = this.layers.map((l) => ({ ...l, canvas: copyOf(l.canvas, this.w, this.h) }));
  }

  /** Paint an image onto layer `i` (a value coming from Python). */
  setLayerImage(i: number, img: CanvasImageSource): void {
    while (this.layers.length <= i) this.layers.push({ name: `Layer ${this.layers.length + 1}`, canvas: canvas(this.w, this.h), visible: true });
    const c = canvas(this.w, this.h);
    ctx2d(c).drawImage(img, 0, 0);
    this.layers[i]!.canvas = c;
    this.drawn = true;
  }

  addLayer(): void {
    this.checkpoint();
    const used = new Set(this.layers.map((l) => l.name));
    let n = this.layers.length + 1;
    while (used.has(`Layer ${n}`)) n++;
    this.layers.push({ name: `Layer ${n}`, canvas: canvas(this.w, this.h), visible: true });
    this.active = this.layers.length - 1;
  }
  toggleLayer(i: number): void {
    const l = this.layers[i];
    if (!l) return;
    this.checkpoint();
    l.visible = !l.visible;
  }

  // -- strokes ------------------------------------------------------------------
  /** Start a brush (or eraser) stroke at `p` on the active layer. */
  beginStroke(p: Point, color: BrushColor, radius: number, erase: boolean): void {
    const layer = this.layers[this.active];
    if (!layer) return;
    this.checkpoint();
    this.stroke = { layer: layer.canvas, temp: canvas(this.w, this.h), last: p, erase, color, r: radius };
    this.segment(p, p);
  }
  extendStroke(p: Point): void {
    if (!this.stroke) return;
    this.segment(this.stroke.last, p);
    this.stroke.last = p;
  }
  /** Finish the stroke: a brush stroke lands on the layer at its opacity; returns whether one was open. */
  endStroke(): boolean {
    const s = this.stroke;
    if (!s) return false;
    this.stroke = null;
    if (!s.erase) {
      const g = ctx2d(s.layer);
      g.globalAlpha = s.color.opacity;
      g.drawImage(s.temp, 0, 0);
      g.globalAlpha = 1;
    }
    this.drawn = true;
    return true;
  }
  private segment(a: Point, b: Point): void {
    const s = this.stroke!;
    // The brush draws on a scratch canvas at full opacity (overlaps inside one stroke do not darken);
    // the eraser cuts the layer directly.
    const g = ctx2d(s.erase ? s.layer : s.temp);
    g.save();
    g.globalCompositeOperation = s.erase ? "destination-out" : "source-over";
    g.strokeStyle = s.erase ? "#000" : s.color.css;
    g.fillStyle = g.strokeStyle;
    g.lineWidth = s.r * 2;
    g.lineCap = "round";
    g.lineJoin = "round";
    g.beginPath();
    if (a.x === b.x && a.y === b.y) {
      g.arc(a.x, a.y, s.r, 0, Math.PI * 2);
      g.fill();
    } else {
      g.moveTo(a.x, a.y);
      g.lineTo(b.x, b.y);
      g.stroke();
    }
    g.restore();
  }

  // -- crop -----------------------------------------------------------------------
  crop(r: Rect): boolean {
    if (r.w < 1 || r.h < 1) return false;
    this.checkpoint();
    this.bg = copyOf(this.bg, r.w, r.h, -r.x, -r.y);
    this.layers = this.layers.map((l) => ({ ...l, canvas: copyOf(l.canvas, r.w, r.h, -r.x, -r.y) }));
    this.w = r.w;
    this.h = r.h;
    this.drawn = true;
    return true;
  }

  // -- resize ---------------------------------------------------------------------
  /** Scale the background and every layer to `w`×`h` (Gradio's "resize" transform); undoable. */
  resize(w: number, h: number): boolean {
    const nw = Math.max(1, Math.round(w));
    const nh = Math.max(1, Math.round(h));
    if (nw === this.w && nh === this.h) return false;
    this.checkpoint();
    const scaled = (c: HTMLCanvasElement): HTMLCanvasElement => {
      const out = canvas(nw, nh);
      const g = ctx2d(out);
      g.imageSmoothingQuality = "high";
      g.drawImage(c, 0, 0, nw, nh);
      return out;
    };
    this.bg = scaled(this.bg);
    this.layers = this.layers.map((l) => ({ ...l, canvas: scaled(l.canvas) }));
    this.w = nw;
    this.h = nh;
    this.drawn = true;
    return true;
  }

  // -- output -----------------------------------------------------------------------
  /** Draw the composite (background + visible layers + the open stroke) on `g` (sized w×h). */
  paint(g: CanvasRenderingContext2D): void {
    g.clearRect(0, 0, this.w, this.h);
    g.drawImage(this.bg, 0, 0);
    for (const l of this.layers) {
      if (!l.visible) continue;
      g.drawImage(l.canvas, 0, 0);
      if (this.stroke && !this.stroke.erase && this.stroke.layer === l.canvas) {
        g.globalAlpha = this.stroke.color.opacity;
        g.drawImage(this.stroke.temp, 0, 0);
        g.globalAlpha = 1;
      }
    }
  }
  composite(): HTMLCanvasElement {
    const c = canvas(this.w, this.h);
    this.paint(ctx2d(c));
    return c;
  }
}

/** A canvas as a PNG blob. */
export function pngBlob(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error("The canvas could not be encoded as PNG."))), "image/png"));
}
