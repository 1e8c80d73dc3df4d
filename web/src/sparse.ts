/**
 * A memory snapshot stored without its zero pages.
 *
 * A Pyodide snapshot is the interpreter's whole linear memory (31.5 MB after `import wasmui`);
 * about half of it is 4 kB pages of zeros (measured: 3,945 of 7,680). A repeat visit reads the
 * snapshot from Cache Storage before anything else can start, and that read grows with the
 * bytes stored, so the zero pages are left out: the stored form is a header, one bit per page
 * (set: stored) and the non-zero pages in order. Expanding it is one zeroed allocation and a
 * copy per stored page.
 *
 * Layout (little endian): "WSPM" | u32 format version | u32 length | u32 page size | bitmap | pages.
 */

const MAGIC = [0x57, 0x53, 0x50, 0x4d];  // "WSPM"
const FORMAT = 1;
const PAGE = 4096;
const HEADER = 16;

/** Whether `bytes` is a sparse snapshot (else it is stored as it was made). */
export function isSparse(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER && MAGIC.every((b, i) => bytes[i] === b);
}

/** `memory` without its zero pages (see the module comment). */
export function sparsify(memory: Uint8Array): Uint8Array {
  const pages = Math.ceil(memory.length / PAGE);
  const kept: number[] = [];
  for (let page = 0; page < pages; page++) {
    if (!isZero(memory, page * PAGE, Math.min(memory.length, (page + 1) * PAGE))) kept.push(page);
  }
  const bitmapLength = Math.ceil(pages / 8);
  const dataLength = kept.reduce((sum, page) => sum + Math.min(PAGE, memory.length - page * PAGE), 0);
  const out = new Uint8Array(HEADER + bitmapLength + dataLength);
  out.set(MAGIC, 0);
  const header = new DataView(out.buffer);
  header.setUint32(4, FORMAT, true);
  header.setUint32(8, memory.length, true);
  header.setUint32(12, PAGE, true);
  let at = HEADER + bitmapLength;
  for (const page of kept) {
    out[HEADER + (page >> 3)]! |= 1 << (page & 7);
    const chunk = memory.subarray(page * PAGE, Math.min(memory.length, (page + 1) * PAGE));
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The memory a sparse snapshot stands for; throws when `bytes` is not a whole one. */
export function expand(bytes: Uint8Array): Uint8Array {
  const memory = new Uint8Array(sparseLength(bytes));
  forEachPage(bytes, (at, run) => memory.set(run, at), () => undefined);
  return memory;
}

/** The length of the memory a sparse snapshot stands for; throws when `bytes` is not one. */
export function sparseLength(bytes: Uint8Array): number {
  return readHeader(bytes).length;
}

/**
 * Walks a sparse snapshot in order: `stored(at, bytes)` for each run of stored pages (one call
 * per run, not per page: a restore copies ~3,500 pages, most of them in long runs), `zero(at,
 * length)` for each run of left-out pages (`at`: the offset in the memory). Throws when `bytes`
 * is not a whole sparse snapshot (checked before the first call, so nothing is half written).
 */
export function forEachPage(bytes: Uint8Array, stored: (at: number, run: Uint8Array) => void,
  zero: (at: number, length: number) => void): void {
  const { length, page } = readHeader(bytes);
  const pages = Math.ceil(length / page);
  const bitmap = HEADER;
  const isStored = (index: number) => ((bytes[bitmap + (index >> 3)]! >> (index & 7)) & 1) === 1;
  let expected = HEADER + Math.ceil(pages / 8);
  for (let index = 0; index < pages; index++) if (isStored(index)) expected += Math.min(page, length - index * page);
  if (expected > bytes.length) throw new Error("the sparse snapshot is truncated");
  if (expected !== bytes.length) throw new Error("the sparse snapshot has trailing bytes");
  let at = HEADER + Math.ceil(pages / 8);
  let from = 0;  // the first page of the current run
  for (let index = 1; index <= pages; index++) {
    const kept = isStored(from);
    if (index < pages && isStored(index) === kept) continue;
    const size = Math.min(length, index * page) - from * page;
    if (kept) {
      stored(from * page, bytes.subarray(at, at + size));
      at += size;
    } else {
      zero(from * page, size);
    }
    from = index;
  }
}

/** A sparse snapshot's header fields; throws when `bytes` is not a sparse snapshot of this format. */
function readHeader(bytes: Uint8Array): { length: number; page: number } {
  if (!isSparse(bytes)) throw new Error("not a sparse snapshot");
  const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = header.getUint32(4, true);
  const length = header.getUint32(8, true);
  const page = header.getUint32(12, true);
  if (format !== FORMAT || page === 0) throw new Error(`unknown sparse snapshot format ${format}`);
  return { length, page };
}

/** Whether `memory[start:end]` is all zeros (read 4 bytes at a time where aligned). */
function isZero(memory: Uint8Array, start: number, end: number): boolean {
  const offset = memory.byteOffset + start;
  if (offset % 4 === 0 && (end - start) % 4 === 0) {
    const words = new Uint32Array(memory.buffer, offset, (end - start) / 4);
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
    return true;
  }
  for (let i = start; i < end; i++) if (memory[i] !== 0) return false;
  return true;
}
