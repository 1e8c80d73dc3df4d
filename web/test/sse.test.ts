/** readSSE: Gradio's `/queue/data` stream, whatever the chunking. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readSSE } from "../src/shell/client/sse.js";

function stream(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(typeof ch === "string" ? enc.encode(ch) : ch);
      c.close();
    },
  });
}

async function all(chunks: (string | Uint8Array)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const msg of readSSE(stream(chunks))) out.push(msg);
  return out;
}

const TEXT = 'data: {"msg": "estimation"}\n\ndata: {"msg": "process_completed", "output": {"data": ["héllo ✓"]}}\n\n';

test("messages are split on blank lines", async () => {
  assert.deepEqual(await all([TEXT]), ['{"msg": "estimation"}', '{"msg": "process_completed", "output": {"data": ["héllo ✓"]}}']);
});

test("any chunking gives the same messages, even inside a UTF-8 character", async () => {
  const bytes = new TextEncoder().encode(TEXT);
  const whole = await all([TEXT]);
  for (const size of [1, 2, 3, 5, 7, 64]) {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
    assert.deepEqual(await all(parts), whole, `chunks of ${size} bytes`);
  }
});

test("CRLF line ends, optional space after data:, multi-line data joined with newlines", async () => {
  assert.deepEqual(await all(["data:one\r\ndata: two\r\n\r\n"]), ["one\ntwo"]);
});

test("event:, id: and comment lines are ignored; blank lines alone yield nothing", async () => {
  assert.deepEqual(await all([": keep-alive\n\nevent: message\nid: 3\ndata: x\n\n\n\n"]), ["x"]);
});

test("a last message without its blank line is still delivered", async () => {
  assert.deepEqual(await all(["data: a\n\ndata: b\n"]), ["a", "b"]);
});

test("an empty stream yields nothing", async () => {
  assert.deepEqual(await all([]), []);
});
