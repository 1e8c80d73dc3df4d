/**
 * The worker runtime: boots Pyodide from the site's own files, installs the
 * wasmui wheel, mounts the app's files and calls the ONE Python entry point
 * (`wasmui._pyodide.boot`), then answers HTTP requests arriving on request
 * ports with the app's ASGI app.
 *
 * Requests may arrive before Python is ready (the shell paints from the
 * embedded config and queues events): they are acked at once and answered
 * when boot completes, or with a 503 carrying the traceback if boot failed.
 */
import type { PyodideAPI } from "pyodide";
import type { BootOptions, Phase, PortIn, PortOut, WorkerControlOut } from "./protocol";
import { isPortIn } from "./protocol";

/** `wasmui-manifest.json` written by `python -m wasmui.webassets`. */
interface Manifest {
  version: string;
  wheel: string;
  /** True when `pyodide/` ships micropip (listed in the trimmed lock). */
  micropip: boolean;
}

/** The Python side (`wasmui._pyodide.Bridge`), seen through a PyProxy. */
interface Bridge {
  request(id: number, method: string, url: string, headers: [string, string][], hasBody: boolean,
    reply: (kind: string, a: unknown, b: unknown) => void): void;
  body(id: number, chunk: Uint8Array, more: boolean): void;
  disconnect(id: number): void;
}

type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideAPI>;

class BootError extends Error {
  constructor(readonly phase: Phase, message: string, readonly traceback: string) {
    super(message);
  }
}

export class WorkerRuntime {
  private bridge: Promise<Bridge>;
  private resolveBridge!: (bridge: Bridge) => void;
  private rejectBridge!: (error: BootError) => void;
  private phase: Phase = "download";
  private readonly timings: Record<string, number> = {};
  /** Last lines Python/Emscripten wrote to stderr: the only clue when the interpreter aborts. */
  private readonly stderrTail: string[] = [];
  private siteBase = "";

  constructor(private readonly emit: (message: WorkerControlOut) => void) {
    this.bridge = new Promise((resolve, reject) => {
      this.resolveBridge = resolve;
      this.rejectBridge = reject;
    });
    // Requests queued on a failed boot are answered; avoid an unhandled rejection.
    this.bridge.catch(() => undefined);
  }

  /** Boots Python and the app; reports phases and a traceback on failure. */
  async boot(options: BootOptions): Promise<void> {
    this.siteBase = options.siteBase;
    try {
      this.resolveBridge(await this.bootSteps(options));
      this.timings.ready = epochNow();
      this.emit({ type: "ready", at: epochNow(), timings: this.timings });
    } catch (error) {
      let failure = error instanceof BootError
        ? error
        : new BootError(this.phase, String((error as Error)?.message ?? error), String((error as Error)?.stack ?? ""));
      if (this.stderrTail.length > 0 && !failure.traceback.includes(this.stderrTail[this.stderrTail.length - 1]!)) {
        const traceback = `${failure.traceback}\n\nstderr:\n${this.stderrTail.join("\n")}`.trim();
        failure = new BootError(failure.phase, failure.message, traceback);
      }
      if (failure.phase === "download" || failure.phase === "python") {
        // Pyodide reads a 404 page as a stdlib zip and aborts obscurely: name the missing file.
        const missing = await missingCoreFiles(this.siteBase);
        if (missing.length > 0) {
          failure = new BootError(failure.phase, `missing runtime files: ${missing.join(", ")}`,
            `The site is incomplete (rebuild it with \`wasmui build\`): ${missing.join(", ")}\n\n${failure.traceback}`);
        }
      }
      this.rejectBridge(failure);
      this.emit({ type: "boot-error", phase: failure.phase, message: failure.message, traceback: failure.traceback });
    }
  }

  /** Serves requests arriving on `port` (from the page transport or the service worker). */
  attachPort(port: MessagePort): void {
    port.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isPortIn(message)) return;
      if (message.type === "request") this.post(port, { type: "ack", id: message.id });
      // `then` callbacks run in registration order, so body chunks stay behind their request.
      this.bridge.then(
        (bridge) => this.forward(bridge, port, message),
        (error: BootError) => { if (message.type === "request") this.answerBootFailure(port, message.id, error); },
      );
    };
    port.start();
  }

  private setPhase(phase: Phase, detail?: string): void {
    this.phase = phase;
    this.timings[phase] = epochNow();
    this.emit({ type: "phase", phase, at: epochNow(), detail });
  }

  private async bootSteps(options: BootOptions): Promise<Bridge> {
    this.setPhase("download");
    const base = options.siteBase;
    const manifest = fetchJson<Manifest>(new URL("wasmui-manifest.json", base).href);
    const wheel = manifest.then((m) => fetchBytes(new URL(m.wheel, base).href));
    const files = Promise.all(Object.entries(options.files).map(async ([path, source]) =>
      [path, typeof source === "string" ? source : await fetchBytes(source.url)] as const));
    const indexURL = new URL("pyodide/", base).href;
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as { loadPyodide: LoadPyodide };
    const pyodide = await loadPyodide({
      indexURL,
      // The site's pyodide-lock.json is trimmed to what it serves (micropip at most), so a
      // missing package fails loudly instead of a silent "Failed to fetch" of a 404.
      env: { HOME: "/home/pyodide" },
      stdout: (text: string) => this.emit({ type: "log", stream: "stdout", text }),
      stderr: (text: string) => {
        this.stderrTail.push(text);
        if (this.stderrTail.length > 20) this.stderrTail.shift();
        this.emit({ type: "log", stream: "stderr", text });
      },
      // Called once the wasm is downloaded and compiled, just before the interpreter starts.
      fsInit: async () => this.setPhase("python"),
    });

    this.setPhase("packages");
    const sitePackages = String(pyodide.runPython("import site; site.getsitepackages()[0]"));
    pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
    const appDir = `/home/pyodide/apps/${options.appId}`;
    for (const [path, content] of await files) {
      const target = `${appDir}/${path}`;
      pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
      pyodide.FS.writeFile(target, content);
    }
    const py = pyodide.pyimport("wasmui._pyodide");
    if (options.requirements.length > 0) {
      const m = await manifest;
      if (!m.micropip) throw new BootError("packages", "requirements.txt needs micropip, which this build does not ship", "");
      await pyodide.loadPackage("micropip", { checkIntegrity: true });
      await this.runPython("packages", () => py.install_requirements(options.requirements, new URL("simple/", base).href));
    }

    this.setPhase("app");
    return this.runPython("app", () => py.boot(appDir, options.entry, options.rootPath, options.asgi ?? null) as Promise<Bridge>);
  }

  /** Runs a Python call, turning a PythonError into a BootError with its traceback. */
  private async runPython<T>(phase: Phase, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      const lines = message.trim().split("\n");
      throw new BootError(phase, lines[lines.length - 1] ?? message, message);
    }
  }

  private forward(bridge: Bridge, port: MessagePort, message: PortIn): void {
    switch (message.type) {
      case "request": {
        const id = message.id;
        const reply = (kind: string, a: unknown, b: unknown): void => {
          if (kind === "start") {
            this.post(port, { type: "start", id, status: Number(a), headers: b as [string, string][] });
          } else if (kind === "body") {
            const view = b as Uint8Array;
            // Copy out of the wasm heap into a buffer we own, then transfer it.
            const chunk = view.slice().buffer;
            this.post(port, { type: "body", id, chunk, more: Boolean(a) }, [chunk]);
          } else {
            this.post(port, { type: "error", id, message: String(a), traceback: String(b ?? "") });
          }
        };
        bridge.request(id, message.method, message.url, message.headers, message.hasBody, reply);
        break;
      }
      case "body":
        bridge.body(message.id, new Uint8Array(message.chunk), message.more);
        break;
      case "disconnect":
        bridge.disconnect(message.id);
        break;
    }
  }

  private answerBootFailure(port: MessagePort, id: number, error: BootError): void {
    const text = `wasmui: the app failed to start (${error.phase}): ${error.message}\n\n${error.traceback}`;
    const chunk = new TextEncoder().encode(text).buffer as ArrayBuffer;
    this.post(port, { type: "start", id, status: 503, headers: [["content-type", "text/plain; charset=utf-8"]] });
    this.post(port, { type: "body", id, chunk, more: false }, [chunk]);
  }

  private post(port: MessagePort, message: PortOut, transfer: Transferable[] = []): void {
    port.postMessage(message, transfer);
  }
}

const CORE_FILES = ["pyodide/pyodide.mjs", "pyodide/pyodide.asm.mjs", "pyodide/pyodide.asm.wasm",
  "pyodide/python_stdlib.zip", "pyodide/pyodide-lock.json", "wasmui-manifest.json"];

/** Core files the site does not serve (only checked after a failed boot). */
async function missingCoreFiles(siteBase: string): Promise<string[]> {
  if (!siteBase) return [];
  const checks = await Promise.all(CORE_FILES.map(async (path) => {
    try {
      const response = await fetch(new URL(path, siteBase).href, { method: "HEAD", cache: "no-store" });
      return response.ok ? null : `${path} (${response.status})`;
    } catch {
      return `${path} (unreachable)`;
    }
  }));
  return checks.filter((c): c is string => c !== null);
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new BootError("download", `GET ${url} -> ${response.status}`, "");
  return response;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

async function fetchJson<T>(url: string): Promise<T> {
  return (await (await fetchOk(url)).json()) as T;
}

/** Epoch milliseconds: the page converts with its own `performance.timeOrigin`. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
