/**
 * The xz decoder's own worker: the app worker hands it each xz sibling (`precompressed.ts`) -- a
 * URL it downloads itself, or a body the page started -- and gets the inflated chunks back on a
 * port. Downloading and inflating run beside the interpreter, not on its thread: on the app
 * worker's thread the wasm was inflated behind its download, and the stdlib's second zip and the
 * wheel while Python started (~0.15 s of that thread's CPU after the wasm was in). Measured on 4G
 * (hello world, cold, 8 interleaved visits each, load 4-10): the wasm in 0.37 s earlier, TTI 5.19 s
 * against 6.18 s. Streams are read to their end as they arrive (the decoder inflates one at a time).
 */
import { xzReadable } from "./xzstream";

/** What the app worker sends: an xz file to download (`url`) or a body, and the port its inflated chunks go back on. */
export interface DecodeRequest {
  url?: string;
  body?: ReadableStream<Uint8Array>;
  port: MessagePort;
}

/** What goes back on the port: for a URL first its HTTP status (not 2xx: nothing follows), then
 * chunks, then the end or an error. */
export type DecodeReply = { status: number } | { chunk: Uint8Array } | { done: true } | { error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function decode({ url, body, port }: DecodeRequest): Promise<void> {
  const reply = (message: DecodeReply, transfer: Transferable[] = []): void => port.postMessage(message, transfer);
  let source = body ?? null;
  try {
    if (url) {
      const response = await fetch(url);
      reply({ status: response.status });
      if (!response.ok || !response.body) return;
      source = response.body;
    }
    const reader = xzReadable(source!).getReader();
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      if (next.value.length === 0) continue;
      // Transferred: a chunk that is a view of a larger buffer is copied out first.
      const whole = next.value.byteOffset === 0 && next.value.byteLength === next.value.buffer.byteLength;
      const chunk = whole ? next.value : next.value.slice();
      reply({ chunk }, [chunk.buffer as ArrayBuffer]);
    }
    reply({ done: true });
  } catch (error) {
    reply({ error: String((error as Error)?.message ?? error) });
    void source?.cancel().catch(() => undefined);
  } finally {
    port.close();
  }
}

scope.onmessage = (event: MessageEvent<DecodeRequest>) => void decode(event.data);
