/**
 * A small client for Gradio's queue protocol (gradio-protocol.md §5–§7).
 *
 * One instance per mounted app = one `session_hash`. Jobs are joined with
 * `POST /queue/join`; a single SSE reader on `/queue/data` serves every job of
 * the session and routes messages by `event_id` (messages for ids we have not
 * registered yet are buffered: the reader can be faster than the join reply).
 * The server ends the reader with `close_stream` when the session is idle; we
 * reopen it whenever a job is still pending.
 *
 * Everything goes through the injected `fetch`, so the same code runs over a
 * MessagePort to the Pyodide worker, through a service worker or natively.
 * Uploads, component_server calls (calls.ts) and generator diffs (diff.ts) are
 * lazy chunks, loaded on first use.
 */

import type { FileData, ProgressEntry, RenderConfig } from "../types.js";
import { readSSE } from "./sse.js";
import type { Edit, applyDiff as ApplyDiff } from "./diff.js";

export type JobEvent =
  | { type: "estimation"; rank: number | null; queueSize: number | null; eta: number | null }
  | { type: "start"; eta: number | null }
  | { type: "progress"; progress: ProgressEntry[] }
  | { type: "log"; level: string; message: string; title: string | null; duration: number | null; visible: boolean }
  | { type: "data"; data: unknown[]; generating: boolean }
  | { type: "complete"; changedStateIds: number[]; renderConfig: RenderConfig | null }
  | ErrorEvent;

export type ErrorEvent = {
  type: "error";
  message: string | null;
  title: string | null;
  duration: number | null;
  visible: boolean;
  traceback: string | null;
  /** 422 from a `validator=`: one entry per dependency input (§6.4). */
  validation?: { is_valid: boolean; message: string }[] | null;
};

export type JobRequest = {
  fnIndex: number;
  data: unknown[];
  eventData: unknown;
  triggerId: number | null;
  queue: boolean;
};

export type Job = {
  cancel(): Promise<void>;
  readonly done: Promise<void>;
  /** Streaming inputs (`connection: "stream"`): the next chunk; false when the job has no event id yet (dropped). */
  sendChunk?(data: unknown[], eventData: unknown): boolean;
  /** Streaming inputs: the client stopped streaming (`/stream/{event_id}/close`). */
  closeStream?(): void;
};

type Msg = { msg: string; event_id?: string | null; [k: string]: unknown };
type Handler = (m: Msg) => boolean; // true = job finished

export type FetchFn = typeof fetch;

const MAX_EMPTY_READS = 5;

/** diff.ts, a lazy chunk: loaded by the SSE reader before the first diff message is routed. */
let applyDiff: typeof ApplyDiff | null = null;

function randomHash(): string {
  return Math.random().toString(36).slice(2, 13).padEnd(11, "0");
}

/** Normalises Gradio's error payload (§6.1) into an ErrorEvent. */
export function errorFromPayload(out: unknown, fallbackTitle?: unknown): ErrorEvent {
  const o = (typeof out === "object" && out !== null ? out : {}) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
  return {
    type: "error",
    message: str(o.error) ?? (typeof out === "string" ? out : null),
    title: str(o.title) ?? str(fallbackTitle),
    duration: typeof o.duration === "number" ? o.duration : null,
    visible: o.visible !== false,
    traceback: str(o.traceback),
  };
}

export function detailMessage(status: number, body: string): string {
  try {
    const j = JSON.parse(body) as { detail?: unknown };
    if (typeof j.detail === "string") return j.detail;
    if (Array.isArray(j.detail)) {
      // 422 validation from gr.validate (§6.4): keep only the failing messages.
      const msgs = j.detail
        .map((d) => (d && typeof d === "object" ? (d as Record<string, unknown>).message : null))
        .filter((m): m is string => typeof m === "string" && m !== "");
      if (msgs.length) return msgs.join("\n");
    }
  } catch {
    /* not JSON */
  }
  return `Request failed (${status}): ${body.slice(0, 200)}`;
}

/** The per-input list of a validator's 422 answer, or null for other 422s. */
function validationDetail(body: string): ErrorEvent["validation"] {
  try {
    const detail = (JSON.parse(body) as { detail?: unknown }).detail;
    if (!Array.isArray(detail) || !detail.every((d) => d && typeof d === "object" && "is_valid" in d)) return null;
    return detail.map((d: { is_valid?: unknown; message?: unknown }) => ({
      is_valid: d.is_valid !== false,
      message: typeof d.message === "string" ? d.message : "",
    }));
  } catch {
    return null;
  }
}

export class GradioClient {
  readonly sessionHash = randomHash();
  readonly api: string;
  private readonly _fetch: FetchFn;
  private readonly _handlers = new Map<string, Handler>();
  private readonly _buffered = new Map<string, Msg[]>();
  private _reading = false;
  private _closed = false;
  private readonly _abort = new AbortController();
  private readonly _maxFileSize: number | null;
  /** Uploads in flight: an event waits for them (its file inputs are set when they end). */
  private readonly _uploads = new Set<Promise<unknown>>();

  constructor(fetchFn: FetchFn, root: string, apiPrefix = "/gradio_api", maxFileSize: number | null = null) {
    this._fetch = fetchFn;
    this.api = root.replace(/\/+$/, "") + apiPrefix;
    this._maxFileSize = maxFileSize;
  }

  fileUrl(path: string): string {
    return `${this.api}/file=${path}`;
  }

  /** GET `path` under the API prefix (waits for the backend like every request). */
  get(path: string): Promise<Response> {
    return this._fetch(`${this.api}${path}`, { headers: { "x-gradio-user": "app" } });
  }

  close(): void {
    this._closed = true;
    this._abort.abort();
    this._handlers.clear();
    this._buffered.clear();
  }

  /** Starts a job; `onEvent` receives every status/data event of it. */
  submit(req: JobRequest, onEvent: (e: JobEvent) => void): Job {
    return req.queue ? this._submitQueued(req, onEvent) : this._submitDirect(req, onEvent);
  }

  private _body(req: JobRequest): string {
    return JSON.stringify({
      data: req.data,
      event_data: req.eventData ?? null,
      fn_index: req.fnIndex,
      trigger_id: req.triggerId,
      session_hash: this.sessionHash,
    });
  }

  private _post(path: string, body: string, signal?: AbortSignal, pageQuery = false): Promise<Response> {
    // As Gradio's client: an event carries the page URL's query (`gr.Request.query_params`).
    const query = pageQuery && typeof location !== "undefined" ? location.search : "";
    return this._fetch(`${this.api}${path}${query}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gradio-user": "app" },
      body,
      signal: signal ?? this._abort.signal,
    });
  }

  private _submitDirect(req: JobRequest, onEvent: (e: JobEvent) => void): Job {
    const ctrl = new AbortController();
    const done = (async () => {
      try {
        const res = await this._post("/run/predict", this._body(req), ctrl.signal, true);
        const text = await res.text();
        if (!res.ok) {
          let payload: unknown = text;
          try {
            payload = JSON.parse(text);
          } catch {
            /* plain text error */
          }
          const err = errorFromPayload(payload);
          if (!err.message && typeof payload === "object" && payload && "detail" in payload)
            err.message = detailMessage(res.status, text);
          onEvent(err);
          return;
        }
        const out = JSON.parse(text) as Record<string, unknown>;
        onEvent({ type: "data", data: (out.data as unknown[]) ?? [], generating: false });
        onEvent({
          type: "complete",
          changedStateIds: (out.changed_state_ids as number[]) ?? [],
          renderConfig: (out.render_config as RenderConfig | null) ?? null,
        });
      } catch (e) {
        if (ctrl.signal.aborted || this._closed) return;
        onEvent(errorFromPayload({ error: `Connection error: ${String(e)}` }));
      }
    })();
    return { done, cancel: async () => ctrl.abort() };
  }

  private _submitQueued(req: JobRequest, onEvent: (e: JobEvent) => void): Job {
    let eventId: string | null = null;
    let cancelled = false;
    let streamClosed = false;
    let finish!: () => void;
    const done = new Promise<void>((r) => (finish = r));
    let last: unknown[] | null = null; // last full values, for diffs

    const handler: Handler = (m) => {
      switch (m.msg) {
        case "estimation":
          onEvent({
            type: "estimation",
            rank: (m.rank as number | null) ?? null,
            queueSize: (m.queue_size as number | null) ?? null,
            eta: (m.rank_eta as number | null) ?? null,
          });
          return false;
        case "process_starts":
          onEvent({ type: "start", eta: (m.eta as number | null) ?? null });
          return false;
        case "progress":
          onEvent({ type: "progress", progress: (m.progress_data as ProgressEntry[]) ?? [] });
          return false;
        case "log":
          onEvent({
            type: "log",
            level: String(m.level ?? "info"),
            message: String(m.log ?? ""),
            title: (m.title as string | null) ?? null,
            duration: m.duration === undefined ? 10 : (m.duration as number | null),
            visible: m.visible !== false,
          });
          return false;
        case "process_generating":
        case "process_streaming": {
          const out = (m.output ?? {}) as Record<string, unknown>;
          const data = (out.data as unknown[]) ?? [];
          if (m.success === false) return false;
          if (last === null || m.msg === "process_streaming") last = data;
          else last = data.map((edits, i) => applyDiff!(last![i] ?? null, edits as Edit[]));
          onEvent({ type: "data", data: last, generating: true });
          return false;
        }
        case "process_completed": {
          const out = (m.output ?? {}) as Record<string, unknown>;
          if (m.success === false) onEvent(errorFromPayload(out, m.title));
          else {
            // A cancelled job completes with an empty output: keep what is shown.
            if (Array.isArray(out.data)) onEvent({ type: "data", data: out.data, generating: false });
            onEvent({
          type: "complete",
          changedStateIds: (out.changed_state_ids as number[]) ?? [],
          renderConfig: (out.render_config as RenderConfig | null) ?? null,
        });
          }
          finish();
          return true;
        }
        case "unexpected_error":
          onEvent(errorFromPayload({ error: m.message ?? "Unexpected error" }));
          finish();
          return true;
        default:
          return false;
      }
    };

    void (async () => {
      try {
        const res = await this._post("/queue/join", this._body(req), undefined, true);
        const text = await res.text();
        if (!res.ok) {
          const err = errorFromPayload({ error: detailMessage(res.status, text) });
          if (res.status === 422) err.validation = validationDetail(text);
          onEvent(err);
          finish();
          return;
        }
        eventId = (JSON.parse(text) as { event_id: string }).event_id;
        this._register(eventId, handler, finish);
        if (cancelled) void this._cancel(req.fnIndex, eventId);
        if (streamClosed) void this._streamPost(eventId, "/close", "{}");
      } catch (e) {
        if (!this._closed) onEvent(errorFromPayload({ error: `Connection error: ${String(e)}` }));
        finish();
      }
    })();

    return {
      done,
      cancel: async () => {
        cancelled = true;
        if (eventId) await this._cancel(req.fnIndex, eventId);
      },
      sendChunk: (data, eventData) => {
        if (!eventId || streamClosed) return false;
        const body = { data, event_data: eventData ?? null, fn_index: req.fnIndex, session_hash: this.sessionHash };
        void this._streamPost(eventId, "", JSON.stringify(body));
        return true;
      },
      closeStream: () => {
        if (streamClosed) return;
        streamClosed = true;
        if (eventId) void this._streamPost(eventId, "/close", "{}");
      },
    };
  }

  /** POST `/stream/{event_id}` (a chunk) or `…/close`; a job that already ended answers 404, which is fine. */
  private async _streamPost(eventId: string, tail: string, body: string): Promise<void> {
    try {
      await this._post(`/stream/${eventId}${tail}`, body);
    } catch {
      /* the job ends on its own */
    }
  }

  private async _cancel(fnIndex: number, eventId: string): Promise<void> {
    try {
      await this._post(
        "/cancel",
        JSON.stringify({ session_hash: this.sessionHash, fn_index: fnIndex, event_id: eventId }),
      );
    } catch {
      /* the job ends on its own; nothing to report */
    }
  }

  private _register(eventId: string, handler: Handler, finish: () => void): void {
    const wrapped: Handler = (m) => {
      const ended = handler(m);
      if (ended) finish();
      return ended;
    };
    const pending = this._buffered.get(eventId);
    this._buffered.delete(eventId);
    for (const m of pending ?? []) if (wrapped(m)) return;
    this._handlers.set(eventId, wrapped);
    this._ensureReader();
  }

  private _route(m: Msg): void {
    const id = m.event_id;
    if (!id) {
      // Session-wide messages (e.g. unexpected_error) concern every job.
      if (m.msg === "unexpected_error") {
        for (const [k, h] of this._handlers) if (h(m)) this._handlers.delete(k);
      }
      return;
    }
    const h = this._handlers.get(id);
    if (!h) {
      const list = this._buffered.get(id) ?? [];
      list.push(m);
      this._buffered.set(id, list);
      return;
    }
    if (h(m)) this._handlers.delete(id);
  }

  private _ensureReader(): void {
    if (this._reading || this._closed) return;
    this._reading = true;
    void this._readLoop(0);
  }

  private async _readLoop(emptyReads: number): Promise<void> {
    let received = 0;
    try {
      const res = await this._fetch(`${this.api}/queue/data?session_hash=${this.sessionHash}`, {
        headers: { accept: "text/event-stream" },
        signal: this._abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`queue/data answered ${res.status}`);
      for await (const text of readSSE(res.body)) {
        const m = JSON.parse(text) as Msg;
        if (m.msg === "close_stream") break;
        if (m.msg === "heartbeat") continue;
        // Only job messages count as progress: a server that keeps closing
        // the stream without delivering anything must not make us spin.
        received++;
        // Diffs (§6.3) need diff.ts, awaited here so messages keep their order.
        if (m.msg === "process_generating" && !applyDiff) applyDiff = (await import("./diff.js")).applyDiff;
        this._route(m);
      }
    } catch (e) {
      if (this._closed) return;
      this._failAll(`Connection to the app was lost (${String(e)})`);
    }
    this._reading = false;
    if (this._closed || this._handlers.size === 0) return;
    // Jobs still pending: reopen (their messages are buffered server-side).
    const empty = received === 0 ? emptyReads + 1 : 0;
    if (empty >= MAX_EMPTY_READS) {
      this._failAll("The app stopped answering.");
      return;
    }
    if (empty) await new Promise((r) => setTimeout(r, 200 * empty));
    if (!this._reading && !this._closed && this._handlers.size) {
      this._reading = true;
      void this._readLoop(empty);
    }
  }

  private _failAll(message: string): void {
    const m: Msg = { msg: "unexpected_error", event_id: null, message };
    for (const h of this._handlers.values()) h(m);
    this._handlers.clear();
  }

  /** Keeps `/heartbeat/{session}` open so the server keeps State alive. */
  startHeartbeat(): void {
    const loop = async (): Promise<void> => {
      while (!this._closed) {
        try {
          const res = await this._fetch(`${this.api}/heartbeat/${this.sessionHash}`, {
            signal: this._abort.signal,
          });
          const reader = res.body?.getReader();
          if (reader) while (!(await reader.read()).done);
        } catch {
          /* retried below */
        }
        if (!this._closed) await new Promise((r) => setTimeout(r, 2000));
      }
    };
    void loop();
  }

  /** `POST /component_server`: a component's `@server` function (Dialogue's format / unformat, FileExplorer's ls). */
  async componentServer(componentId: number, fnName: string, data: unknown): Promise<unknown> {
    const body = JSON.stringify({ session_hash: this.sessionHash, component_id: componentId, fn_name: fnName, data });
    return (await import("./calls.js")).componentServer(this._post("/component_server/", body, this._abort.signal));
  }

  /** `POST /upload` (multipart, one part `files` per file), §7.2. */
  upload(files: File[]): Promise<FileData[]> {
    const job = import("./calls.js").then((calls) =>
      calls.upload(files, { fetch: this._fetch, api: this.api, maxFileSize: this._maxFileSize, signal: this._abort.signal }));
    // Tracked from the call on (the click may come before the chunk loads); dropped before the
    // caller's own continuation runs, so the value it sets is there when waiting events resume.
    this._uploads.add(job);
    const forget = (): void => void this._uploads.delete(job);
    job.then(forget, forget);
    return job;
  }

  /** True while an upload is in flight. */
  get uploading(): boolean {
    return this._uploads.size > 0;
  }

  /**
   * Settles once no upload is in flight, and the components that started them have set their
   * values (one macrotask later): a click made while a file is still uploading sends it, not null.
   */
  async uploadsSettled(): Promise<void> {
    while (this._uploads.size > 0) {
      await Promise.allSettled([...this._uploads]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
