/**
 * Entry of the app's dedicated module worker: wires the worker runtime to
 * `self`. One worker per `<wasmui-app>`, so two apps on a page never share an
 * interpreter.
 */
import { encodingsOf, warmDecoders } from "./precompressed";
import { isWorkerControlIn, type WorkerControlOut } from "./protocol";
import { WorkerRuntime } from "./runtime";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runtime = new WorkerRuntime((message: WorkerControlOut) => scope.postMessage(message));
// The page's inline script names the build in the worker's name (`early.ts`): restore at once.
const ahead = scope.name.indexOf("\n");
if (ahead >= 0) {
  try {
    runtime.readAhead(JSON.parse(scope.name.slice(ahead + 1)));
  } catch {
    // not ours: the boot message decides
  }
}

let manifest: unknown;
scope.onmessage = (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isWorkerControlIn(message)) return;
  if (message.type === "boot") void runtime.boot(message.options);
  else if (message.type === "port") runtime.attachPort(message.port);
  else if (message.type === "expect") {
    runtime.coreFetch.expect(message.urls);
    runtime.readAhead(message.manifest);
    // The page is downloading these siblings already: their decoders load meanwhile. (The
    // manifest comes with the page's first message, the URLs with later ones.)
    manifest = message.manifest ?? manifest;
    warmDecoders(expectedEncodings(message.urls, manifest));
  }
  else runtime.coreFetch.adopt(message.early);
};

/** The encodings of the precompressed siblings among `urls` (the manifest names them by path). */
function expectedEncodings(urls: string[], manifest: unknown): string[] {
  const precompressed = (manifest as { precompressed?: Record<string, "xz" | "zst" | "gz"> } | undefined)?.precompressed;
  if (!precompressed || urls.length === 0) return [];
  const encodings = encodingsOf(precompressed, new URL("../", scope.location.href).href);
  return urls.flatMap((url) => encodings.get(url) ?? []);
}
