/**
 * Memory snapshots of a ready interpreter, kept in the browser for the next visit.
 *
 * The worker snapshots Pyodide after `import wasmui` (before any app code runs,
 * so no user state is ever captured) and stores it in Cache Storage under a key
 * made of the site's build hash and the Pyodide distribution's URL. A new build
 * gets a new key (old entries of the site are deleted when a new one is saved);
 * Pyodide itself refuses a snapshot of another interpreter build (its BUILD_ID
 * is in the snapshot header), and the worker then discards the entry and boots
 * normally.
 *
 * Stored uncompressed but without its zero pages (`sparse.ts`), with the inflated interpreter (`pyodide.asm.wasm`), stdlib
 * zip, JS glue, lock file and wasmui wheel next to it (cache `wasmui-core`, same
 * key): a repeat visit then neither inflates a 30 MB gzip snapshot nor runs the
 * Zstandard decoder over the 9.6 MB wasm before compiling it (measured: the wasm's
 * inflation was the longest step of a warm boot), and asks the network for none
 * of them (the page's inline script skips them too). Disk pays: ~47 MB per site.
 */

import { expand, isSparse, sparsify } from "./sparse";

const CACHE = "wasmui-snapshots";
/** The inflated core files a snapshot restores with (the snapshot's key, `~` and the file's name; a
 * fragment would not do: Cache Storage ignores fragments). */
const CORE_CACHE = "wasmui-core";
/** Header naming the Pyodide version that wrote an entry (diagnostics only). */
const VERSION_HEADER = "x-wasmui-pyodide";
/** Header holding a core file's length (a damaged copy is refused before Pyodide sees it). */
const LENGTH_HEADER = "x-wasmui-length";

export class SnapshotStore {
  private constructor(private readonly prefix: string, private readonly key: string) {}

  /** Which build and distribution this store is for (two stores with one id share their entries). */
  get id(): string {
    return this.key;
  }

  /**
   * The store of one site build on one distribution, or null where snapshots cannot work
   * (no Cache Storage: an insecure origin or a private mode that blocks it).
   */
  static open(siteBase: string, build: string, indexURL: string): SnapshotStore | null {
    if (typeof caches === "undefined" || typeof DecompressionStream === "undefined") return null;
    const prefix = new URL("__wasmui-snapshot/", siteBase).href;
    return new SnapshotStore(prefix, `${prefix}${encodeURIComponent(build)}/${encodeURIComponent(indexURL)}`);
  }

  /** Whether a snapshot is stored (its body unread). */
  async has(): Promise<boolean> {
    return (await (await caches.open(CACHE)).match(this.key)) !== undefined;
  }

  /** The stored snapshot, uncompressed; null when there is none or it cannot be read. */
  async load(): Promise<Uint8Array | null> {
    const response = await (await caches.open(CACHE)).match(this.key);
    if (!response?.body) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (isSparse(bytes)) return expand(bytes);
    // Entries of earlier builds were whole or gzip (a snapshot itself never starts with 1f 8b).
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /**
   * The stored inflated core file named `name` (e.g. `pyodide.asm.wasm`), or null when there is none.
   * Throws when it is not what was stored (length, magic bytes): Pyodide never settles on a wasm
   * that does not compile, so a damaged copy must not reach it.
   */
  async loadCore(name: string): Promise<Response | null> {
    const response = await (await caches.open(CORE_CACHE)).match(this.coreKey(name));
    if (!response) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const magic = name.endsWith(".wasm") ? [0x00, 0x61, 0x73, 0x6d] : /\.(zip|whl)$/.test(name) ? [0x50, 0x4b] : [];
    if (String(bytes.length) !== response.headers.get(LENGTH_HEADER) || magic.some((b, i) => bytes[i] !== b)) {
      throw new Error(`the stored copy of ${name} is damaged`);
    }
    return new Response(bytes, { headers: { "content-type": response.headers.get("content-type") ?? "application/octet-stream" } });
  }

  /** Stores `snapshot` and the inflated core files, and deletes this site's entries of other builds. */
  async save(snapshot: Uint8Array, version: string, core: Map<string, Uint8Array> = new Map()): Promise<number> {
    const cache = await caches.open(CACHE);
    const coreCache = await caches.open(CORE_CACHE);
    await this.deleteOthers(cache);
    await this.deleteOthers(coreCache);
    for (const [name, bytes] of core) {
      const type = contentType(name);
      await coreCache.put(this.coreKey(name), new Response(bytes as Uint8Array<ArrayBuffer>,
        { headers: { "content-type": type, [LENGTH_HEADER]: String(bytes.length) } }));
    }
    // The snapshot last: a restore finds it only when its core files are there too.
    await cache.put(this.key, new Response(sparsify(snapshot) as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": "application/octet-stream", [VERSION_HEADER]: version },
    }));
    return snapshot.byteLength;
  }

  /** Throws this build's entry away (it failed to restore). */
  async discard(): Promise<void> {
    await (await caches.open(CACHE)).delete(this.key);
    const coreCache = await caches.open(CORE_CACHE);
    await Promise.all((await coreCache.keys()).filter((r) => r.url.startsWith(`${this.key}~`)).map((r) => coreCache.delete(r)));
  }

  private coreKey(name: string): string {
    return `${this.key}~${encodeURIComponent(name)}`;
  }

  private async deleteOthers(cache: Cache): Promise<void> {
    const stale = (await cache.keys()).filter((request) => request.url.startsWith(this.prefix) &&
      request.url !== this.key && !request.url.startsWith(`${this.key}~`));
    await Promise.all(stale.map((request) => cache.delete(request)));
  }
}

/** Whether a Pyodide version has usable memory snapshots (0.28+, incl. the 314.x line). */
export function snapshotsSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10));
  return major >= 1 || minor >= 28;
}

/** What a stored core file is served as (`instantiateStreaming` insists on the wasm type). */
function contentType(name: string): string {
  if (name.endsWith(".wasm")) return "application/wasm";
  if (name.endsWith(".mjs")) return "text/javascript";
  if (name.endsWith(".json")) return "application/json";
  return "application/octet-stream";
}
