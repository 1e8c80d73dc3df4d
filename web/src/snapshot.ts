/**
 * Memory snapshots of a ready interpreter, kept in the browser for the next visit.
 *
 * The worker snapshots Pyodide after `import wasmui` (before any app code runs,
 * so no user state is ever captured) and stores it gzip-compressed in Cache
 * Storage under a key made of the site's build hash and the Pyodide
 * distribution's URL. A new build gets a new key (old entries of the site are
 * deleted when a new one is saved); Pyodide itself refuses a snapshot of
 * another interpreter build (its BUILD_ID is in the snapshot header), and the
 * worker then discards the entry and boots normally.
 */

const CACHE = "wasmui-snapshots";
/** Header naming the Pyodide version that wrote an entry (diagnostics only). */
const VERSION_HEADER = "x-wasmui-pyodide";

export class SnapshotStore {
  private constructor(private readonly prefix: string, private readonly key: string) {}

  /**
   * The store of one site build on one distribution, or null where snapshots cannot work
   * (no Cache Storage: an insecure origin or a private mode that blocks it).
   */
  static open(siteBase: string, build: string, indexURL: string): SnapshotStore | null {
    if (typeof caches === "undefined" || typeof DecompressionStream === "undefined") return null;
    const prefix = new URL("__wasmui-snapshot/", siteBase).href;
    return new SnapshotStore(prefix, `${prefix}${encodeURIComponent(build)}/${encodeURIComponent(indexURL)}`);
  }

  /** The stored snapshot, uncompressed; null when there is none or it cannot be read. */
  async load(): Promise<Uint8Array | null> {
    const response = await (await caches.open(CACHE)).match(this.key);
    if (!response?.body) return null;
    const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /** Stores `snapshot` (compressed) and deletes this site's entries of other builds. */
  async save(snapshot: Uint8Array, version: string): Promise<number> {
    const stream = new Blob([snapshot as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
    const compressed = await new Response(stream).arrayBuffer();
    const cache = await caches.open(CACHE);
    await this.deleteOthers(cache);
    await cache.put(this.key, new Response(compressed, {
      headers: { "content-type": "application/octet-stream", [VERSION_HEADER]: version },
    }));
    return compressed.byteLength;
  }

  /** Throws this build's entry away (it failed to restore). */
  async discard(): Promise<void> {
    await (await caches.open(CACHE)).delete(this.key);
  }

  private async deleteOthers(cache: Cache): Promise<void> {
    const stale = (await cache.keys()).filter((request) => request.url.startsWith(this.prefix) && request.url !== this.key);
    await Promise.all(stale.map((request) => cache.delete(request)));
  }
}

/** Whether a Pyodide version has usable memory snapshots (0.28+, incl. the 314.x line). */
export function snapshotsSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10));
  return major >= 1 || minor >= 28;
}
