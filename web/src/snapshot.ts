/**
 * Memory snapshots of a ready interpreter, kept in the browser for the next visit.
 *
 * The worker snapshots Pyodide after `import wasmui` (before any app code runs,
 * so no user state is ever captured) and stores it under a key made of the
 * site's build hash and the Pyodide distribution's URL. A new build gets a new
 * key (the site's entries of other builds are deleted when a new one is saved);
 * Pyodide itself refuses a snapshot of another interpreter build (its BUILD_ID
 * is in the snapshot header), and the worker then discards the entry and boots
 * normally.
 *
 * Stored uncompressed but without its zero pages (`sparse.ts`), with the inflated
 * interpreter (`pyodide.asm.wasm`), stdlib zip, JS glue, lock file and wasmui
 * wheel next to it: a repeat visit then neither inflates nor downloads any of
 * them. Disk pays: ~47 MB per site.
 *
 * Where: the origin private file system (OPFS), one folder per entry, read with
 * synchronous access handles in the worker (measured, 9.6 MB wasm: ~10 ms against
 * ~35 ms from Cache Storage alone and 125-340 ms under a restore's load). The
 * folder's `entry.json` is written last and names every file's length: an entry
 * without it is unfinished, and a file of another length is damaged and refused.
 * A one-line marker stays in Cache Storage under the entry's key: the page's
 * inline script (`early.ts`) looks there to skip downloading what is stored.
 */

import { expand, isSparse, sparsify } from "./sparse";

/** The Cache Storage cache holding the markers (`early.ts` reads it). */
const CACHE = "wasmui-snapshots";
/** Where the Cache Storage copies of earlier builds were (deleted when an entry is saved). */
const OLD_CORE_CACHE = "wasmui-core";
/** The OPFS folder of all entries: a folder per site (`siteFolder`), in it one per entry. */
const ROOT = "wasmui-snapshots";
/** The entry's description, written last. */
const ENTRY = "entry.json";
/** The snapshot's file in an entry's folder (core files keep their names). */
const SNAPSHOT = "snapshot";
/** Header naming the Pyodide version that wrote an entry (diagnostics only). */
const VERSION_HEADER = "x-wasmui-pyodide";

/** What `entry.json` holds. */
interface Entry {
  key: string;
  version: string;
  /** Every file of the entry (the snapshot's and the core files') and its length. */
  files: Record<string, number>;
}

export class SnapshotStore {
  /** The entry, read once per store (null: none, or unreadable). */
  private entry: Promise<{ folder: FileSystemDirectoryHandle; entry: Entry } | null> | null = null;

  private constructor(private readonly prefix: string, private readonly key: string) {}

  /** Which build and distribution this store is for (two stores with one id share their entries). */
  get id(): string {
    return this.key;
  }

  /**
   * The store of one site build on one distribution, or null where snapshots cannot work
   * (no origin private file system: an insecure origin, an old browser).
   */
  static open(siteBase: string, build: string, indexURL: string): SnapshotStore | null {
    if (typeof navigator === "undefined" || typeof navigator.storage?.getDirectory !== "function") return null;
    if (typeof crypto === "undefined" || !crypto.subtle) return null;
    const prefix = new URL("__wasmui-snapshot/", siteBase).href;
    return new SnapshotStore(prefix, `${prefix}${encodeURIComponent(build)}/${encodeURIComponent(indexURL)}`);
  }

  /** Whether a whole entry is stored (its files unread). */
  async has(): Promise<boolean> {
    return (await this.readEntry()) !== null;
  }

  /** The stored snapshot, uncompressed; null when there is none. Throws when it is damaged. */
  async load(): Promise<Uint8Array | null> {
    const found = await this.readEntry();
    if (!found) return null;
    const bytes = await readChecked(found.folder, SNAPSHOT, found.entry);
    if (!isSparse(bytes)) throw new Error("the stored snapshot is damaged");
    return expand(bytes);
  }

  /**
   * The stored inflated core file named `name` (e.g. `pyodide.asm.wasm`), or null when there is none.
   * Throws when it is not what was stored (length, magic bytes): Pyodide never settles on a wasm
   * that does not compile, so a damaged copy must not reach it.
   */
  async loadCore(name: string): Promise<Response | null> {
    const found = await this.readEntry();
    if (!found || found.entry.files[name] === undefined) return null;
    const bytes = await readChecked(found.folder, name, found.entry);
    const magic = name.endsWith(".wasm") ? [0x00, 0x61, 0x73, 0x6d] : /\.(zip|whl)$/.test(name) ? [0x50, 0x4b] : [];
    if (magic.some((b, i) => bytes[i] !== b)) throw new Error(`the stored copy of ${name} is damaged`);
    return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType(name) } });
  }

  /** Stores `snapshot` and the inflated core files, and deletes this site's entries of other builds. */
  async save(snapshot: Uint8Array, version: string, core: Map<string, Uint8Array> = new Map()): Promise<number> {
    this.entry = null;
    const site = await this.siteFolder(true);
    const name = await entryName(this.key);
    for await (const other of (site as unknown as { keys(): AsyncIterable<string> }).keys()) {
      if (other !== name) await site.removeEntry(other, { recursive: true }).catch(() => undefined);
    }
    await this.dropCacheStorage(false);
    // A half-written entry of an earlier attempt must not survive: its `entry.json` goes first.
    await site.removeEntry(name, { recursive: true }).catch(() => undefined);
    const folder = await site.getDirectoryHandle(name, { create: true });
    const files: Record<string, number> = {};
    for (const [file, bytes] of [[SNAPSHOT, sparsify(snapshot)] as const, ...core]) {
      await writeFile(folder, file, bytes);
      files[file] = bytes.length;
    }
    // Last: a restore finds the entry only when every file is whole.
    await writeFile(folder, ENTRY, new TextEncoder().encode(JSON.stringify({ key: this.key, version, files } satisfies Entry)));
    if (typeof caches !== "undefined") {
      await (await caches.open(CACHE)).put(this.key, new Response("opfs", { headers: { [VERSION_HEADER]: version } }));
    }
    return snapshot.byteLength;
  }

  /** Throws this build's entry away (it failed to restore). */
  async discard(): Promise<void> {
    this.entry = null;
    await this.dropCacheStorage(true);
    const site = await this.siteFolder(false).catch(() => null);
    await site?.removeEntry(await entryName(this.key), { recursive: true }).catch(() => undefined);
  }

  private readEntry(): Promise<{ folder: FileSystemDirectoryHandle; entry: Entry } | null> {
    this.entry ??= (async () => {
      try {
        const site = await this.siteFolder(false);
        const folder = await site.getDirectoryHandle(await entryName(this.key));
        const entry = JSON.parse(new TextDecoder().decode(await readFile(folder, ENTRY))) as Entry;
        return entry.key === this.key && entry.files && typeof entry.files === "object" ? { folder, entry } : null;
      } catch {
        return null;  // none stored (NotFoundError), or an unfinished entry
      }
    })();
    return this.entry;
  }

  /** This site's folder (sites on one origin keep apart: their snapshot prefixes differ). */
  private async siteFolder(create: boolean): Promise<FileSystemDirectoryHandle> {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT, { create });
    return root.getDirectoryHandle(await entryName(this.prefix), { create });
  }

  /** Deletes this site's Cache Storage entries: the markers of other builds (`own`: this one's
   * too) and the copies earlier versions of wasmui stored there. */
  private async dropCacheStorage(own: boolean): Promise<void> {
    if (typeof caches === "undefined") return;
    for (const name of [CACHE, OLD_CORE_CACHE]) {
      const cache = await caches.open(name);
      const stale = (await cache.keys()).filter((request) => request.url.startsWith(this.prefix) &&
        (own || name === OLD_CORE_CACHE || request.url !== this.key));
      await Promise.all(stale.map((request) => cache.delete(request)));
    }
  }
}

/** Whether a Pyodide version has usable memory snapshots (0.28+, incl. the 314.x line). */
export function snapshotsSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10));
  return major >= 1 || minor >= 28;
}

/** A folder name for `text` (keys are URLs: too long and too odd for a file name). */
async function entryName(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The file `name` of an entry, refused when its length is not the one `entry.json` names. */
async function readChecked(folder: FileSystemDirectoryHandle, name: string, entry: Entry): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(folder, name);
  } catch (error) {
    throw new Error(`the stored copy of ${name} is missing (${(error as Error)?.name ?? error})`);
  }
  if (bytes.length !== entry.files[name]) {
    throw new Error(name === SNAPSHOT ? "the stored snapshot is truncated" : `the stored copy of ${name} is damaged`);
  }
  return bytes;
}

/** A synchronous access handle (worker only; `mode` from Chrome 121: several readers at once). */
interface SyncAccess {
  getSize(): number;
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}
type SyncHandle = FileSystemFileHandle & { createSyncAccessHandle?(options?: { mode: string }): Promise<SyncAccess> };

/** A file's bytes: through a synchronous access handle where there is one, else as a `File`. */
async function readFile(folder: FileSystemDirectoryHandle, name: string): Promise<Uint8Array> {
  const handle = (await folder.getFileHandle(name)) as SyncHandle;
  if (handle.createSyncAccessHandle) {
    let access: SyncAccess | null = null;
    try {
      access = await handle.createSyncAccessHandle({ mode: "read-only" });
    } catch {
      // another tab holds it, or no read-only mode: read it as a File below
    }
    if (access) {
      try {
        const bytes = new Uint8Array(access.getSize());
        if (access.read(bytes, { at: 0 }) !== bytes.length) throw new Error(`short read of ${name}`);
        return bytes;
      } finally {
        access.close();
      }
    }
  }
  return new Uint8Array(await (await handle.getFile()).arrayBuffer());
}

/** Writes `bytes` as the file `name` (synchronous access handle in a worker, else a writable stream). */
async function writeFile(folder: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const handle = (await folder.getFileHandle(name, { create: true })) as SyncHandle;
  if (handle.createSyncAccessHandle) {
    const access = await handle.createSyncAccessHandle();
    try {
      access.truncate(0);
      if (access.write(bytes, { at: 0 }) !== bytes.length) throw new Error(`short write of ${name}`);
      access.flush();
    } finally {
      access.close();
    }
    return;
  }
  const writable = await handle.createWritable();
  await writable.write(bytes as Uint8Array<ArrayBuffer>);
  await writable.close();
}

/** What a stored core file is served as (`instantiateStreaming` insists on the wasm type). */
function contentType(name: string): string {
  if (name.endsWith(".wasm")) return "application/wasm";
  if (name.endsWith(".mjs")) return "text/javascript";
  if (name.endsWith(".json")) return "application/json";
  return "application/octet-stream";
}
