/**
 * Request ports: HTTP requests arriving on a MessagePort (from the page transport or the service
 * worker) handed to the app's ASGI bridge, and the bridge's answers posted back on that port.
 *
 * Requests may arrive before Python is ready: they are acked at once and forwarded when the
 * bridge settles, or answered with a 503 carrying the traceback if the boot failed.
 */
import type { BootError } from "./bootfiles";
import type { PortIn, PortOut } from "./protocol";
import { isPortIn } from "./protocol";

/** The Python side (`wasmui._pyodide.Bridge`), seen through a PyProxy. */
export interface Bridge {
  request(id: number, method: string, url: string, headers: [string, string][], hasBody: boolean,
    reply: (kind: string, a: unknown, b: unknown) => void): void;
  body(id: number, chunk: Uint8Array, more: boolean): void;
  disconnect(id: number): void;
}

/** Serves every request port of one worker with one bridge. */
export class PortForwarder {
  /** Worker-wide request id for the bridge (two ports' request 2 must not share an inbox). */
  private nextBridgeId = 1;

  /**
   * `ready` is asked once per message for the bridge to hand it to (it rejects with the boot's
   * failure); `onMessage` is told of every message (the snapshot waits for quiet ports).
   */
  constructor(private readonly ready: () => Promise<Bridge>, private readonly onMessage: () => void) {}

  /** Serves requests arriving on `port`. */
  attach(port: MessagePort): void {
    // Each port numbers its requests from 1, and the bridge serves every port: it sees ids of its own.
    const ids = new Map<number, number>();
    port.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isPortIn(message)) return;
      if (message.type === "request") post(port, { type: "ack", id: message.id });
      this.onMessage();
      // `then` callbacks run in registration order, so body chunks stay behind their request.
      this.ready().then(
        (bridge) => this.forward(bridge, port, ids, message),
        (error: BootError) => { if (message.type === "request") answerBootFailure(port, message.id, error); },
      );
    };
    port.start();
  }

  /** Hands `message` from `port` to the bridge; `ids` maps the port's request ids to the bridge's. */
  private forward(bridge: Bridge, port: MessagePort, ids: Map<number, number>, message: PortIn): void {
    switch (message.type) {
      case "request": {
        const id = message.id;
        const rid = this.nextBridgeId++;
        ids.set(id, rid);
        const reply = (kind: string, a: unknown, b: unknown): void => {
          if (kind !== "start" && (kind !== "body" || !a)) ids.delete(id);  // the last message of this response
          if (kind === "start") {
            post(port, { type: "start", id, status: Number(a), headers: b as [string, string][] });
          } else if (kind === "body") {
            const view = b as Uint8Array;
            // Copy out of the wasm heap into a buffer we own, then transfer it.
            const chunk = view.slice().buffer;
            post(port, { type: "body", id, chunk, more: Boolean(a) }, [chunk]);
          } else {
            post(port, { type: "error", id, message: String(a), traceback: String(b ?? "") });
          }
        };
        bridge.request(rid, message.method, message.url, message.headers, message.hasBody, reply);
        break;
      }
      case "body": {
        const rid = ids.get(message.id);
        if (rid !== undefined) bridge.body(rid, new Uint8Array(message.chunk), message.more);
        break;
      }
      case "disconnect": {
        const rid = ids.get(message.id);
        ids.delete(message.id);  // nothing more is sent for it
        if (rid !== undefined) bridge.disconnect(rid);
        break;
      }
    }
  }
}

/** A request that came while (or after) the boot failed: a 503 with the traceback as plain text. */
function answerBootFailure(port: MessagePort, id: number, error: BootError): void {
  const text = `wasmui: the app failed to start (${error.phase}): ${error.message}\n\n${error.traceback}`;
  const chunk = new TextEncoder().encode(text).buffer as ArrayBuffer;
  post(port, { type: "start", id, status: 503, headers: [["content-type", "text/plain; charset=utf-8"]] });
  post(port, { type: "body", id, chunk, more: false }, [chunk]);
}

/** Posts a typed answer on `port` (the only way answers leave the worker). */
function post(port: MessagePort, message: PortOut, transfer: Transferable[] = []): void {
  port.postMessage(message, transfer);
}
