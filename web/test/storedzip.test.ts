/** unpackStoredZip: the wasmui wheel written into the file system from JS, or a clean refusal. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { storedMembers, unpackStoredZip, type ZipFS } from "../src/storedzip.js";

/** A zip of `files` (name -> text), every member stored or with compression `method`. */
function makeZip(files: Record<string, string>, method = 0): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(text);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, method, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const entry = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    locals.push(local);
    central.push(entry);
    offset += local.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...central, end];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

function memoryFS(): ZipFS & { files: Map<string, string>; dirs: string[] } {
  const files = new Map<string, string>();
  const dirs: string[] = [];
  return {
    files, dirs,
    mkdirTree: (path) => { dirs.push(path); },
    writeFile: (path, data) => { files.set(path, new TextDecoder().decode(data)); },
  };
}

test("writes every stored member under the folder, parents first", () => {
  const fs = memoryFS();
  const zip = makeZip({ "pkg/__init__.pyc": "init", "pkg/sub/mod.pyc": "mod", "pkg-1.0.dist-info/RECORD": "rec" });
  assert.equal(unpackStoredZip(fs, zip, "/site"), true);
  assert.deepEqual([...fs.files], [
    ["/site/pkg/__init__.pyc", "init"], ["/site/pkg/sub/mod.pyc", "mod"], ["/site/pkg-1.0.dist-info/RECORD", "rec"]]);
  assert.ok(fs.dirs.includes("/site/pkg/sub"));
});

test("a deflated member, a damaged archive or a path outside the folder: nothing written, false", () => {
  for (const zip of [
    makeZip({ "a.py": "x" }, 8),
    makeZip({ "a.py": "x" }).subarray(0, 40),
    makeZip({ "../escape.py": "x" }),
    makeZip({ "/abs.py": "x" }),
  ]) {
    const fs = memoryFS();
    assert.equal(unpackStoredZip(fs, zip, "/site"), false);
    assert.equal(fs.files.size, 0);
  }
  assert.equal(storedMembers(new Uint8Array(10)), null);
});
