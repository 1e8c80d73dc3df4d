/**
 * Unpacks a zip whose members are all stored (not deflated) straight into Emscripten's file
 * system. The wasmui wheel arrives that way (its Zstandard sibling holds a re-stored zip,
 * `wasmui/precompress.py`): writing ~130 files from JS takes milliseconds where Pyodide's
 * `unpackArchive` (Python's zipfile and shutil) took 300-500 ms of every boot, warm visits
 * included (measured on the shared test machine). Anything else (a deflated member, zip64,
 * a damaged archive) returns false and the caller falls back to `unpackArchive`.
 */

/** The part of Pyodide's `FS` used here. */
export interface ZipFS {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
}

interface Member {
  name: string;
  start: number;
  size: number;
}

/** The members of `zip`, or null when one is compressed or the archive is not a plain zip. */
export function storedMembers(zip: Uint8Array): Member[] | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 64 kB, at the very end.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const members: Member[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0 || size === 0xffffffff || local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > zip.length || name.startsWith("/") || name.split("/").includes("..")) return null;
    members.push({ name, start, size });
    at += 46 + skip;
  }
  return members;
}

/** Writes every member of `zip` under `dir`; false (nothing written) when it cannot. */
export function unpackStoredZip(fs: ZipFS, zip: Uint8Array, dir: string): boolean {
  const members = storedMembers(zip);
  if (!members) return false;
  const made = new Set<string>();
  const mkdir = (path: string): void => {
    if (!made.has(path)) { fs.mkdirTree(path); made.add(path); }
  };
  for (const { name, start, size } of members) {
    const path = `${dir}/${name}`;
    if (name.endsWith("/")) { mkdir(path.slice(0, -1)); continue; }
    mkdir(path.slice(0, path.lastIndexOf("/")));
    fs.writeFile(path, zip.subarray(start, start + size));
  }
  return true;
}
