/**
 * Making the memory snapshot a first visit stores for the next one: after ready, in a quiet
 * moment, a second throwaway interpreter is started from the same core files, `wasmui` (and,
 * when it can be, the app module) is run in it, and its memory is stored with the core files.
 * Restoring it is `restore.ts`; the stored entry is `snapshot.ts`.
 */
import type { PyodideAPI } from "pyodide";
import { type AppFiles, installLazyImports, unpackWheel, writeAppFiles } from "./bootfiles";
import type { CoreFetch } from "./precompressed";
import type { WorkerControlOut } from "./protocol";
import { PYODIDE_JS, WHEEL, coreResponse } from "./restore";
import type { SnapshotStore } from "./snapshot";

/** Pyodide's `loadPyodide`, imported from the distribution's `pyodide.mjs`. */
export type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideAPI>;

/** The app a snapshot interpreter runs (`snapshotOf`): its key (`appKey`), folder, entry and files. */
export interface SnapshotApp { key: string; dir: string; entry: string; files: AppFiles }

/** What making a snapshot after ready needs (a first visit on a core that supports them). */
export interface SnapshotJob {
  store: SnapshotStore;
  loadPyodide: LoadPyodide;
  settings: Record<string, unknown>;
  wheel: Uint8Array;
  sitePackages: string;
  lazyURL: string | null;
  core: Map<string, Promise<Uint8Array>>;
  /** The app to run in the snapshot interpreter (null: none may be). */
  app: SnapshotApp | null;
  indexURL: string;
}

/** How long the ports must be quiet before the snapshot interpreter is made. */
const QUIET_MS = 1500;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds requests back while the snapshot interpreter is made: requests that arrived meanwhile got
 * lost (an upload right after ready never finished), so it is made in a quiet moment and requests
 * wait for it (about a second, once per build and browser).
 */
export class QuietGate {
  private gate: Promise<unknown> = Promise.resolve();
  /** When the last message arrived on a port. */
  private lastMessageAt = 0;

  /** Settles when no snapshot interpreter is being made (requests wait on it). */
  get open(): Promise<unknown> {
    return this.gate;
  }

  /** A message arrived (or ready was sent): the quiet moment starts again from now. */
  touch(): void {
    this.lastMessageAt = performance.now();
  }

  /** Waits for `QUIET_MS` without messages, then closes the gate; returns what opens it again. */
  async close(): Promise<() => void> {
    while (performance.now() - this.lastMessageAt < QUIET_MS) await sleep(QUIET_MS);
    let open = (): void => undefined;
    this.gate = new Promise<void>((resolve) => { open = resolve; });
    return open;
  }
}

/**
 * Makes and stores the snapshot `job` describes (after ready: it must not delay the app). It is
 * made in a second, throwaway interpreter: one that ran in snapshot-making mode and then served
 * the app lost uploads of some files, so the serving interpreter never runs in that mode.
 * Never throws: a failure is said on stderr through `emit`.
 */
export async function saveSnapshot(job: SnapshotJob, gate: QuietGate, coreFetch: CoreFetch,
  emit: (message: WorkerControlOut) => void): Promise<void> {
  const open = await gate.close();
  try {
    // The inflated wasm and stdlib the first interpreter read (kept by CoreFetch): the second one
    // starts from them, and they are stored for the next visit's restore.
    const core = new Map<string, Uint8Array>();
    for (const [url, bytes] of job.core) {
      const kept = await Promise.race([bytes, sleep(1000).then(() => null)]);
      if (!kept) continue;
      core.set(url.slice(url.lastIndexOf("/") + 1), kept);
      coreFetch.provide(url, coreResponse(url, kept));
    }
    // The wheel too (inflated): a repeat visit unpacks it without asking the network; and Pyodide's JS.
    core.set(WHEEL, job.wheel);
    const pyodideJs = await fetch(`${job.indexURL}${PYODIDE_JS}`).then((response) => response.ok ? response.arrayBuffer() : null, () => null);
    if (pyodideJs) core.set(PYODIDE_JS, new Uint8Array(pyodideJs));
    // With the app module run in it (a restore then serves at once) unless that fails: the app
    // raised, wrote too many files, or holds JS objects a snapshot cannot carry.
    let made: { bytes: Uint8Array; version: string } | null = null;
    if (job.app) {
      made = await snapshotOf(job, job.app).catch((error: unknown) => {
        const reason = String((error as Error)?.message ?? error).trim().split("\n").pop();
        emit({ type: "log", stream: "stderr", text: `wasmui: the memory snapshot holds the interpreter without the app (${reason})` });
        return null;
      });
    }
    const app = made ? job.app!.key : null;
    made ??= await snapshotOf(job, null);
    const size = await job.store.save(made.bytes, made.version, core, app);
    const detail = `${(size / 1e6).toFixed(1)} MB, ${app ? "the app run" : "without the app"}, with ${[...core.keys()].join(", ") || "no core files"}`;
    emit({ type: "snapshot", action: "saved", detail, app: app !== null });
  } catch (error) {
    emit({ type: "log", stream: "stderr", text: `wasmui: could not store the memory snapshot: ${(error as Error)?.message ?? error}` });
  } finally {
    open();
  }
}

/**
 * A memory snapshot of a new interpreter (the throwaway second one) after `import wasmui` and,
 * with `app`, after the app module ran in it (`wasmui._pyodide.preload`; it never serves).
 */
async function snapshotOf(job: SnapshotJob, app: SnapshotApp | null): Promise<{ bytes: Uint8Array; version: string }> {
  const quiet = { ...job.settings, stdout: () => undefined, stderr: () => undefined, fsInit: undefined };
  const pyodide = await job.loadPyodide({ ...quiet, _makeSnapshot: true });
  installLazyImports(pyodide, job.lazyURL);
  unpackWheel(pyodide, job.wheel, job.sitePackages);
  pyodide.runPython("import wasmui._pyodide\nwasmui._pyodide.prepare()");
  if (app) {
    writeAppFiles(pyodide, app.dir, app.files);
    const args = [app.dir, app.entry, app.key].map((value) => JSON.stringify(value)).join(", ");
    pyodide.runPython(`wasmui._pyodide.preload(${args})`);
  }
  return { bytes: (pyodide as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot(), version: pyodide.version };
}
