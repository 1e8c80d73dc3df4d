/**
 * How the worker fetches the runtime's big files.
 *
 * - Precompressed: the build writes gzip siblings (`X.gz`, listed in the manifest's
 *   `precompressed`, see `wasmui/precompress.py`); they are fetched instead and inflated
 *   here (`DecompressionStream`), so the bytes on the wire do not depend on whether the
 *   host compresses (a plain `python -m http.server` does not).
 * - Early: the interpreter and the stdlib start downloading as soon as the manifest is
 *   known, not after Pyodide's two JS modules have loaded; Pyodide's own fetch of the
 *   same URL gets the response already under way.
 */

type Fetch = typeof globalThis.fetch;

export class CoreFetch {
  private readonly early = new Map<string, Promise<Response>>();

  constructor(private readonly inner: Fetch, private readonly gzipped: ReadonlySet<string>) {}

  /** Starts downloading `url` now; the next GET of it is answered with this response. */
  prefetch(url: string): void {
    if (this.early.has(url)) return;
    const response = this.get(url);
    response.catch(() => undefined);  // a failure surfaces when Pyodide asks for the file
    this.early.set(url, response);
  }

  /** A `fetch` answering prefetched and precompressed URLs; anything else goes to `inner`. */
  readonly fetch: Fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    if (method !== "GET") return this.inner(input, init);
    const early = this.early.get(url);
    if (early) {
      this.early.delete(url);  // a body is read once: later fetches go to the network
      return early.catch(() => this.inner(input, init));
    }
    return this.gzipped.has(url) ? this.get(url, init) : this.inner(input, init);
  };

  private async get(url: string, init?: RequestInit): Promise<Response> {
    if (!this.gzipped.has(url) || typeof DecompressionStream === "undefined") return this.inner(url, init);
    let response: Response;
    try {
      response = await this.inner(`${url}.gz`, init);
    } catch {
      return this.inner(url, init);
    }
    if (!response.ok || !response.body) return this.inner(url, init);
    // A host that labels .gz files `Content-Encoding: gzip` had the browser inflate them already.
    const inflated = /\bgzip\b/i.test(response.headers.get("content-encoding") ?? "");
    const body = inflated ? response.body : response.body.pipeThrough(new DecompressionStream("gzip"));
    // WebAssembly.instantiateStreaming insists on this type.
    const type = url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
    return new Response(body, { status: 200, headers: { "content-type": type } });
  }
}
