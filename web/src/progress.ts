/**
 * The boot view inside an app's shadow root: a thin progress bar with the
 * real boot phase while Python starts, and the Python traceback if it fails.
 * It overlays the shell (which may already be painted from the embedded config)
 * and removes itself when the worker is ready.
 */
import type { Phase } from "./protocol";

const LABELS: Record<Phase, string> = {
  download: "Downloading Python…",
  python: "Starting Python…",
  packages: "Installing packages…",
  app: "Building the app…",
  ready: "Ready",
};

/** Progress fraction reached at the start of each phase (download dominates). */
const START: Record<Phase, number> = { download: 0.05, python: 0.6, packages: 0.75, app: 0.85, ready: 1 };

const STYLE = `
:host { display: block; position: relative; }
/* Overlaid, not in flow: the shell painted below must not jump when boot ends. */
.wasmui-boot { position: absolute; top: 0; left: 0; right: 0; z-index: 10; font: 12px/1.4 system-ui, sans-serif; color: #555; pointer-events: none; }
.wasmui-boot .bar { height: 3px; background: #e5e7eb; border-radius: 2px; overflow: hidden; }
/* Grown by a transform, which the compositor animates: a width transition lays out and paints the
   page on its main thread every frame while the worker boots, competing with the wasm's compile
   and the interpreter's start for the CPU. */
.wasmui-boot .fill { height: 100%; background: #f97316; transform: scaleX(0); transform-origin: left; transition: transform .3s ease; }
.wasmui-boot .label { float: right; margin-top: 3px; padding: 1px 8px; border-radius: 10px; background: rgba(255, 255, 255, .9); }
.wasmui-error { font: 13px/1.4 system-ui, sans-serif; border: 1px solid #fca5a5; background: #fef2f2; color: #7f1d1d; border-radius: 6px; padding: 10px 12px; margin: 8px 0; }
.wasmui-error pre { white-space: pre-wrap; font: 12px/1.4 ui-monospace, monospace; margin: 6px 0 0; max-height: 24em; overflow: auto; }
${dark(":host(.dark)")}
@media (prefers-color-scheme: dark) { ${dark(":host(:not(.light))")} }
`;

/** Dark colours of the boot view, for hosts matching `host` (as the shell: `.dark`, or the system unless `.light`). */
function dark(host: string): string {
  return `${host} .wasmui-boot { color: #d1d5db; }
${host} .wasmui-boot .bar { background: #374151; }
${host} .wasmui-boot .label { background: rgba(17, 24, 39, .9); }
${host} .wasmui-error { border-color: #7f1d1d; background: #2a1215; color: #fecaca; }`;
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

export class BootView {
  private readonly box: HTMLElement;
  private readonly fill: HTMLElement;
  private readonly label: HTMLElement;
  private current: Phase = "download";
  private detail: string | undefined;
  /** "numpy, pandas +12: 3.1 / 18.6 MB" while the app's packages download. */
  private packages = "";

  constructor(private readonly shadow: ShadowRoot) {
    const style = document.createElement("style");
    style.textContent = STYLE;
    this.box = document.createElement("div");
    this.box.className = "wasmui-boot";
    this.box.setAttribute("part", "boot");
    this.box.setAttribute("role", "progressbar");
    this.box.innerHTML = '<div class="bar"><div class="fill"></div></div><span class="label"></span>';
    this.fill = this.box.querySelector(".fill")!;
    this.label = this.box.querySelector(".label")!;
    shadow.append(style, this.box);
    this.phase("download");
  }

  phase(phase: Phase, detail?: string): void {
    this.current = phase;
    this.detail = detail;
    this.fill.style.transform = `scaleX(${START[phase]})`;
    this.box.dataset.phase = phase;
    this.box.setAttribute("aria-valuenow", String(Math.round(START[phase] * 100)));
    this.render();
  }

  /** Package downloads run alongside the phases: shown next to the phase until they finish. */
  download(packages: string[], loaded: number, total: number, done: boolean): void {
    const names = packages.length > 3 ? `${packages.slice(0, 3).join(", ")} +${packages.length - 3}` : packages.join(", ");
    this.packages = done ? "" : `${names}: ${megabytes(loaded)} / ${megabytes(total)} MB`;
    this.box.dataset.packages = packages.join(" ");
    this.render();
  }

  private render(): void {
    const text = this.detail ? `${LABELS[this.current]} ${this.detail}` : LABELS[this.current];
    this.label.textContent = this.packages ? `${text} · packages ${this.packages}` : text;
  }

  done(): void {
    this.phase("ready");
    this.box.remove();
  }

  /** Shows why boot failed, with the Python traceback. */
  error(phase: Phase, traceback: string): void {
    this.box.className = "wasmui-error";
    this.box.setAttribute("role", "alert");
    this.box.dataset.phase = "error";
    this.box.innerHTML = "";
    const title = document.createElement("strong");
    title.textContent = `The app failed to start (${LABELS[phase].replace("…", "").toLowerCase()})`;
    const pre = document.createElement("pre");
    pre.textContent = traceback;
    this.box.append(title, pre);
    if (!this.box.isConnected) this.shadow.prepend(this.box);
  }

  /** Puts the view back on top after the shell rendered into the shadow root. */
  raise(): void {
    if (this.box.dataset.phase !== "ready") this.shadow.prepend(this.box);
  }
}
