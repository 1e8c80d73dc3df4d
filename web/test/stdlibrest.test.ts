/**
 * The boot stdlib's second zip (stdlibrest.ts): its file is several zips end to end; each first part
 * settles as soon as its bytes are in (while the rest still downloads) and its early imports run
 * before the next part is written; a file shorter than its first parts is a readable error; a
 * restore only writes the parts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { REST_PATH, readRest, splitRest, warmPath, withRestStdlib } from "../src/stdlibrest.js";

const bytes = (n: number, from = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i) % 251);

/** A response whose body yields `data` in `size`-byte chunks, pausing (until `go`) once `pauseAt` bytes were sent. */
function paused(data: Uint8Array, size: number, pauseAt: number): { response: Promise<Response>; go: () => void } {
  let go: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => { go = resolve; });
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (at >= pauseAt) await gate;
      if (at >= data.length) return controller.close();
      controller.enqueue(data.slice(at, at + size));
      at += size;
    },
  });
  return { response: Promise.resolve(new Response(body)), go };
}

test("the first parts settle before the download ends; the rest is the bytes after them", async () => {
  const data = bytes(10_000);
  const { response, go } = paused(data, 700, 4_200);
  const parts = readRest(response, [{ bytes: 1_000, imports: ["re"] }, { bytes: 2_000, imports: ["asyncio"] }], "rest.zip");
  // The stream is still paused: only the first parts can be in.
  assert.deepEqual(await parts.warm[0], data.subarray(0, 1_000));
  assert.deepEqual(await parts.warm[1], data.subarray(1_000, 3_000));
  let restDone = false;
  void parts.rest.then(() => { restDone = true; });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(restDone, false);
  go();
  assert.deepEqual(await parts.rest, data.subarray(3_000));
  assert.deepEqual(await parts.whole, data);
});

test("a file without a split is one zip: no first part, the rest is the whole file", async () => {
  const data = bytes(5_000);
  const { response, go } = paused(data, 1_000, 0);
  go();
  const parts = readRest(response, undefined, "rest.zip");
  assert.deepEqual(parts.warm, []);
  assert.deepEqual(await parts.rest, data);
});

test("a file shorter than its first parts is a readable error, for the parts not in and the rest", async () => {
  const { response, go } = paused(bytes(2_000), 500, 0);
  go();
  const parts = readRest(response, [{ bytes: 1_500, imports: [] }, { bytes: 1_500, imports: [] }], "http://site/pyodide/python_stdlib_rest.zip");
  const message = /python_stdlib_rest\.zip is truncated: 2000 bytes, its first parts alone are 3000/;
  assert.equal((await parts.warm[0]).length, 1_500);  // it was whole before the file ended
  await assert.rejects(parts.warm[1]!, message);
  await assert.rejects(parts.rest, message);
  assert.throws(() => splitRest(bytes(3_000), [{ bytes: 3_000, imports: [] }]), /truncated/);
});

/** A fake interpreter module recording what is written and run, in order. */
function fakeModule(log: string[], failOn = ""): Record<string, unknown> {
  const strings = new Map<number, string>();
  return {
    FS: { writeFile: (path: string, data: Uint8Array) => log.push(`write ${path} ${data.length}`) },
    stringToNewUTF8: (text: string) => { strings.set(strings.size + 1, text); return strings.size; },
    _PyRun_SimpleString: (pointer: number) => {
      const code = strings.get(pointer)!;
      log.push(code.includes("_wasmui_warm") ? `import ${code.match(/_wasmui_warm\((\[.*\])\)/)![1]}` : `path ${code.match(/"(\/lib\/[^"]+)"/)![1]}`);
      return failOn && code.includes(failOn) ? -1 : 0;
    },
    _free: () => undefined,
  };
}

test("each part's early imports run once it is in, before the next part is written", async () => {
  const data = bytes(6_000);
  const { response, go } = paused(data, 1_000, 3_000);
  const split = [{ bytes: 1_500, imports: ["re"] }, { bytes: 2_500, imports: ["asyncio", "zipfile"] }];
  const parts = readRest(response, split, "rest.zip");
  const log: string[] = [];
  const marks: string[] = [];
  const create = withRestStdlib(async () => fakeModule(log), parts, split, (step) => marks.push(step));
  const created = create({});
  await parts.warm[0];
  await new Promise((resolve) => setTimeout(resolve, 10));
  // The stream is paused at 3000 bytes: the first part is written and imported, the second is not in yet.
  assert.deepEqual(log, [`write ${warmPath(0)} 1500`, `path ${warmPath(0)}`, `import ["re"]`]);
  go();
  await created;
  assert.deepEqual(log.slice(3), [`write ${warmPath(1)} 2500`, `path ${warmPath(1)}`, `import ["asyncio","zipfile"]`,
    `write ${REST_PATH} 2000`, `path ${REST_PATH}`]);
  assert.deepEqual(marks, ["initialised", "stdlib-warm-in", "stdlib-part-in", "stdlib-warm", "stdlib-rest"]);
});

test("a restore only writes the parts (their places on sys.path are in the snapshot)", async () => {
  const data = bytes(4_000);
  const { response, go } = paused(data, 1_000, 0);
  go();
  const log: string[] = [];
  const split = [{ bytes: 1_000, imports: ["json"] }];
  const create = withRestStdlib(async () => fakeModule(log), readRest(response, split, "r"), split);
  await create({ noInitialRun: true });
  assert.deepEqual(log, [`write ${warmPath(0)} 1000`, `write ${REST_PATH} 3000`]);
});

test("a failed C-API call is a readable error", async () => {
  const data = bytes(4_000);
  const { response, go } = paused(data, 1_000, 0);
  go();
  const split = [{ bytes: 1_000, imports: ["x"] }];
  const create = withRestStdlib(async () => fakeModule([], "_wasmui_warm"), readRest(response, split, "r"), split);
  await assert.rejects(create({}), /could not import the stdlib's first modules \(see stderr\)/);
});
