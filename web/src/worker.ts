/**
 * Entry of the app's dedicated module worker: wires the worker runtime to
 * `self`. One worker per `<wasmui-app>`, so two apps on a page never share an
 * interpreter.
 */
import { warmDecoders } from "./precompressed";
import { isWorkerControlIn, type WorkerControlOut } from "./protocol";
import { WorkerRuntime } from "./runtime";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runtime = new WorkerRuntime((message: WorkerControlOut) => scope.postMessage(message));

scope.onmessage = (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isWorkerControlIn(message)) return;
  if (message.type === "boot") void runtime.boot(message.options);
  else if (message.type === "port") runtime.attachPort(message.port);
  else if (message.type === "expect") {
    runtime.coreFetch.expect(message.urls);
    runtime.readAhead(message.manifest);
    // The page is downloading the siblings already: their decoders load meanwhile.
    warmDecoders(Object.values((message.manifest as { precompressed?: object } | undefined)?.precompressed ?? {}));
  }
  else runtime.coreFetch.adopt(message.early);
};
