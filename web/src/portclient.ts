/**
 * HTTP over a MessagePort to an app's worker: the client half of the request
 * port protocol (see protocol.ts), shared by the page transport and the
 * service worker.
 *
 * Bodies stream both ways: the request body goes in chunks, the response is a
 * real ReadableStream fed chunk by chunk (SSE must not be buffered). The worker
 * acks each request at once, even while Python is still booting, so a dead port
 * (the worker's page is gone) is detected by a short ack timeout instead of a
 * request that hangs forever.
 */
import { type PortIn, type PortOut, type RequestStart, NULL_BODY_STATUS, isPortOut } from "./protocol";

const CHUNK = 256 * 1024;

/** Raised when the worker does not ack a request in time (stale or dead port). */
export class PortTimeout extends Error {
  constructor() {
    super("wasmui: the app's worker did not answer (port timeout)");
    this.name = "PortTimeout";
  }
}

interface Pending {
  ack: () => void;
  start: (status: number, headers: [string, string][]) => void;
  chunk: (chunk: Uint8Array, more: boolean) => void;
  fail: (error: Error) => void;
}

/**
 * The headers a browser puts on every request but never shows on a `Request` object
 * (`user-agent`, `accept-language`): apps read them from `gr.Request.headers` as on a server.
 */
export function addBrowserHeaders(headers: [string, string][]): void {
  const has = (name: string): boolean => headers.some(([key]) => key.toLowerCase() === name);
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  if (!nav) return;
  if (!has("user-agent") && nav.userAgent) headers.push(["user-agent", nav.userAgent]);
  const languages = nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
  if (!has("accept-language") && languages.length) {
    // The q-weighted list browsers send: "en-US,en;q=0.9,fr;q=0.8".
    const list = languages.map((lang, i) => (i === 0 ? lang : `${lang};q=${Math.max(0.1, 1 - i / 10).toFixed(1)}`));
    headers.push(["accept-language", list.join(",")]);
  }
}

export class PortClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /**
   * `stillAlive` is asked when an ack is late: a worker busy in a long synchronous
   * Python call acks late too, so only give up once the port's owner is gone.
   */
  constructor(
    private readonly port: MessagePort,
    private readonly ackTimeoutMs = 5000,
    private readonly stillAlive: () => Promise<boolean> = async () => false,
  ) {
    port.onmessage = (event: MessageEvent<unknown>) => this.dispatch(event.data);
    port.start();
  }

  /** Sends `request` to the worker; resolves when the response head arrives. */
  async request(request: Request): Promise<Response> {
    const id = this.nextId++;
    const method = request.method.toUpperCase();
    const body = method === "GET" || method === "HEAD" ? null : await request.arrayBuffer();
    const headers: [string, string][] = [];
    request.headers.forEach((value, key) => headers.push([key, value]));
    addBrowserHeaders(headers);
    const head: RequestStart = {
      type: "request", id, method, url: request.url, headers, hasBody: body !== null,
    };
    return new Promise<Response>((resolve, reject) => {
      let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
      let finished = false;
      let acked = false;
      const onLate = async () => {
        if (acked || finished) return;
        if (await this.stillAlive()) timer = setTimeout(onLate, this.ackTimeoutMs);
        else fail(new PortTimeout());
      };
      let timer = setTimeout(onLate, this.ackTimeoutMs);
      const done = () => {
        finished = true;
        this.pending.delete(id);
        request.signal?.removeEventListener("abort", onAbort);
      };
      const fail = (error: Error) => {
        clearTimeout(timer);
        if (finished) return;
        done();
        if (controller) controller.error(error);
        else reject(error);
      };
      const onAbort = () => {
        this.post({ type: "disconnect", id });
        fail(new DOMException("The request was aborted", "AbortError"));
      };
      request.signal?.addEventListener("abort", onAbort);
      this.pending.set(id, {
        ack: () => { acked = true; clearTimeout(timer); },
        start: (status, responseHeaders) => {
          acked = true;
          clearTimeout(timer);
          const nullBody = method === "HEAD" || NULL_BODY_STATUS.has(status);
          const stream = nullBody ? null : new ReadableStream<Uint8Array>({
            start: (c) => { controller = c; },
            // The reader went away (page closed an SSE stream): tell the ASGI app.
            cancel: () => { if (!finished) { done(); this.post({ type: "disconnect", id }); } },
          });
          resolve(new Response(stream, { status, headers: responseHeaders }));
        },
        chunk: (chunk, more) => {
          if (chunk.byteLength > 0) controller?.enqueue(chunk);
          if (!more) {
            done();
            controller?.close();
          }
        },
        fail,
      });
      this.post(head);
      if (body !== null) this.sendBody(id, body);
    });
  }

  /** Rejects every open request (the port is being replaced). */
  close(reason: Error): void {
    for (const pending of [...this.pending.values()]) pending.fail(reason);
    this.port.close();
  }

  private sendBody(id: number, body: ArrayBuffer): void {
    if (body.byteLength === 0) {
      this.post({ type: "body", id, chunk: new ArrayBuffer(0), more: false });
      return;
    }
    for (let offset = 0; offset < body.byteLength; offset += CHUNK) {
      const chunk = body.slice(offset, offset + CHUNK);
      this.post({ type: "body", id, chunk, more: offset + CHUNK < body.byteLength }, [chunk]);
    }
  }

  private post(message: PortIn, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  private dispatch(data: unknown): void {
    if (!isPortOut(data)) return;
    const pending = this.pending.get(data.id);
    if (!pending) return;
    const message: PortOut = data;
    switch (message.type) {
      case "ack":
        pending.ack();
        break;
      case "start":
        pending.start(message.status, message.headers);
        break;
      case "body":
        pending.chunk(new Uint8Array(message.chunk), message.more);
        break;
      case "error": {
        const error = new Error(message.message);
        if (message.traceback) error.stack = message.traceback;
        pending.fail(error);
        break;
      }
    }
  }
}
