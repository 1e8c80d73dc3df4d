/**
 * How the worker fetches the runtime's big files.
 *
 * - Precompressed: the build writes xz, Zstandard or gzip siblings (`X.xz`, `X.zst`, `X.gz`,
 *   listed in the manifest's `precompressed`, see `wasmui/precompress.py`); they are fetched
 *   instead and inflated here (xz-decompress, in its own chunk `xzstream.ts`; fzstd; or
 *   `DecompressionStream` for gzip), so the bytes on the wire do not depend on whether the host
 *   compresses (a plain `python -m http.server` does not).
 * - Early: the page's inline boot script (`early.ts`) starts these downloads while the HTML is
 *   still parsing and hands each response body to the worker (`adopt`); anything else the
 *   worker starts itself (`prefetch`). Pyodide's own fetch of the same URL gets the response
 *   already under way.
 */
import { Decompress } from "fzstd";
import type { DecodeReply, DecodeRequest } from "./decodeworker";

type Fetch = typeof globalThis.fetch;
/** Encoding of a precompressed sibling: `X.xz`, `X.zst` or `X.gz`. */
export type Encoding = "xz" | "zst" | "gz";

/** A response body fetched by the page and transferred to the worker (see `early.ts`). */
export interface EarlyBody {
  url: string;
  /** The sibling's encoding the page fetched (null: the plain file). */
  encoding: Encoding | null;
  status: number;
  /** The response's Content-Encoding (a host that labels `.gz` files gzip had the browser inflate them). */
  contentEncoding: string | null;
  body: ReadableStream<Uint8Array> | null;
  error?: string;
}

/** The manifest's `precompressed`: a list (gzip siblings, older builds) or path -> encoding. */
export function encodingsOf(precompressed: string[] | Record<string, Encoding> | undefined, base: string): Map<string, Encoding> {
  const entries: [string, Encoding][] = Array.isArray(precompressed)
    ? precompressed.map((path) => [path, "gz"])
    : Object.entries(precompressed ?? {});
  return new Map(entries.map(([path, encoding]) => [new URL(path, base).href, encoding]));
}

export class CoreFetch {
  private readonly early = new Map<string, Promise<Response>>();
  /** Early responses announced by the page (`expect`) and not arrived yet. */
  private readonly pending = new Map<string, (early: EarlyBody) => void>();
  private encodings: ReadonlyMap<string, Encoding> = new Map();
  /** Called when a precompressed file is fully inflated (the boot's timing marks). */
  onInflated: (url: string) => void = () => undefined;
  /** URLs whose inflated bytes are also kept for the caller (`retain`). */
  private readonly retained = new Map<string, (bytes: Promise<Uint8Array>) => void>();
  /** Waiting for so many inflated bytes of a URL (`nearly`), settled as its body is read. */
  private readonly watchers = new Map<string, { bytes: number; settle: () => void }[]>();
  /** URLs answered from a copy (`provide`): the page's early download of them is dropped. */
  private readonly provided = new Set<string>();
  /** Rejects with the first sibling that does not inflate (damaged or truncated): Pyodide only logs
   * a wasm that fails to compile and waits forever, so the boot races this for a readable error. */
  readonly failure: Promise<never>;
  private fail: (error: Error) => void = () => undefined;

  /** xz siblings the worker fetches itself are downloaded by the decoder's worker (`inner` is the network's fetch). */
  xzOffThread = false;

  constructor(private readonly inner: Fetch) {
    this.failure = new Promise<never>((_, reject) => { this.fail = reject; });
    this.failure.catch(() => undefined);  // raced by the boot; nobody else must see it unhandled
  }

  /** Which URLs have a precompressed sibling (from the site's manifest). The decoders start when a
   * download needs them (`warmDecoders`): a repeat visit restored from a snapshot needs none. */
  setEncodings(encodings: ReadonlyMap<string, Encoding>): void {
    this.encodings = encodings;
  }

  /** Starts the decoders the precompressed files will need (a boot that downloads them). */
  warmDecoders(): void {
    warmDecoders([...this.encodings.values()]);
  }

  /** Starts downloading `url` now; the next GET of it is answered with this response. */
  prefetch(url: string): void {
    if (this.early.has(url)) return;
    const response = this.get(url);
    response.catch(() => undefined);  // a failure surfaces when Pyodide asks for the file
    this.early.set(url, response);
  }

  /** The next precompressed response of `url` is also kept: its inflated bytes (for Cache Storage). */
  retain(url: string): Promise<Uint8Array> {
    const kept = new Promise<Uint8Array>((resolve) => this.retained.set(url, resolve));
    kept.catch(() => undefined);  // a failed download fails the boot, which then never reads this
    return kept;
  }

  /**
   * Settles once `bytes` inflated bytes of `url`'s precompressed response were read, or the
   * response ended or failed (so nothing waits forever): a download can start one round trip
   * before the one ahead of it ends, so the link does not idle in between.
   */
  nearly(url: string, bytes: number): Promise<void> {
    return new Promise((settle) => {
      const list = this.watchers.get(url) ?? [];
      list.push({ bytes, settle });
      this.watchers.set(url, list);
    });
  }

  private progress(url: string, read: number, ended: boolean): void {
    const list = this.watchers.get(url);
    if (!list) return;
    const left = list.filter((watcher) => {
      if (!ended && read < watcher.bytes) return true;
      watcher.settle();
      return false;
    });
    if (left.length > 0) this.watchers.set(url, left);
    else this.watchers.delete(url);
  }

  /** The next GET of `url` is answered with `response` (an inflated copy from Cache Storage). */
  provide(url: string, response: Response): void {
    this.provided.add(url);
    this.early.set(url, Promise.resolve(response));
  }

  private keep(response: Response, url: string): Response {
    const resolve = this.retained.get(url);
    if (!resolve || !response.body) return response;
    this.retained.delete(url);
    const [mine, theirs] = response.body.tee();
    resolve(new Response(theirs).arrayBuffer().then((buffer) => new Uint8Array(buffer)));
    return new Response(mine, { status: response.status, headers: response.headers });
  }

  /** The page is downloading `urls` (early.ts): a GET of one waits for its body instead of fetching again. */
  expect(urls: string[]): void {
    for (const url of urls) {
      if (this.early.has(url)) continue;
      const response = new Promise<Response>((resolve, reject) => {
        this.pending.set(url, (early) => {
          this.pending.delete(url);
          const ok = !early.error && early.status >= 200 && early.status < 300 && early.body !== null;
          if (ok) resolve(this.decoded(early.body!, early.url, early.encoding, early.contentEncoding));
          else reject(new Error(early.error ?? `HTTP ${early.status}`));
        });
      });
      response.catch(() => undefined);
      this.early.set(url, response);
    }
  }

  /** A response the page started (early.ts); a failed one is fetched again by the worker. */
  adopt(early: EarlyBody): void {
    if (this.provided.has(early.url)) {
      this.pending.delete(early.url);
      void early.body?.cancel().catch(() => undefined);
      return;
    }
    if (!this.pending.has(early.url)) this.expect([early.url]);
    this.pending.get(early.url)?.(early);
  }

  /** A `fetch` answering early and precompressed URLs; anything else goes to `inner`. */
  readonly fetch: Fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    if (method !== "GET") return this.inner(input, init);
    const early = this.early.get(url);
    if (early) {
      this.early.delete(url);  // a body is read once: later fetches go to the network
      return early.catch(() => this.get(url, init)).then((response) => this.keep(response, url));
    }
    return this.encodings.has(url) ? this.get(url, init).then((response) => this.keep(response, url)) : this.inner(input, init);
  };

  private async get(url: string, init?: RequestInit): Promise<Response> {
    const encoding = this.encodings.get(url);
    if (!encoding || (encoding === "gz" && typeof DecompressionStream === "undefined")) return this.inner(url, init);
    // An xz sibling is downloaded and inflated by the decoder's worker, so its bytes do not wait
    // for this thread (busy starting Python when the stdlib's second zip and the wheel arrive).
    const remote = encoding === "xz" && this.xzOffThread ? fetchXzOffThread(`${url}.xz`, url) : null;
    if (remote) {
      let answer: Awaited<typeof remote>;
      try {
        answer = await remote;
      } catch {
        return this.inner(url, init);
      }
      if (answer.status < 200 || answer.status > 299) return this.inner(url, init);
      return this.decoded(answer.stream, url, "xz", null, true);
    }
    let response: Response;
    try {
      response = await this.inner(`${url}.${encoding}`, init);
    } catch {
      return this.inner(url, init);
    }
    if (!response.ok || !response.body) return this.inner(url, init);
    return this.decoded(response.body, url, encoding, response.headers.get("content-encoding"));
  }

  /** `body` (the sibling's bytes as sent, or the plain file's when `encoding` is null) inflated into a response for `url`. */
  private decoded(body: ReadableStream<Uint8Array>, url: string, encoding: Encoding | null, contentEncoding: string | null,
    inflatedAlready = false): Response {
    const stream = guarded(inflatedAlready ? body as ReadableStream<Uint8Array<ArrayBuffer>> : inflated(body, url, encoding, contentEncoding), () => this.onInflated(url), (error) => {
      this.progress(url, 0, true);
      if (encoding === null) return error;  // the network's error: the reader says what it does
      const failure = new Error(`${url}.${encoding} could not be inflated (damaged or truncated?): ${(error as Error)?.message ?? error}`);
      this.fail(failure);
      return failure;
    }, (read, ended) => this.progress(url, read, ended));
    // WebAssembly.instantiateStreaming insists on this type.
    const type = url.endsWith(".wasm") ? "application/wasm" : url.endsWith(".mjs") ? "text/javascript" : "application/octet-stream";
    return new Response(stream, { status: 200, headers: { "content-type": type } });
  }
}

/** `stream` read through: `done` once it ended, `failed` maps an error before the reader gets it,
 * `read` counts the bytes so far. Skips empty chunks. */
function guarded(stream: ReadableStream<Uint8Array<ArrayBuffer>>, done: () => void, failed: (error: unknown) => unknown,
  read: (bytes: number, ended: boolean) => void = () => undefined): ReadableStream<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  let bytes = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      // A pull that enqueues nothing is not called again: read until a chunk or the end.
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
        try {
          next = await reader.read();
        } catch (error) {
          throw failed(error);
        }
        if (next.done) {
          read(bytes, true);
          done();
          return controller.close();
        }
        if (next.value.length > 0) {
          bytes += next.value.length;
          read(bytes, false);
          return controller.enqueue(next.value);
        }
      }
    },
    cancel: (reason) => reader.cancel(reason).catch(() => undefined),
  });
}

/** `body` (the sibling's bytes as sent) inflated. */
function inflated(body: ReadableStream<Uint8Array>, url: string, encoding: Encoding | null,
  contentEncoding: string | null): ReadableStream<Uint8Array<ArrayBuffer>> {
  let stream = body as ReadableStream<Uint8Array<ArrayBuffer>>;
  if (encoding === "gz" && !/\bgzip\b/i.test(contentEncoding ?? "")) {
    stream = stream.pipeThrough(new DecompressionStream("gzip"));
  } else if (encoding === "zst" && !/\bzstd\b/i.test(contentEncoding ?? "")) {
    stream = stream.pipeThrough(zstdStream());
  } else if (encoding === "xz") {
    // Always ours to decode: browsers know no xz Content-Encoding (a host that gzips the .xz on
    // the fly had the browser undo only its own gzip).
    stream = xzStream(stream, url);
  }
  return stream;
}

/** Zstandard decoding as a stream (fzstd: 8 kB of JS; browsers decode only gzip natively). */
export function zstdStream(): TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>> {
  let decoder: Decompress;
  return new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    start(controller) {
      decoder = new Decompress((chunk: Uint8Array) => {
        if (chunk.length > 0) controller.enqueue(chunk.slice());
      });
    },
    transform(chunk) {
      decoder.push(chunk);
    },
    flush() {
      decoder.push(new Uint8Array(0), true);
    },
  });
}

let xzDecoder: Promise<typeof import("./xzstream")> | null = null;

/** The xz decoder's chunk, imported once (by `warmDecoders` or the first xz sibling). */
function loadXz(): Promise<typeof import("./xzstream")> {
  return (xzDecoder ??= import("./xzstream"));
}

/** The xz decoder's worker (`decodeworker.ts`), started once; null where workers cannot start one (then xz inflates here). */
let decodeWorker: Worker | null | undefined;
/** Settles with the decode worker's failure to start (its script did not load): pending streams end with it. */
const workerFailures = new Set<(message: string) => void>();

function xzWorker(): Worker | null {
  if (decodeWorker !== undefined) return decodeWorker;
  try {
    decodeWorker = typeof Worker === "function" && typeof MessageChannel === "function"
      ? new Worker(new URL("./decodeworker.ts", import.meta.url), { type: "module", name: "wasmui-xz" }) : null;
  } catch {
    decodeWorker = null;
  }
  decodeWorker?.addEventListener("error", (event) => {
    for (const fail of workerFailures) fail(event.message || "its script did not load");
  });
  return decodeWorker;
}

/**
 * Starts the decoders `encodings` need (of the siblings being downloaded): the page starts those
 * downloads from the HTML, so the xz decoder's worker (or chunk) is loaded as soon as the worker
 * knows of them, not when their first bytes arrive. Never for nothing: a repeat visit restored
 * from a snapshot downloads no sibling, and starting the decoder's worker there cost CPU in the
 * middle of the restore (a thread, its script, the decoder's wasm).
 */
export function warmDecoders(encodings: unknown[]): void {
  if (!encodings.includes("xz")) return;
  if (!xzWorker()) loadXz().catch(() => undefined);  // a failure surfaces in xzStream
}

/** `body` (the .xz sibling of `url`) inflated: in the decoder's worker when there is one, else here. */
export function xzStream(body: ReadableStream<Uint8Array>, url: string): ReadableStream<Uint8Array<ArrayBuffer>> {
  const worker = xzWorker();
  return worker ? xzOffThread(worker, { body }, url).stream : xzHere(body, url);
}

/**
 * The xz file `sibling` downloaded and inflated by the decode worker (null: no such worker): its
 * HTTP status, then the inflated stream (empty unless the status is 2xx).
 */
export function fetchXzOffThread(sibling: string, url: string): Promise<{ status: number; stream: ReadableStream<Uint8Array<ArrayBuffer>> }> | null {
  const worker = xzWorker();
  if (!worker) return null;
  const { status, stream } = xzOffThread(worker, { url: sibling }, url);
  return status.then((code) => ({ status: code, stream }));
}

/** A body or a URL inflated by the decode worker; its replies arrive on a port of their own. */
function xzOffThread(worker: Worker, source: { body?: ReadableStream<Uint8Array>; url?: string }, url: string):
  { status: Promise<number>; stream: ReadableStream<Uint8Array<ArrayBuffer>> } {
  const channel = new MessageChannel();
  let settle: (status: number) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const status = new Promise<number>((resolve, fail) => { settle = resolve; reject = fail; });
  status.catch(() => undefined);
  if (source.body) settle(200);
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      const end = (error: Error | null): void => {
        workerFailures.delete(failed);
        channel.port1.close();
        reject(error ?? new Error("ended before its status"));
        if (error) controller.error(error);
        else controller.close();
      };
      const failed = (message: string): void => end(new Error(`the xz decoder's worker failed for ${url}: ${message}`));
      workerFailures.add(failed);
      channel.port1.onmessage = (event: MessageEvent<DecodeReply>) => {
        const reply = event.data;
        if ("chunk" in reply) controller.enqueue(reply.chunk as Uint8Array<ArrayBuffer>);
        else if ("status" in reply) {
          settle(reply.status);
          if (reply.status < 200 || reply.status > 299) end(null);
        } else end("done" in reply ? null : new Error(reply.error));
      };
      const transfer: Transferable[] = [channel.port2];
      if (source.body) transfer.push(source.body as unknown as Transferable);
      worker.postMessage({ ...source, port: channel.port2 } satisfies DecodeRequest, transfer);
    },
    cancel() {
      channel.port1.close();
    },
  });
  return { status, stream };
}

/** `body` (the .xz sibling of `url`) inflated on this thread, once the decoder's chunk is loaded. */
function xzHere(body: ReadableStream<Uint8Array>, url: string): ReadableStream<Uint8Array<ArrayBuffer>> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async start() {
      try {
        reader = (await loadXz()).xzReadable(body).getReader();
      } catch (error) {
        void body.cancel().catch(() => undefined);
        throw new Error(`the xz decoder could not be loaded for ${url}: ${(error as Error)?.message ?? error}`);
      }
    },
    async pull(controller) {
      const next = await reader!.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value as Uint8Array<ArrayBuffer>);
    },
    cancel: (reason) => reader?.cancel(reason).catch(() => undefined),
  });
}
