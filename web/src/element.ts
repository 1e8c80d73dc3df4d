/**
 * `<wasmui-app>`: one Gradio app on a page, in an open shadow root.
 *
 *   <wasmui-app src="app.py" root="./">                 app file fetched from the site
 *     <script type="application/json" data-wasmui="config">{...}</script>   optional, pre-computed
 *     <script type="application/json" data-wasmui="files">{"data.csv": "data.csv"}</script>
 *     <script type="text/plain" data-wasmui="requirements">pkg==1.0</script>
 *     <script type="application/json" data-wasmui="packages">["numpy"]</script>   Pyodide packages (wasmui build)
 *     <script type="text/css" data-wasmui="theme">:root{…}</script>   the app's theme.css (wasmui build)
 *   </wasmui-app>
 *   <wasmui-app pyodide="https://host/pyodide/full/">     another Pyodide distribution (default: the site's)
 *   <wasmui-app>import gradio as gr ...</wasmui-app>     inline code; raw text is parsed as HTML, so
 *                                                        code containing `<tag>` goes in <script type="text/x-python">
 *
 * Each element starts its own worker and owns its own URL prefix (`root`), so
 * two apps on one page never share an interpreter or routes. With a
 * pre-computed config the shell paints at once and queues events until
 * Python is ready; otherwise the config is fetched from the worker.
 */
import { type BootOptions, type Phase, isWorkerControlOut } from "./protocol";
import { mountShellOrPlaceholder } from "./mount";
import { BootView } from "./progress";
import type { serviceWorkerLink as ServiceWorkerLink } from "./swlink";
import { type Transport, createTransport } from "./transport";

let counter = 0;

export class WasmuiAppElement extends HTMLElement {
  /** The app's transport (fetch over the worker); set once started. */
  transport: Transport | null = null;
  /** Absolute app root URL, no trailing slash. */
  root = "";
  /** Current boot phase and page-clock times of each phase (performance.now()). */
  phase: Phase | "error" | "preview" = "download";
  readonly timings: Record<string, number> = {};
  /** Resolves when the worker is ready; rejects with the boot error. */
  readonly ready: Promise<void>;
  /** Whether the service worker answers this app's URLs (else blob URLs for media). */
  serviceWorker = false;
  /** Progress of the app's package downloads (null: the app needs no package). */
  downloads: { packages: string[]; loaded: number; total: number; done: boolean } | null = null;

  /** What happened to the memory snapshot on this visit (null: none used nor made yet). */
  snapshot: "restored" | "saved" | "discarded" | null = null;

  private resolveReady!: () => void;
  private rejectReady!: (error: Error) => void;
  private worker: Worker | null = null;
  private started = false;

  constructor() {
    super();
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => undefined);
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    // Children (embedded config, inline code) must be parsed before we read them.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => void this.start(), { once: true });
    } else {
      void this.start();
    }
  }

  disconnectedCallback(): void {
    // Reconnecting the same element is not supported: stop the interpreter.
    if (!this.isConnected && this.worker) {
      this.worker.terminate();
      this.worker = null;
    }
  }

  private async start(): Promise<void> {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (this.hasAttribute("preview")) return this.startPreview(shadow);
    const siteBase = new URL(this.getAttribute("site") ?? new URL(/* @vite-ignore */ "../", import.meta.url).href, document.baseURI).href;
    const appId = this.getAttribute("name") ?? `app${++counter}`;
    this.root = new URL(this.getAttribute("root") ?? `./__wasmui/${appId}/`, document.baseURI).href.replace(/\/$/, "");
    const rootPath = new URL(this.root).pathname.replace(/\/$/, "");
    const view = new BootView(shadow);

    // A built page's inline boot script (early.ts) started the worker and the downloads already.
    const early = takeEarlyWorker(appId);
    const worker = early?.worker ?? new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: `wasmui-${appId}` });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isWorkerControlOut(message)) return;
      switch (message.type) {
        case "phase":
          this.setPhase(message.phase, message.at - performance.timeOrigin);
          view.phase(message.phase, message.detail);
          break;
        case "ready":
          // The worker's finer marks (snapshot read, interpreter started, wheel unpacked...): diagnostics.
          for (const [mark, at] of Object.entries(message.timings)) this.timings[mark] ??= at - performance.timeOrigin;
          this.setPhase("ready", message.at - performance.timeOrigin);
          view.done();
          this.resolveReady();
          break;
        case "boot-error":
          this.phase = "error";
          view.error(message.phase, message.traceback || message.message);
          this.rejectReady(new Error(message.message));
          this.emit("wasmui-error", { phase: message.phase, message: message.message, traceback: message.traceback });
          break;
        case "log":
          (message.stream === "stderr" ? console.warn : console.log)(`[${appId}] ${message.text}`);
          break;
        case "snapshot":
          this.snapshot = message.action;
          (message.action === "discarded" ? console.warn : console.info)(`[${appId}] wasmui: memory snapshot ${message.action} (${message.detail})`);
          this.emit("wasmui-snapshot", { action: message.action, detail: message.detail, app: Boolean(message.app) });
          break;
        case "download":
          this.downloads = { packages: message.packages, loaded: message.loaded, total: message.total, done: message.done };
          view.download(message.packages, message.loaded, message.total, message.done);
          this.emit("wasmui-download", this.downloads);
          break;
      }
    };
    // The worker script itself failed (bad deploy, module error, out of memory).
    worker.onerror = (event: ErrorEvent) => {
      if (this.phase === "ready" || this.phase === "error") return;
      this.phase = "error";
      const message = event.message || "the app's worker could not start";
      view.error("download", message);
      this.rejectReady(new Error(message));
      this.emit("wasmui-error", { phase: "download", message, traceback: "" });
    };
    const makePort = (): MessagePort => {
      const channel = new MessageChannel();
      worker.postMessage({ type: "port", port: channel.port1 }, [channel.port1]);
      return channel.port2;
    };
    const options = { ...this.bootOptions(siteBase, rootPath, appId), manifest: early?.manifest };
    worker.postMessage({ type: "boot", options });

    let swLink: typeof ServiceWorkerLink | null = null;
    this.transport = createTransport(makePort(), {
      root: this.root, ready: this.ready, serviceWorkerActive: () => this.serviceWorker && (swLink?.active() ?? false),
    });
    // The service worker only matters for real URLs (media, downloads, @gradio/client):
    // never hold up the first paint for it (its link is a lazy chunk, swlink.ts; app URLs
    // go through it only once `serviceWorker` is true, which is after it is loaded).
    void import("./swlink")
      .then(({ serviceWorkerLink }) => {
        swLink = serviceWorkerLink;
        return serviceWorkerLink.add({ prefix: `${rootPath}/`, makePort }, new URL("sw.js", siteBase).href, siteBase);
      }, (error: unknown) => {
        console.warn("wasmui: service worker unavailable, using the direct transport", error);
        return false;
      })
      .then((active) => {
        this.serviceWorker = active;
        this.emit("wasmui-sw", { active });
        if (!active) return;
        void this.ready.then(() => {
          swLink?.reclaim();
          // The service worker keeps the site's hashed files for the next visit, once the page is idle.
          whenIdle(() => swLink?.keep(early?.script ? [early.script] : []));
        }, () => undefined);
      });

    let config = this.embeddedJson<Record<string, unknown>>("config");
    if (!config) {
      try {
        await this.ready;
      } catch {
        return;
      }
      const response = await this.transport.fetch(`${this.root}/config`);
      config = (await response.json()) as Record<string, unknown>;
    }
    config.root = this.root;
    await mountShellOrPlaceholder(shadow, {
      config, fetch: this.transport.fetch, root: this.root, resolveUrl: this.transport.resolveUrl, ready: this.ready,
      themeCss: this.embeddedText("theme") ?? undefined,
    });
    view.raise();
    this.emit("wasmui-mounted", {});
  }

  /**
   * `<wasmui-app preview>`: the app's first paint from its embedded config and nothing
   * else (no worker, no Python, no service worker); events never reach a backend. The
   * gallery page shows one per app.
   */
  private async startPreview(shadow: ShadowRoot): Promise<void> {
    const config = this.embeddedJson<Record<string, unknown>>("config");
    if (!config) return;
    const never = new Promise<void>(() => undefined);
    const offline: typeof fetch = () => never.then(() => new Response(null));
    this.root = new URL(this.getAttribute("root") ?? "./", document.baseURI).href.replace(/\/$/, "");
    config.root = this.root;
    this.phase = "preview";
    await mountShellOrPlaceholder(shadow, {
      config, fetch: offline, root: this.root, resolveUrl: async (u) => u, ready: never, preview: true,
      themeCss: this.embeddedText("theme") ?? undefined,
    });
    this.emit("wasmui-mounted", {});
  }

  private bootOptions(siteBase: string, rootPath: string, appId: string): BootOptions {
    const files: BootOptions["files"] = {};
    for (const [path, url] of Object.entries(this.embeddedJson<Record<string, string>>("files") ?? {})) {
      files[path] = { url: new URL(url, document.baseURI).href };
    }
    const src = this.getAttribute("src");
    let entry = "app.py";
    if (src) {
      const url = new URL(src, document.baseURI);
      entry = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf("/") + 1)) || "app.py";
      files[entry] = { url: url.href };
    } else {
      files[entry] = dedent(this.inlineCode());
    }
    const requirements = (this.embeddedText("requirements") ?? "").split("\n")
      .map((line) => line.replace(/#.*/, "").trim()).filter(Boolean);
    const pyodide = this.getAttribute("pyodide");
    return {
      siteBase, rootPath, appId, files, entry, requirements, asgi: this.getAttribute("asgi") ?? undefined,
      packages: this.embeddedJson<string[]>("packages") ?? undefined,
      pyodide: pyodide ? new URL(pyodide, document.baseURI).href : undefined,
    };
  }

  private inlineCode(): string {
    const script = this.querySelector('script[type="text/x-python"], script[type="text/python"]');
    if (script) return script.textContent ?? "";
    let code = "";
    for (const node of this.childNodes) if (node.nodeType === Node.TEXT_NODE) code += node.textContent ?? "";
    return code;
  }

  private embeddedText(kind: string): string | null {
    return this.querySelector(`script[data-wasmui="${kind}"]`)?.textContent ?? null;
  }

  private embeddedJson<T>(kind: string): T | null {
    const text = this.embeddedText(kind);
    return text ? (JSON.parse(text) as T) : null;
  }

  private setPhase(phase: Phase, at: number): void {
    this.phase = phase;
    this.timings[phase] = at;
    this.emit("wasmui-phase", { phase, at });
    if (phase === "ready") this.emit("wasmui-ready", { timings: { ...this.timings } });
  }

  private emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

interface EarlyWorker {
  worker: Worker;
  manifest: unknown;
  /** The worker script's URL. */
  script?: string;
}

/** The worker (and inlined manifest) the page's boot script started for app `name`, taken once. */
function takeEarlyWorker(name: string): EarlyWorker | null {
  const registry = (window as unknown as { __wasmuiEarly?: Record<string, EarlyWorker> }).__wasmuiEarly;
  const early = registry?.[name] ?? null;
  if (registry) delete registry[name];
  return early;
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 200);
}

/** Removes the common leading indentation of inline code. */
export function dedent(code: string): string {
  const lines = code.replace(/^\s*\n/, "").replace(/\s+$/, "").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n") + "\n";
}
