/**
 * The event engine: turns UI events into dependency runs.
 *
 * For each trigger `[component id, event name]` it finds the dependencies,
 * applies `cancels` and `trigger_mode`, gathers input values, runs the
 * author's `js` first, calls the backend through the protocol client, shows
 * loading status on the outputs, applies outputs (plain values and
 * `__type__:"update"` objects) and then starts the `.then/.success/.failure`
 * followers. All chaining is client-side, as in Gradio's frontend.
 */

import { batch } from "@preact/signals";
import type { ErrorEvent, GradioClient, JobEvent, Job } from "../client/client.js";
import type { DependencyConfig, GradioConfig, LoadingStatus, RenderConfig } from "../types.js";
import { isUpdate } from "../types.js";
import type { Store, ValueSource } from "./store.js";
import type * as JsModule from "./js.js";
import type { Toasts } from "../ui/toasts.js";

/** js.ts (runs the app's `js=` code), a lazy chunk; loaded before the first paint of apps with js. */
let jsModule: typeof JsModule | null = null;

/** Loads js.ts once; later runs use it without waiting. */
export async function loadJs(): Promise<typeof JsModule> {
  jsModule ??= await import("./js.js");
  return jsModule;
}

type Follower = { dep: DependencyConfig; on: "success" | "failure" | "all" };
/** `values`: input payloads sent instead of the stored ones (streamed frames never become the value). */
type Pending = { targetId: number | null; eventData: unknown; values?: Map<number, unknown> };

export class Engine {
  private readonly _deps = new Map<number, DependencyConfig>();
  private readonly _byEvent = new Map<string, DependencyConfig[]>();
  private readonly _followers = new Map<number, Follower[]>();
  /** Runs in progress per dependency ("multiple" allows several), with their jobs. */
  private readonly _running = new Map<number, { count: number; jobs: Set<Job> }>();
  /** Streaming-input dependencies (`connection: "stream"`) with an open stream: later triggers are chunks of it. */
  private readonly _streams = new Map<number, Job>();
  /** always_last: the latest trigger that arrived while running. */
  private readonly _deferred = new Map<number, Pending>();
  /** Running events' "apply the streamed value held for the next frame": any output applied
   * first applies those, so values land in the order they arrived, across events too. */
  private readonly _held = new Set<() => void>();
  private _closed = false;
  private readonly _store: Store;
  private readonly _client: GradioClient;
  private readonly _toasts: Toasts;
  /** Set by the shell: brings a block into view (`scroll_to_output`). */
  scrollTo: (id: number) => void = () => {};
  /** How many event runs have ended (either way): tools and tests wait on it, since an event
   * with no outputs shows nothing on the page. */
  eventsDone = 0;
  /** How many of those failed (an error, a cancellation, a js= function that threw). */
  eventsFailed = 0;
  /** Set by the shell: called as each event run ends. */
  onEventDone: (depId: number, ok: boolean) => void = () => {};
  /** Set by the shell: the `document` the app's `js=` functions see (its shadow root first). */
  jsDocument: Document | undefined = globalThis.document;

  constructor(config: GradioConfig, store: Store, client: GradioClient, toasts: Toasts) {
    this._store = store;
    this._client = client;
    this._toasts = toasts;
    this._addDeps(config.dependencies);
    store.setChangeListener((id, source) => this._valueChanged(id, source));
  }

  private _addDeps(deps: DependencyConfig[]): void {
    for (const dep of deps) {
      this._deps.set(dep.id, dep);
      for (const [target, event] of dep.targets) {
        if (target === null) continue; // "then" / "unload" pseudo-targets
        const key = `${event}-${target}`;
        const list = this._byEvent.get(key) ?? [];
        list.push(dep);
        this._byEvent.set(key, list);
      }
      if (dep.trigger_after != null) {
        const on = dep.trigger_only_on_success ? "success" : dep.trigger_only_on_failure ? "failure" : "all";
        const list = this._followers.get(dep.trigger_after) ?? [];
        list.push({ dep, on });
        this._followers.set(dep.trigger_after, list);
      }
    }
  }

  /**
   * Mounts a `@gr.render` result: the dependencies of its previous run go
   * (a keyed listener comes back under the same id), the new ones are wired,
   * and the store lays the new blocks out in the render's container. New
   * renders inside it start with their own `load` trigger, as at page load.
   */
  applyRender(rc: RenderConfig): void {
    const stale = (d: DependencyConfig): boolean => d.rendered_in === rc.render_id || rc.dependencies.some((n) => n.id === d.id);
    for (const [id, dep] of this._deps) if (stale(dep)) this._deps.delete(id);
    for (const [key, list] of this._byEvent) {
      const keep = list.filter((d) => !stale(d));
      if (keep.length) this._byEvent.set(key, keep);
      else this._byEvent.delete(key);
    }
    for (const [key, list] of this._followers) {
      const keep = list.filter((f) => !stale(f.dep));
      if (keep.length) this._followers.set(key, keep);
      else this._followers.delete(key);
    }
    this._store.mountRender(rc.render_id, rc.layout, rc.components, rc.dependencies);
    this._addDeps(rc.dependencies);
    // A nested @gr.render has its page-load trigger; its page is this render.
    for (const dep of rc.dependencies) {
      if (dep.render_id != null && dep.targets.some(([, ev]) => ev === "load")) {
        void this._dispatch(dep, { targetId: null, eventData: null });
      }
    }
  }

  close(): void {
    this._closed = true;
    for (const run of this._running.values()) for (const job of run.jobs) void job.cancel();
    this._running.clear();
  }

  /** True when some dependency listens to `event` on `id` (views use it to skip work). */
  listens(id: number, event: string): boolean {
    return this._byEvent.has(`${event}-${id}`);
  }

  /** Fires the page-load dependencies of the root block; `only` limits them to one page's ids. */
  triggerLoad(rootId: number, only: ReadonlySet<number> | null): void {
    for (const dep of this._byEvent.get(`load-${rootId}`) ?? []) {
      if (only === null || only.has(dep.id)) void this._dispatch(dep, { targetId: rootId, eventData: null });
    }
  }

  /** Fires an event from a component (or the root block for "load"). */
  trigger(targetId: number, event: string, eventData: unknown = null, values?: Map<number, unknown>): void {
    for (const dep of this._byEvent.get(`${event}-${targetId}`) ?? []) {
      void this._dispatch(dep, { targetId, eventData, values });
    }
  }

  /** The dependencies `event` on `id` runs (views read streaming settings such as `stream_every`). */
  dependencies(id: number, event: string): readonly DependencyConfig[] {
    return this._byEvent.get(`${event}-${id}`) ?? [];
  }

  /** Whether a run of any dependency of `event` on `id` is in progress. */
  busy(id: number, event: string): boolean {
    return this.dependencies(id, event).some((d) => (this._running.get(d.id)?.count ?? 0) > 0);
  }

  private _valueChanged(id: number, source: ValueSource): void {
    if (source === "user") this.trigger(id, "input");
    this.trigger(id, "change");
  }

  /** The user stopped streaming `id` (webcam or microphone): close its open streams. */
  closeStream(id: number): void {
    for (const dep of this.dependencies(id, "stream")) {
      this._streams.get(dep.id)?.closeStream?.();
      this._streams.delete(dep.id);
    }
  }

  private async _dispatch(dep: DependencyConfig, p: Pending): Promise<void> {
    if (this._closed) return;
    const open = dep.connection === "stream" ? this._streams.get(dep.id) : undefined;
    if (open) {
      // A chunk of the open stream; dropped while the stream waits for its event id (as in Gradio).
      open.sendChunk?.(this._inputs(dep, p.values), p.eventData);
      return;
    }
    for (const c of dep.cancels ?? []) void this._cancel(c);
    if (this._running.has(dep.id)) {
      const mode = dep.trigger_mode ?? "once";
      if (mode === "once") return;
      if (mode === "always_last") {
        this._deferred.set(dep.id, p);
        return;
      }
    }
    const run = this._running.get(dep.id) ?? { count: 0, jobs: new Set<Job>() };
    run.count++;
    this._running.set(dep.id, run);
    let ok = false;
    let rejected = false;
    try {
      const outcome = await this._run(dep, p, run.jobs);
      ok = outcome === true;
      rejected = outcome === "rejected";
    } finally {
      if (--run.count === 0) this._running.delete(dep.id);
      this.eventsDone++;
      if (!ok) this.eventsFailed++;
      this.onEventDone(dep.id, ok);
    }
    if (ok && dep.scroll_to_output && dep.outputs.length) this.scrollTo(dep.outputs[0]!);
    // A validator's rejection ends the chain: Gradio runs neither .then() nor .failure() listeners.
    if (rejected) return;
    // Followers keep the original trigger id but get no event data (as in Gradio).
    const followerPending: Pending = { targetId: p.targetId, eventData: null };
    for (const f of this._followers.get(dep.id) ?? []) {
      if (f.on === "all" || (f.on === "success") === ok) void this._dispatch(f.dep, followerPending);
    }
    const next = this._deferred.get(dep.id);
    if (next) {
      this._deferred.delete(dep.id);
      void this._dispatch(dep, next);
    }
  }

  private async _cancel(depId: number): Promise<void> {
    this._deferred.delete(depId);
    const run = this._running.get(depId);
    if (run) await Promise.all([...run.jobs].map((job) => job.cancel()));
  }

  private _inputs(dep: DependencyConfig, values?: Map<number, unknown>): unknown[] {
    const withProps = dep.component_prop_inputs ?? [];
    return dep.inputs.map((id, i) => {
      if (values?.has(id)) return values.get(id);
      const st = this._store.get(id);
      // State values live on the server; it substitutes them for null (§2.3).
      if (!st || st.rules.serverValue) return null;
      // `def f(a: gr.Audio)`: Python reads every prop (a.playback_position), as in Gradio.
      if (withProps.includes(i)) return { ...st.props.peek(), value: st.value ?? null };
      return st.value ?? null;
    });
  }

  /** Puts validator messages under their inputs; false when there are none. */
  private _showValidation(dep: DependencyConfig, e: ErrorEvent): boolean {
    const shown = (e.validation ?? []).filter((v, i) => {
      const st = this._store.get(dep.inputs[i]!);
      if (!st || v.is_valid) return false;
      st.validation.value = v.message || "Invalid value";
      return true;
    });
    return shown.length > 0;
  }

  /** Runs one dependency; resolves to whether it succeeded ("rejected": its validator refused the inputs). */
  private async _run(dep: DependencyConfig, p: Pending, jobs: Set<Job>): Promise<boolean | "rejected"> {
    for (const id of dep.inputs) {
      const st = this._store.get(id);
      if (st) st.validation.value = null;
    }
    // A new run (js= or Python) replaces the "Error" mark a previous failure left on these outputs.
    for (const id of dep.outputs) {
      const st = this._store.get(id);
      if (st?.status.peek()?.stage === "error") {
        st.status.value = null;
        st.statusOwner = null;
      }
    }
    // A file input still uploading would be sent as null: the run waits for it (Gradio's server
    // answers an upload at once; the worker may take seconds under load).
    if (dep.inputs.length > 0 && this._client.uploading) await this._client.uploadsSettled();
    if (this._closed) return false;
    let data = this._inputs(dep, p.values);
    if (typeof dep.js === "string" && dep.js) {
      try {
        const { compileDepJs } = jsModule ?? (await loadJs());
        data = await compileDepJs(dep)(data, this.jsDocument);
      } catch (e) {
        // As in Gradio: the error goes to the console and marks the outputs "Error" (no toast).
        console.error("Error in js function:", e);
        this._markError(dep);
        return false;
      }
      if (!dep.backend_fn) {
        this._applyOutputs(dep.outputs, data);
        return true;
      }
    }
    if (!dep.backend_fn) return true;
    // Answers the build computed (cached examples): shown at once, even before Python is ready.
    const known = staticAnswer(dep, data);
    if (known) {
      this._applyOutputs(dep.outputs, known);
      return true;
    }

    const progressIds = dep.show_progress === "hidden" ? [] : (dep.show_progress_on ?? dep.outputs);
    const started = performance.now();
    const setStatus = (patch: Partial<LoadingStatus> | null): void => {
      batch(() => {
        for (const id of progressIds) {
          const st = this._store.get(id);
          if (!st || st.rules.serverValue) continue;
          if (patch === null) {
            if (st.statusOwner === dep.id) {
              st.status.value = null;
              st.statusOwner = null;
            }
            continue;
          }
          const base: LoadingStatus = st.statusOwner === dep.id && st.status.peek()
            ? st.status.peek()!
            : { stage: "pending", show: dep.show_progress, queuePosition: null, queueSize: null, eta: null, started, progress: null };
          st.statusOwner = dep.id;
          st.status.value = { ...base, ...patch };
        }
      });
    };
    setStatus({ stage: "pending" });

    let ok = false;
    let failed = false;
    let rejected = false;
    // Streamed values: the first of a frame is applied at once (the first token shows without
    // delay), later ones of the same frame wait for the next and only the latest is applied.
    // A fast generator (or a backlog after a slow render) then costs one render per frame,
    // not one per message; every value still reaches the client's diff state.
    let busy = false;
    let held: unknown[] | null = null;
    const flushHeld = (): void => {
      const v = held;
      held = null;
      if (v) this._applyOutputs(dep.outputs, v);
    };
    this._held.add(flushHeld);
    const stream = (v: unknown[]): void => {
      if (busy) return void (held = v);
      busy = true;
      this._applyOutputs(dep.outputs, v);
      // After the next frame (or 100 ms: a hidden tab gets no frames), the latest held value.
      let done = false;
      const next = (): void => {
        if (done) return;
        done = true;
        busy = false;
        const h = held;
        held = null;
        if (h) stream(h);
      };
      setTimeout(next, 100);
      globalThis.requestAnimationFrame?.(next);
    };
    const onEvent = (e: JobEvent): void => {
      if (this._closed) return;
      if (e.type !== "data" || !e.generating) flushHeld(); // nothing overtakes a streamed value
      switch (e.type) {
        case "estimation":
          setStatus({ queuePosition: e.rank, queueSize: e.queueSize, eta: e.eta });
          break;
        case "start":
          setStatus({ queuePosition: null, eta: e.eta, started: performance.now() });
          break;
        case "progress":
          setStatus({ progress: e.progress });
          break;
        case "log":
          if (e.visible) {
            this._toasts.push({ level: e.level, title: e.title, message: e.message, duration: e.duration });
          }
          break;
        case "data":
          if (!e.generating) {
            this._applyOutputs(dep.outputs, e.data);
            break;
          }
          setStatus({ stage: "generating" });
          stream(e.data);
          break;
        case "complete":
          ok = true;
          setStatus(null);
          if (e.renderConfig) this.applyRender(e.renderConfig);
          for (const sid of e.changedStateIds) this.trigger(sid, "change");
          break;
        case "error":
          failed = true;
          // Messages under the inputs, and no "Error" mark on the outputs (Gradio clears their status).
          if (this._showValidation(dep, e)) {
            rejected = true;
            setStatus(null);
            break;
          }
          setStatus({ stage: "error", show: "minimal", progress: null, queuePosition: null });
          if (e.visible) {
            this._toasts.push({
              level: "error",
              title: e.title ?? "Error",
              message: e.message ?? "An error occurred while running this event (details are hidden: launch the app with show_error=True to see them).",
              duration: e.duration,
              traceback: e.traceback,
            });
          }
          break;
      }
    };
    const job = this._client.submit(
      { fnIndex: dep.id, data, eventData: p.eventData, triggerId: p.targetId, queue: dep.queue !== false },
      onEvent,
    );
    jobs.add(job);
    if (dep.connection === "stream") this._streams.set(dep.id, job);
    try {
      await job.done;
    } finally {
      jobs.delete(job);
      if (this._streams.get(dep.id) === job) this._streams.delete(dep.id);
      this._held.delete(flushHeld);
    }
    flushHeld(); // (a cancelled stream ends without a "complete")
    if (!failed) setStatus(null);
    return rejected ? "rejected" : ok;
  }

  /** An "Error" status on the event's outputs (a `js=` function that threw). */
  private _markError(dep: DependencyConfig): void {
    if (dep.show_progress === "hidden") return;
    const started = performance.now();
    batch(() => {
      for (const id of dep.show_progress_on ?? dep.outputs) {
        const st = this._store.get(id);
        if (!st || st.rules.serverValue) continue;
        st.statusOwner = dep.id;
        st.status.value = { stage: "error", show: "minimal", queuePosition: null, queueSize: null, eta: null, started, progress: null };
      }
    });
  }

  /** Applies one value per output; change events fire after all are set. */
  private _applyOutputs(outputs: number[], data: unknown[]): void {
    // Another event's streamed value that arrived earlier but waits for a frame goes first
    // (as in Gradio, where each message applies as it comes: a later answer is not overwritten).
    for (const flush of this._held) flush();
    this._store.transaction(() => {
      outputs.forEach((id, i) => {
        if (i >= data.length) return;
        const v = data[i];
        const st = this._store.get(id);
        if (!st) return;
        if (isUpdate(v)) this._store.applyUpdate(id, v);
        else if (!st.rules.serverValue) this._store.setValue(id, v, "output");
      });
    });
  }
}

/** The build-time answer of `dep` for these input payloads (`wasmui_static`, keyed by their JSON). */
function staticAnswer(dep: DependencyConfig, data: unknown[]): unknown[] | undefined {
  const table = dep.wasmui_static;
  if (!table || typeof table !== "object") return undefined;
  const hit = (table as Record<string, unknown>)[JSON.stringify(data)];
  return Array.isArray(hit) ? hit : undefined;
}
