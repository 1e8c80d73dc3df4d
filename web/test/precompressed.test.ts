/**
 * CoreFetch on real xz bytes: Pyodide's JS glue compressed by the build's own encoder
 * (wasmui.precompress.xz, LZMA2 preset 9e), inflated by the worker's decoder as a stream;
 * a damaged or truncated sibling is a readable error (and fails the boot), a missing one
 * falls back to the plain file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { CoreFetch, encodingsOf } from "../src/precompressed.js";
import type { EarlyBody } from "../src/precompressed.js";

const root = new URL("../../", import.meta.url);
const python = process.env.PYTHON ?? (existsSync(new URL(".venv/bin/python", root)) ? new URL(".venv/bin/python", root).pathname : "python3");
const plain = new Uint8Array(readFileSync(createRequire(import.meta.url).resolve("pyodide/pyodide.asm.mjs")));
const packed = new Uint8Array(execFileSync(python, ["-c",
  "import sys; from wasmui.precompress import xz; sys.stdout.buffer.write(xz(sys.stdin.buffer.read()))"],
{ input: plain, cwd: root.pathname, maxBuffer: 1 << 26 }));

const BASE = "http://site.test/";
const URL_ = `${BASE}pyodide/pyodide.asm.mjs`;

/** A fetch serving `files` (URL -> bytes) in 1000-byte chunks, 404 otherwise; records what was asked. */
function server(files: Record<string, Uint8Array>): { fetch: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  const serve = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    const bytes = files[url];
    if (!bytes) return new Response("not found", { status: 404 });
    return new Response(chunked(bytes), { status: 200 });
  };
  return { fetch: serve as typeof fetch, asked };
}

function chunked(bytes: Uint8Array, size = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

function coreFetch(files: Record<string, Uint8Array>): { core: CoreFetch; asked: string[] } {
  const { fetch, asked } = server(files);
  const core = new CoreFetch(fetch);
  core.setEncodings(encodingsOf({ "pyodide/pyodide.asm.mjs": "xz" }, BASE));
  return { core, asked };
}

test("the build's xz is smaller than the file and inflates to the same bytes, streamed", async () => {
  assert.ok(packed.length < plain.length / 5, `${packed.length} of ${plain.length}`);
  const { core, asked } = coreFetch({ [`${URL_}.xz`]: packed });
  const inflated: string[] = [];
  core.onInflated = (url) => inflated.push(url);
  const response = await core.fetch(URL_);
  assert.equal(response.headers.get("content-type"), "text/javascript");
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    assert.ok(value.length > 0);  // the decoder's empty chunks are not passed on
    chunks.push(value);
  }
  assert.ok(chunks.length > 1, "inflated as a stream, not in one piece");
  assert.deepEqual(Buffer.concat(chunks), Buffer.from(plain));
  assert.deepEqual(asked, [`${URL_}.xz`]);
  assert.deepEqual(inflated, [URL_]);
});

test("a sibling the page fetched early (early.ts) is inflated as it arrives", async () => {
  const { core, asked } = coreFetch({});
  core.expect([URL_]);
  const early: EarlyBody = { url: URL_, encoding: "xz", status: 200, contentEncoding: null, body: chunked(packed, 4096) };
  core.adopt(early);
  const bytes = new Uint8Array(await (await core.fetch(URL_)).arrayBuffer());
  assert.deepEqual(Buffer.from(bytes), Buffer.from(plain));
  assert.deepEqual(asked, []);
});

for (const [name, damage] of [
  ["damaged", (bytes: Uint8Array) => { const copy = bytes.slice(); for (let i = 1000; i < 1400; i++) copy[i] ^= 0x5a; return copy; }],
  ["truncated", (bytes: Uint8Array) => bytes.slice(0, bytes.length >> 1)],
] as const) {
  test(`a ${name} sibling is a readable error, and fails the boot`, async () => {
    const { core } = coreFetch({ [`${URL_}.xz`]: damage(packed), [URL_]: plain });
    const response = await core.fetch(URL_);
    // The decoder's own complaint (xz-embedded's XZ_DATA_ERROR 7 or XZ_BUF_ERROR 8), named.
    await assert.rejects(response.arrayBuffer(), /pyodide\.asm\.mjs\.xz could not be inflated \(damaged or truncated\?\): get_next_output failed with error code [78]/);
    await assert.rejects(core.failure, /pyodide\.asm\.mjs\.xz could not be inflated/);
  });
}

test("a missing sibling falls back to the plain file, and nothing fails", async () => {
  const { core, asked } = coreFetch({ [URL_]: plain });
  const bytes = new Uint8Array(await (await core.fetch(URL_)).arrayBuffer());
  assert.deepEqual(Buffer.from(bytes), Buffer.from(plain));
  assert.deepEqual(asked, [`${URL_}.xz`, URL_]);
  const settled = await Promise.race([core.failure.then(() => "failed", () => "failed"), Promise.resolve("pending")]);
  assert.equal(settled, "pending");
});

test("nearly(url, n) settles once n inflated bytes were read, or when the response ends or fails", async () => {
  const { core } = coreFetch({ [`${URL_}.xz`]: packed });
  const settled: [string, number][] = [];
  const half = Math.floor(plain.length / 2);
  let read = 0;
  void core.nearly(URL_, half).then(() => settled.push(["half", read]));
  void core.nearly(URL_, plain.length * 2).then(() => settled.push(["more than all", read]));
  const reader = (await core.fetch(URL_)).body!.getReader();
  for (;;) {
    const next = await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (next.done) break;
    read += next.value.length;
    if (read >= half) assert.equal(settled[0]?.[0], "half");
  }
  // "half" settled around the middle (the stream reads one chunk of 64 kB ahead of its reader), the
  // other one only at the end, which settles what is left.
  assert.equal(settled.length, 2);
  assert.ok(settled[0]![1] >= half - (1 << 17) && settled[0]![1] < half, String(settled[0]));
  assert.equal(settled[1]![0], "more than all");
  assert.ok(settled[1]![1] >= plain.length - (1 << 17), String(settled[1]));

  const damaged = packed.slice(0, packed.length >> 1);
  const broken = coreFetch({ [`${URL_}.xz`]: damaged }).core;
  const waiting = broken.nearly(URL_, plain.length);
  await assert.rejects((await broken.fetch(URL_)).arrayBuffer());
  await waiting;  // a failed download does not leave anyone waiting
});
