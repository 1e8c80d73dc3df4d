/**
 * The worker runtime: boots Pyodide from the site's own files, installs the
 * wasmui wheel, mounts the app's files and calls the ONE Python entry point
 * (`wasmui._pyodide.boot`), then answers HTTP requests arriving on request
 * ports with the app's ASGI app.
 *
 * Requests may arrive before Python is ready (the shell paints from the
 * embedded config and queues events): they are acked at once and answered
 * when boot completes, or with a 503 carrying the traceback if boot failed
 * (`portforward.ts`). A first visit then stores a memory snapshot
 * (`snapshotjob.ts`) that a repeat visit restores (`startWarm`, `restore.ts`).
 */
import type { PyodideAPI } from "pyodide";
import type { BootOptions, Phase, WorkerControlOut } from "./protocol";
import { type Lock, PackageDownloads, normalizeName, resolvePackages } from "./packages";
import { CoreFetch, type Encoding, encodingsOf } from "./precompressed";
import { SnapshotStore, snapshotsSupported } from "./snapshot";
import { type AppFiles, BootError, fetchBytes, fetchJson, fetchOk, importFromBlob, importModule, installLazyImports,
  missingCoreFiles, unpackWheel, withSlash, writeAppFiles } from "./bootfiles";
import { type Bridge, PortForwarder } from "./portforward";
import { CORE_NAMES, PYODIDE_JS, WHEEL, appKey, precompile, readSnapshot, restoringSparse, storedGlue } from "./restore";
import { expand } from "./sparse";
import { type LoadPyodide, QuietGate, type SnapshotJob, saveSnapshot } from "./snapshotjob";
import { type CreateModule, REST_PATH, type RestPart, nearlyIn, readRest, splitRest, warmPath, withRestStdlib } from "./stdlibrest";

/** `wasmui-manifest.json` written by `python -m wasmui.webassets` (and `wasmui build --pyodide`). */
interface Manifest {
  version: string;
  wheel: string;
  /** Site paths that have a compressed sibling (`X.zst`, `X.gz`), fetched instead of the plain file. */
  precompressed?: string[] | Record<string, Encoding>;
  /** Content hash of the site (absent in older builds: the wheel's path stands in). */
  build?: string;
  /** Folder of the modules left out of the boot archives, fetched on first import (`wasmui.trim`). */
  lazy?: string;
  /** The boot stdlib's second zip: what the interpreter's initialisation does not import (`wasmui.trim`). */
  stdlibRest?: string;
  /** The second zip's file is several zips end to end: each of these parts (`bytes` long, in order) holds what its `imports` import, the last zip the rest (`wasmui.trim`). */
  stdlibRestWarm?: RestPart[];
  /** Precompressed files' [inflated, sibling] sizes in bytes. */
  sizes?: Record<string, [number, number]>;
  /** True when `pyodide/` ships micropip (listed in the trimmed lock). */
  micropip: boolean;
  /** The distribution a site was built against (absent: the default core in `pyodide/`). */
  pyodide?: { indexURL: string; version: string; python: string; offline: boolean };
}

export class WorkerRuntime {
  private bridge: Promise<Bridge>;
  private resolveBridge!: (bridge: Bridge) => void;
  private rejectBridge!: (error: BootError) => void;
  private phase: Phase = "download";
  private readonly timings: Record<string, number> = { worker: epochNow() };
  /** Last lines Python/Emscripten wrote to stderr: the only clue when the interpreter aborts. */
  private readonly stderrTail: string[] = [];
  private siteBase = "";
  /** The worker's `fetch` for the runtime's big files (precompressed, started early by the page or here). */
  readonly coreFetch = new CoreFetch(globalThis.fetch.bind(globalThis));
  /** Settles when the interpreter's wasm is downloaded (or Python starts, whichever is first). */
  private readonly interpreterBytesIn: Promise<void>;
  private wasmIn!: () => void;
  /** The snapshot this boot restored from (null: a normal boot). */
  private restoredFrom: SnapshotStore | null = null;
  /** Requests wait on this while the snapshot interpreter is made (the snapshot waits for a quiet moment). */
  private readonly quiet = new QuietGate();
  /** Every request port's messages, handed to the bridge once it is up and the gate is open. */
  private readonly ports = new PortForwarder(() => this.quiet.open.then(() => this.bridge), () => this.quiet.touch());
  private snapshotJob: SnapshotJob | null = null;
  /** Whether this boot adopted the app a restored snapshot held already run (its failure is the snapshot's). */
  private adopted = false;

  /** Messages for the page, held until the boot message proves the page listens (a speculative
   * restore starts before: a worker's messages posted before `onmessage` is set are lost). */
  private outbox: WorkerControlOut[] | null = [];
  /** A restore started from the stored snapshot as soon as the page's inline script named the build
   * (`readAhead`), before the page's JS and the boot message arrive; `bootSteps` adopts it. */
  private warmStart: { id: string; started: Promise<WarmStart | null> } | null = null;

  constructor(private readonly send: (message: WorkerControlOut) => void) {
    globalThis.fetch = this.coreFetch.fetch;
    this.coreFetch.xzOffThread = true;
    this.coreFetch.onInflated = (url) => {
      this.mark(`inflated:${url.slice(url.lastIndexOf("/") + 1)}`);
      if (url.endsWith("/pyodide.asm.wasm")) this.wasmIn();
    };
    this.interpreterBytesIn = new Promise((resolve) => { this.wasmIn = resolve; });
    this.bridge = new Promise((resolve, reject) => {
      this.resolveBridge = resolve;
      this.rejectBridge = reject;
    });
    // Requests queued on a failed boot are answered; avoid an unhandled rejection.
    this.bridge.catch(() => undefined);
  }

  private emit(message: WorkerControlOut): void {
    if (this.outbox) this.outbox.push(message);
    else this.send(message);
  }

  /** Boots Python and the app; reports phases and a traceback on failure. */
  async boot(options: BootOptions): Promise<void> {
    this.siteBase = options.siteBase;
    const held = this.outbox ?? [];
    this.outbox = null;
    for (const message of held) this.send(message);
    try {
      this.resolveBridge(await this.bootWithSnapshot(options));
      this.timings.ready = epochNow();
      this.emit({ type: "ready", at: epochNow(), timings: this.timings });
      // The quiet moment is counted from ready: events queued during the boot (a click made on the
      // first paint) are answered now and their follow-up requests (the SSE stream) must not wait
      // behind the snapshot interpreter (measured: 9 s of the first TTI on 4G).
      this.quiet.touch();
      const job = this.snapshotJob;
      this.snapshotJob = null;
      if (job) void saveSnapshot(job, this.quiet, this.coreFetch, (message) => this.emit(message));
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
        const missing = await missingCoreFiles(this.siteBase, this.indexURL);
        if (missing.length > 0) {
          failure = new BootError(failure.phase, `missing runtime files: ${missing.join(", ")}`,
            `The site is incomplete (rebuild it with \`wasmui build\`): ${missing.join(", ")}\n\n${failure.traceback}`);
        }
      }
      this.rejectBridge(failure);
      this.emit({ type: "boot-error", phase: failure.phase, message: failure.message, traceback: failure.traceback });
    }
  }

  /**
   * Boots from the stored memory snapshot when there is one; any failure of a restore
   * before the app runs throws the snapshot away and boots normally (said in the console).
   */
  private async bootWithSnapshot(options: BootOptions): Promise<Bridge> {
    try {
      return await this.bootSteps(options, true);
    } catch (error) {
      const store = this.restoredFrom;
      if (!store) throw error;
      this.restoredFrom = null;
      await store.discard().catch(() => undefined);
      const reason = String((error as Error)?.message ?? error).split("\n")[0];
      this.emit({ type: "snapshot", action: "discarded", detail: reason });
      if (this.phase === "app" && !this.adopted) throw error;  // the app itself failed: not the snapshot's fault
      this.adopted = false;
      this.emit({ type: "log", stream: "stderr", text: `wasmui: the memory snapshot did not restore (${reason}); booting normally` });
      return this.bootSteps(options, false);
    }
  }

  /**
   * Starts the restore from the stored snapshot of the build `manifest` names (sent by the page's
   * inline script before the page's own JS has loaded; measured on 4G, the boot message came
   * 0.4-2 s later): reading it, Pyodide's JS and the interpreter's restore run meanwhile.
   * `bootSteps` adopts the result only when its store is the same (else it is dropped).
   */
  readAhead(manifest: unknown): void {
    const known = manifest as Partial<Manifest> | undefined;
    // After the boot message (`outbox` gone) bootSteps has decided already.
    if (!known?.wheel || known.pyodide || this.warmStart || !this.outbox) return;
    // The worker script lives in the site's assets/ folder, as wasmui.js does.
    const siteBase = new URL("../", location.href).href;
    const indexURL = new URL("pyodide/", siteBase).href;
    const store = SnapshotStore.open(siteBase, known.build ?? known.wheel, indexURL);
    if (!store) return;
    this.warmStart = { id: store.id, started: this.startWarm(store, indexURL, new URL(known.wheel, siteBase).href) };
    this.warmStart.started.catch(() => undefined);  // bootSteps awaits it
  }

  /**
   * The interpreter restored from `store`'s snapshot, with every core file (wasm, stdlib, glue,
   * lock, wheel) answered from the copies stored with it: a repeat visit touches the network for
   * none of them. Null when no snapshot is stored; throws when one is damaged or does not restore.
   */
  private async startWarm(store: SnapshotStore, indexURL: string, wheelURL: string): Promise<WarmStart | null> {
    // Side by side: reading the stored files, importing Pyodide's JS and the glue and compiling the
    // wasm as soon as each is read.
    this.mark("read-ahead");
    const read = await readSnapshot(store);
    if (!read) return null;
    this.mark("entry");
    // Pyodide's JS: the copy stored with the snapshot (one stored before it was kept: by URL).
    const pyodideJs = read.core.get(PYODIDE_JS)!.then((response) => response
      ? importModule<{ loadPyodide: LoadPyodide }>(response)
      : import(/* @vite-ignore */ `${indexURL}${PYODIDE_JS}`) as Promise<{ loadPyodide: LoadPyodide }>);
    pyodideJs.catch(() => undefined);
    const glueRead = read.core.get("pyodide.asm.mjs")!.then((response) => { this.mark("glue-read"); return response; });
    // Evaluated once the wasm and the snapshot are read: it holds this thread (~30 ms), and the
    // wasm's compile (on other threads) should start first.
    const glue = glueRead.then(async (response) => {
      await read.sparseSnapshot.catch(() => undefined);
      return response ? storedGlue(response, `${indexURL}pyodide.asm.mjs`) : undefined;
    });
    const wasm = read.core.get("pyodide.asm.wasm")!.then((response) => {
      this.mark("wasm-read");
      return response ? precompile(response).then((compiled) => { this.mark("wasm-compiled"); return compiled; }) : null;
    });
    glue.catch(() => undefined);
    wasm.catch(() => undefined);
    const sparse = await read.sparseSnapshot;
    this.mark("snapshot-read");
    for (const [name, pending] of read.core) {
      if (name === "pyodide.asm.mjs" || name === PYODIDE_JS) continue;  // imported here (its body is read)
      const response = name === "pyodide.asm.wasm" ? await wasm : await pending;
      if (response) this.coreFetch.provide(name === WHEEL ? wheelURL : `${indexURL}${name}`, response);
    }
    const { loadPyodide } = await pyodideJs;
    this.mark("pyodide-js");
    const createPyodideModule = await glue as ((settings: object) => Promise<unknown>) | undefined;
    this.mark("glue");
    const settings = this.pyodideSettings(indexURL, createPyodideModule, () => this.mark("python"));
    // The glue imported here restores the snapshot as stored (`restoringSparse`); one Pyodide
    // imports itself gets the whole memory.
    const pyodide = createPyodideModule
      ? await loadPyodide({ ...settings, createPyodideModule: restoringSparse(createPyodideModule), _loadSnapshot: sparse })
      : await loadPyodide({ ...settings, _loadSnapshot: expand(sparse) });
    this.mark("interpreter");
    return { pyodide, loadPyodide, settings, wheel: fetchBytes(wheelURL) };
  }

  /** Pyodide's settings (the same for a restore, a normal boot and the snapshot interpreter). */
  private pyodideSettings(indexURL: string, createPyodideModule: unknown, onPython: () => void): Record<string, unknown> {
    return {
      indexURL,
      ...(createPyodideModule ? { createPyodideModule } : {}),
      // The site's pyodide-lock.json is trimmed to what it serves, so a missing package
      // fails loudly instead of a silent "Failed to fetch" of a 404.
      // MPLBACKEND: matplotlib draws with Agg (PNG in memory); its browser backends need a DOM.
      env: { HOME: "/home/pyodide", MPLBACKEND: "AGG" },
      stdout: (text: string) => this.emit({ type: "log", stream: "stdout", text }),
      stderr: (text: string) => {
        this.stderrTail.push(text);
        if (this.stderrTail.length > 20) this.stderrTail.shift();
        this.emit({ type: "log", stream: "stderr", text });
      },
      // Called once the wasm is downloaded and compiled, just before the interpreter starts.
      fsInit: async () => onPython(),
    };
  }

  /** Serves requests arriving on `port` (from the page transport or the service worker). */
  attachPort(port: MessagePort): void {
    this.ports.attach(port);
  }

  /** A finer timestamp of the boot (sent with ready; the bench reads them). */
  private mark(name: string): void {
    this.timings[name] = epochNow();
  }

  private setPhase(phase: Phase, detail?: string): void {
    this.phase = phase;
    this.timings[phase] = epochNow();
    this.emit({ type: "phase", phase, at: epochNow(), detail });
  }

  private async bootSteps(options: BootOptions, restore: boolean): Promise<Bridge> {
    this.setPhase("download");
    const base = options.siteBase;
    let fetching: Promise<AppFiles> | null = null;
    const files = (): Promise<AppFiles> => {
      fetching ??= Promise.all(Object.entries(options.files).map(async ([path, source]) =>
        [path, typeof source === "string" ? source : await fetchBytes(source.url)] as const));
      return fetching;
    };
    const manifest = (options.manifest as Manifest | undefined) ?? await fetchJson<Manifest>(new URL("wasmui-manifest.json", base).href);
    this.mark("manifest");
    const encodings = encodingsOf(manifest.precompressed, base);
    this.coreFetch.setEncodings(encodings);
    const wheelURL = new URL(manifest.wheel, base).href;
    const indexURL = withSlash(options.pyodide ?? new URL(manifest.pyodide?.indexURL ?? "pyodide/", base).href);
    this.indexURL = indexURL;
    // Snapshots only hold the interpreter and wasmui, taken before the app runs; apps that load
    // Pyodide packages or micropip requirements boot normally (their shared libraries are not
    // restorable here).
    // Pyodide before 0.28 has no usable snapshot API: never ask it for one.
    const version = manifest.pyodide?.version;
    const store = options.packages?.length === 0 && options.requirements.length === 0 &&
      options.pyodide === undefined && (version === undefined || snapshotsSupported(version))
      ? SnapshotStore.open(base, manifest.build ?? manifest.wheel, indexURL) : null;
    // A repeat visit: the restore the page's inline script started (readAhead), else one started now.
    const ahead = this.warmStart;
    this.warmStart = null;
    const restURL = manifest.stdlibRest ? new URL(manifest.stdlibRest, base).href : null;
    const app = appKey(options, manifest.build);
    // The app's files are fetched at once, unless the stored snapshot holds the app already run
    // (its files are in it: a repeat visit then asks the network for none of them).
    if (!store || !restore || !app || await store.app() !== app) files().catch(() => undefined);
    if (store && restore) {
      this.restoredFrom = store;  // a failure from here on throws the snapshot away (bootWithSnapshot)
      const warm = await (ahead?.id === store.id ? ahead.started : this.startWarm(store, indexURL, wheelURL));
      if (warm) {
        // The file system is not in the snapshot: the stdlib's second zip is written again (stored
        // with the snapshot since it exists, CORE_NAMES).
        // Only the files: their places on sys.path are in the snapshot (made with both zips mounted),
        // and a `runPython` right after a restore costs 10-40 ms.
        if (restURL) {
          const [firsts, rest] = splitRest(await fetchBytes(restURL), manifest.stdlibRestWarm);
          firsts.forEach((first, i) => warm.pyodide.FS.writeFile(warmPath(i), first));
          warm.pyodide.FS.writeFile(REST_PATH, rest);
        }
        this.mark("stdlib-rest");
        return this.afterInterpreter(options, manifest, warm.pyodide, await warm.wheel, null, files, null, app);
      }
      this.restoredFrom = null;
    }
    // A boot that downloads: the precompressed files' decoders load now (a restore needs none).
    this.coreFetch.warmDecoders();
    // The wheel is needed once Python runs: it downloads while the interpreter starts instead of
    // sharing the link with the wasm and the stdlib, which the interpreter waits for (measured on 4G:
    // the wasm was in ~0.35 s later when the wheel downloaded beside it).
    // The stdlib's second zip likewise: the interpreter initialises from the first one (see
    // withRestStdlib), and the wheel follows it (Pyodide's bootstrap needs the zip first).
    const wasmURL = `${indexURL}pyodide.asm.wasm`;
    const nearly = (url: string, fallback: Promise<unknown>): Promise<unknown> =>
      nearlyIn(this.coreFetch, manifest.sizes, base, url, fallback);
    const rest = restURL
      ? readRest(nearly(wasmURL, this.interpreterBytesIn).then(() => fetchOk(restURL)), manifest.stdlibRestWarm, restURL) : null;
    const wheel = (rest && restURL ? nearly(restURL, rest.whole.catch(() => undefined)) : this.interpreterBytesIn).then(() => fetchBytes(wheelURL));
    wheel.catch(() => undefined);
    // A first visit keeps the inflated core files (and the wheel), stored with the snapshot.
    // (Those CoreFetch answers: the precompressed ones, and the lock it always prefetches.)
    const lock = `${indexURL}pyodide-lock.json`;
    const coreURLs = CORE_NAMES.map((name) => `${indexURL}${name}`).filter((url) => encodings.has(url) || url === lock);
    const core = store ? new Map(coreURLs.map((url) => [url, this.coreFetch.retain(url)] as const))
      : new Map<string, Promise<Uint8Array>>();
    let createPyodideModule: Promise<unknown> | null = null;
    if (!manifest.pyodide && !options.pyodide) {
      // The default core's second module (1.2 MB of JS): from its compressed sibling when the
      // build has one (imported from a blob), else imported now, shared with pyodide.mjs's own import.
      const glue = `${indexURL}pyodide.asm.mjs`;
      createPyodideModule = encodings.has(glue) ? importFromBlob(glue)
        : rest ? import(/* @vite-ignore */ glue).then((module: { default: unknown }) => module.default) : null;
      if (!createPyodideModule) import(/* @vite-ignore */ glue).catch(() => undefined);
      createPyodideModule?.catch(() => undefined);
    }
    // The app's packages download while the interpreter starts (Pyodide would wait for it).
    const downloads = options.packages?.length ? await this.startDownloads(indexURL, options.packages) : null;
    // No waterfall: the interpreter and the stdlib download while Pyodide's JS loads
    // (after the packages, which are more bytes and must not queue behind them).
    this.coreFetch.prefetch(`${indexURL}pyodide.asm.wasm`);
    this.coreFetch.prefetch(`${indexURL}python_stdlib.zip`);
    this.coreFetch.prefetch(`${indexURL}pyodide-lock.json`);
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as { loadPyodide: LoadPyodide };
    this.mark("pyodide-js");
    let glue = createPyodideModule ? await createPyodideModule.then((m) => { this.mark("glue"); return m; }) : undefined;
    if (glue && rest) {
      glue = withRestStdlib(glue as CreateModule, rest, manifest.stdlibRestWarm ?? [], (step) => this.mark(step));
    }
    const settings = this.pyodideSettings(indexURL, glue, () => { this.wasmIn(); this.setPhase("python"); });
    const pyodide = await Promise.race([loadPyodide(settings), this.coreFetch.failure]);
    this.mark("interpreter");
    const wheelBytes = await wheel;
    const lazyURL = manifest.lazy ? new URL(manifest.lazy, base).href : null;
    if (store && snapshotsSupported(pyodide.version)) {
      this.snapshotJob = { store, loadPyodide, settings, wheel: wheelBytes, sitePackages: "", lazyURL, core, app: null, indexURL };
    }
    return this.afterInterpreter(options, manifest, pyodide, wheelBytes, lazyURL, files, downloads, app);
  }

  /** The steps after the interpreter is up (started or restored): wheel, app files, packages, the app. */
  private async afterInterpreter(options: BootOptions, manifest: Manifest, pyodide: PyodideAPI, wheelBytes: Uint8Array,
    lazy: string | null, files: () => Promise<AppFiles>, downloads: PackageDownloads | null, app: string | null): Promise<Bridge> {
    const base = options.siteBase;
    const py = pyimport(pyodide);
    let sitePackages: string;
    if (this.restoredFrom) {
      // One call (each `runPython` parses and compiles its code: ~10-40 ms each right after a restore):
      // `random` reseeded (the snapshot holds its state), whether the snapshot holds the app already
      // run (its state as it left the module, no visit's), where site-packages is. The lazy importer
      // and the stdlib's second zip on sys.path are in the snapshot already (made with both).
      const state = JSON.parse(py().restored(app ?? "")) as { adopted: boolean; site_packages: string };
      this.adopted = app !== null && state.adopted;
      sitePackages = state.site_packages;
      this.emit({ type: "snapshot", action: "restored", detail: `${pyodide.version}${this.adopted ? ", the app run" : ""}`, app: this.adopted });
      this.mark("seeded");
      this.setPhase("packages");
    } else {
      installLazyImports(pyodide, lazy ?? (manifest.lazy ? new URL(manifest.lazy, base).href : null));
      this.setPhase("packages");
      sitePackages = String(pyodide.runPython("import site; site.getsitepackages()[0]"));
    }
    if (this.snapshotJob) this.snapshotJob.sitePackages = sitePackages;
    // After a restore the modules are in memory but the files are not (MEMFS is not in the
    // snapshot): the wheel is unpacked again for modules imported later.
    unpackWheel(pyodide, wheelBytes, sitePackages);
    this.mark("wheel");
    const appDir = `/home/pyodide/apps/${options.appId}`;
    // An adopted app's files are in the snapshot (written back by `boot`).
    const appFiles = this.adopted ? [] : await files();
    writeAppFiles(pyodide, appDir, appFiles);
    if (this.snapshotJob && app) this.snapshotJob.app = { key: app, dir: appDir, entry: options.entry, files: appFiles };
    if (downloads) {
      await this.loadDownloaded(pyodide, downloads);
    } else if (options.packages === undefined) {
      // Inline code or a page without a package list: Pyodide finds them from the imports.
      const entry = appFiles.find(([path]) => path === options.entry)?.[1];
      const code = typeof entry === "string" ? entry : new TextDecoder().decode(entry);
      await this.loadChecked(pyodide, () => pyodide.loadPackagesFromImports(code, this.loaderCallbacks()));
    }
    if (options.requirements.length > 0) {
      if (!manifest.micropip) throw new BootError("packages", "requirements.txt needs micropip, which this build does not ship", "");
      await this.loadChecked(pyodide, () => pyodide.loadPackage("micropip", { checkIntegrity: true, ...this.loaderCallbacks() }));
      await this.runPython("packages", () => py().install_requirements(options.requirements, new URL("simple/", base).href));
    }

    this.setPhase("app");
    return this.runPython("app", () => py().boot(appDir, options.entry, options.rootPath, options.asgi ?? null, app) as Promise<Bridge>);
  }

  /** Resolves `names` through the distribution's lock and starts every download. */
  private async startDownloads(indexURL: string, names: string[]): Promise<PackageDownloads> {
    const lock = await fetchJson<Lock>(`${indexURL}pyodide-lock.json`);
    const { keys, unknown } = resolvePackages(lock, names);
    if (unknown.length > 0) {
      throw new BootError("download", `packages not in this Pyodide distribution: ${unknown.join(", ")}`,
        `${indexURL}pyodide-lock.json lists no ${unknown.join(", ")}. Rebuild the site with \`wasmui build --pyodide DIR_OR_URL\` ` +
        "pointing to a distribution that has them.");
    }
    const downloads = new PackageDownloads(keys, lock, indexURL, (progress) => this.emit({ type: "download", ...progress }), names);
    globalThis.fetch = downloads.wrap(globalThis.fetch.bind(globalThis));
    return downloads;
  }

  /** Hands the downloaded packages to Pyodide's loader; names each one that failed and why. */
  private async loadDownloaded(pyodide: PyodideAPI, downloads: PackageDownloads): Promise<void> {
    await downloads.done;
    if (downloads.failures.size > 0) {
      const names = [...downloads.failures.keys()].join(", ");
      throw new BootError("packages", `could not load ${names}`, downloads.describeFailures());
    }
    await this.loadChecked(pyodide, () => pyodide.loadPackage(downloads.keys, { checkIntegrity: true, ...this.loaderCallbacks() }),
      downloads.keys);
  }

  private loaderMessages: string[] = [];

  private loaderCallbacks(): { messageCallback: (m: string) => void; errorCallback: (m: string) => void } {
    return {
      messageCallback: () => undefined,
      errorCallback: (message: string) => { this.loaderMessages.push(message); },
    };
  }

  /** Runs a Pyodide loader call; it never throws on a failed package, so check what it reported. */
  private async loadChecked(pyodide: PyodideAPI, load: () => Promise<unknown>, expected: string[] = []): Promise<void> {
    this.loaderMessages = [];
    await load();
    const loaded = new Set(Object.keys(pyodide.loadedPackages).map(normalizeName));
    const absent = expected.filter((key) => !loaded.has(normalizeName(key)));
    if (this.loaderMessages.length > 0 || absent.length > 0) {
      const names = absent.length > 0 ? absent.join(", ") : "packages";
      const details = await this.diagnose(absent);
      throw new BootError("packages", `could not load ${names}`, [...this.loaderMessages, ...details].join("\n"));
    }
  }

  private indexURL = "";

  /** Why packages are missing: Pyodide's loader only says "Failed to fetch". */
  private async diagnose(keys: string[]): Promise<string[]> {
    if (keys.length === 0 || !this.indexURL) return [];
    try {
      const lock = await fetchJson<Lock>(`${this.indexURL}pyodide-lock.json`);
      return Promise.all(keys.map(async (key) => {
        const file = lock.packages[key]?.file_name;
        if (!file) return `${key}: not in ${this.indexURL}pyodide-lock.json`;
        const url = new URL(file, this.indexURL).href;
        try {
          const response = await fetch(url, { method: "HEAD", cache: "no-store" });
          return response.ok ? `${key}: ${url} is served but did not install (checksum?)` : `${key}: GET ${url} -> ${response.status}`;
        } catch (error) {
          return `${key}: ${url} is unreachable (${(error as Error).message})`;
        }
      }));
    } catch {
      return [];
    }
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
}

/** The Python side's entry module, imported on first use. */
interface PyBoot {
  /** JSON: `{adopted, site_packages}` (`wasmui._pyodide.restored`). */
  restored(key: string): string;
  install_requirements(requirements: string[], indexURL: string): Promise<void>;
  boot(appDir: string, entry: string, rootPath: string, asgi: string | null, key: string | null): Promise<Bridge>;
}

function pyimport(pyodide: PyodideAPI): () => PyBoot {
  let module: PyBoot | null = null;
  return () => (module ??= pyodide.pyimport("wasmui._pyodide") as unknown as PyBoot);
}

/** An interpreter restored from a snapshot (`startWarm`), with the wheel to unpack next. */
interface WarmStart {
  pyodide: PyodideAPI;
  loadPyodide: LoadPyodide;
  settings: Record<string, unknown>;
  wheel: Promise<Uint8Array>;
}

/** Epoch milliseconds: the page converts with its own `performance.timeOrigin`. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
