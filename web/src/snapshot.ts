/**
 * Memory snapshots of a ready interpreter, kept in the browser for the next visit.
 *
 * The worker snapshots a second, throwaway interpreter after `import wasmui` and,
 * where it can, after the app module ran in it (`wasmui._pyodide.preload`; that
 * interpreter never serves a request, so no visit's state is ever captured; the
 * entry names the app it holds) and stores it under a key made of the
 * site's build hash and the Pyodide distribution's URL. A new build gets a new
 * key (the site's entries of other builds are deleted when a new one is saved);
 * Pyodide itself refuses a snapshot of another interpreter build (its BUILD_ID
 * is in the snapshot header), and the worker then discards the entry and boots
 * normally.
 *
 * Stored uncompressed but without its zero pages (`sparse.ts`), with the inflated
 * interpreter (`pyodide.asm.wasm`), stdlib zips, JS glue, Pyodide's JS, lock file and wasmui
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
/** The OPFS folder of all entries: a folder per site (`siteFolder`), in it one per entry (`entryName`). */
const ROOT = "wasmui-snapshots";
/** The entry's description, written last. */
const ENTRY = "entry.json";
/** The snapshot's file in an entry's folder (core files keep their names). */
export const SNAPSHOT = "snapshot";
/** Header naming the Pyodide version that wrote an entry (diagnostics only). */
const VERSION_HEADER = "x-wasmui-pyodide";

/** What `entry.json` holds. */
interface Entry {
  key: string;
  version: string;
  /** Every file of the entry (the snapshot's and the core files') and its length. */
  files: Record<string, number>;
  /** The app the snapshot holds already run (`restore.ts` appKey), if any. */
  app?: string;
}

export class SnapshotStore {
  /** The entry, read once per store (null: none, or unreadable). */
  private entry: Promise<{ folder: FileSystemDirectoryHandle; entry: Entry } | null> | null = null;
  /** The entry's folder, looked up once per store. */
  private folder: Promise<FileSystemDirectoryHandle> | null = null;
  /** Files of the entry being opened or open, not read yet (`openFiles`). */
  private readonly opened = new Map<string, Promise<Opened>>();

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
    const prefix = new URL("__wasmui-snapshot/", siteBase).href;
    return new SnapshotStore(prefix, `${prefix}${encodeURIComponent(build)}/${encodeURIComponent(indexURL)}`);
  }

  /**
   * Starts opening the entry's files `names` all at once: each open is a round trip to the
   * browser's storage (measured under load: 6 files one after the other 10-100 ms, at once 8-23
   * ms), and a read of an open file is synchronous. Each is closed when it is read (or discarded).
   */
  openFiles(names: string[]): void {
    for (const name of [ENTRY, ...names]) {
      if (this.opened.has(name)) continue;
      const opening = this.entryFolder().then((folder) => openFile(folder, name));
      opening.catch(() => undefined);  // read (and its failure reported) later
      this.opened.set(name, opening);
      everyOpened.add(opening);
    }
  }

  /** Whether a whole entry is stored (its files unread). */
  async has(): Promise<boolean> {
    return (await this.readEntry()) !== null;
  }

  /** The app the stored snapshot holds already run (`restore.ts` appKey); null: none, or no snapshot. */
  async app(): Promise<string | null> {
    return (await this.readEntry())?.entry.app ?? null;
  }

  /** The stored snapshot, uncompressed; null when there is none. Throws when it is damaged. */
  async load(): Promise<Uint8Array | null> {
    const bytes = await this.loadSparse();
    return bytes && expand(bytes);
  }

  /** The stored snapshot as stored, without its zero pages (`sparse.ts`); null when there is none. */
  async loadSparse(): Promise<Uint8Array | null> {
    const found = await this.readEntry();
    if (!found) return null;
    const bytes = await this.readChecked(found.folder, SNAPSHOT, found.entry);
    if (!isSparse(bytes)) throw new Error("the stored snapshot is damaged");
    return bytes;
  }

  /**
   * The stored inflated core file named `name` (e.g. `pyodide.asm.wasm`), or null when there is none.
   * Throws when it is not what was stored (length, magic bytes): Pyodide never settles on a wasm
   * that does not compile, so a damaged copy must not reach it.
   */
  async loadCore(name: string): Promise<Response | null> {
    const found = await this.readEntry();
    if (!found || found.entry.files[name] === undefined) {
      void this.take(name)?.then((file) => { file.access?.close(); file.access = null; }, () => undefined);
      return null;
    }
    const bytes = await this.readChecked(found.folder, name, found.entry);
    const magic = name.endsWith(".wasm") ? [0x00, 0x61, 0x73, 0x6d] : /\.(zip|whl)$/.test(name) ? [0x50, 0x4b] : [];
    if (magic.some((b, i) => bytes[i] !== b)) throw new Error(`the stored copy of ${name} is damaged`);
    return bytesResponse(bytes, contentType(name));
  }

  /** Stores `snapshot` (holding the app `app` already run, if any) and the inflated core files, and
   * deletes this site's entries of other builds. */
  async save(snapshot: Uint8Array, version: string, core: Map<string, Uint8Array> = new Map(), app: string | null = null): Promise<number> {
    await this.forget();
    const site = await this.siteFolder(true);
    const name = entryName(this.key);
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
    await writeFile(folder, ENTRY, new TextEncoder().encode(JSON.stringify({ key: this.key, version, files, ...(app ? { app } : {}) } satisfies Entry)));
    if (typeof caches !== "undefined") {
      await (await caches.open(CACHE)).put(this.key, new Response("opfs", { headers: { [VERSION_HEADER]: version } }));
    }
    return snapshot.byteLength;
  }

  /** Throws this build's entry away (it failed to restore). */
  async discard(): Promise<void> {
    await this.forget();
    await this.dropCacheStorage(true);
    const site = await this.siteFolder(false).catch(() => null);
    await site?.removeEntry(entryName(this.key), { recursive: true }).catch(() => undefined);
  }

  /**
   * Closes the files opened and not read (by any store of this worker: an open file cannot be
   * removed or written), and forgets what was read (the entry is about to change).
   */
  private async forget(): Promise<void> {
    this.opened.clear();
    this.entry = null;
    readEntries.delete(this.key);
    this.folder = null;
    await closeOpened();
  }

  private entryFolder(): Promise<FileSystemDirectoryHandle> {
    this.folder ??= this.siteFolder(false).then((site) => site.getDirectoryHandle(entryName(this.key)));
    this.folder.catch(() => undefined);
    return this.folder;
  }

  /** The file `name` of the entry (opened by `open`, else now), refused when its length is not
   * the one `entry.json` names. */
  private async readChecked(folder: FileSystemDirectoryHandle, name: string, entry: Entry): Promise<Uint8Array> {
    let bytes: Uint8Array;
    try {
      bytes = await this.read(folder, name);
    } catch (error) {
      throw new Error(`the stored copy of ${name} is missing (${(error as Error)?.name ?? error})`);
    }
    if (bytes.length !== entry.files[name]) {
      throw new Error(name === SNAPSHOT ? "the stored snapshot is truncated" : `the stored copy of ${name} is damaged`);
    }
    return bytes;
  }

  private async read(folder: FileSystemDirectoryHandle, name: string): Promise<Uint8Array> {
    return readOpened(await (this.take(name) ?? openFile(folder, name)), name);
  }

  /** The opening of `name` that `open` started, handed to the caller (no longer closed by `forget`). */
  private take(name: string): Promise<Opened> | undefined {
    const opening = this.opened.get(name);
    this.opened.delete(name);
    if (opening) everyOpened.delete(opening);
    return opening;
  }

  private readEntry(): Promise<{ folder: FileSystemDirectoryHandle; entry: Entry } | null> {
    // A store of the same id read it already (the read-ahead's store, while the boot's asks
    // `app()`): looking it up again is 4-5 round trips to the browser, each answered only when
    // the restore lets this thread go (measured: 370-580 ms, the boot waiting on it).
    this.entry ??= readEntries.get(this.key) ?? null;
    this.entry ??= (async () => {
      try {
        const folder = await this.entryFolder();
        const entry = JSON.parse(new TextDecoder().decode(await this.read(folder, ENTRY))) as Entry;
        if (entry.key === this.key && entry.files && typeof entry.files === "object") return { folder, entry };
      } catch {
        // none stored (NotFoundError), or an unfinished entry
      }
      this.opened.clear();
      await closeOpened();  // so that a normal boot can replace what is there
      return null;
    })();
    readEntries.set(this.key, this.entry);
    return this.entry;
  }

  /** This site's folder (sites on one origin keep apart: their snapshot prefixes differ). */
  private async siteFolder(create: boolean): Promise<FileSystemDirectoryHandle> {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT, { create });
    return root.getDirectoryHandle(entryName(this.prefix), { create });
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

/**
 * A folder name for `text` (keys are URLs: too long and too odd for a file name): two 32-bit
 * FNV-1a hashes. Synchronous (a digest would be one more round trip before the first read); a
 * collision cannot mix entries up: `entry.json` names its key, and another key is no entry.
 */
function entryName(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
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

/** The entry each store read in this worker, by store id (`readEntry`; dropped by `forget`). */
const readEntries = new Map<string, Promise<{ folder: FileSystemDirectoryHandle; entry: Entry } | null>>();

/** Every file opened for reading in this worker and not read yet. */
const everyOpened = new Set<Promise<Opened>>();

/** Closes every file opened for reading and not read yet. */
async function closeOpened(): Promise<void> {
  const opened = [...everyOpened];
  everyOpened.clear();
  await Promise.all(opened.map((opening) => opening.then((file) => { file.access?.close(); file.access = null; }, () => undefined)));
}

/** A file opened for reading: a synchronous access handle where there is one, else the handle. */
interface Opened {
  access: SyncAccess | null;
  handle: FileSystemFileHandle;
}

async function openFile(folder: FileSystemDirectoryHandle, name: string): Promise<Opened> {
  const handle = (await folder.getFileHandle(name)) as SyncHandle;
  let access: SyncAccess | null = null;
  try {
    access = (await handle.createSyncAccessHandle?.({ mode: "read-only" })) ?? null;
  } catch {
    // another tab holds it, or no read-only mode: read it as a File
  }
  return { access, handle };
}

/** The bytes of an opened file (its handle closed). */
async function readOpened(opened: Opened, name: string): Promise<Uint8Array> {
  const access = opened.access;
  if (!access) return new Uint8Array(await (await opened.handle.getFile()).arrayBuffer());
  try {
    const bytes = new Uint8Array(access.getSize());
    if (access.read(bytes, { at: 0 }) !== bytes.length) throw new Error(`short read of ${name}`);
    return bytes;
  } finally {
    access.close();
    opened.access = null;
  }
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

/** The bytes each `bytesResponse` holds. */
const heldBytes = new WeakMap<Response, Uint8Array>();

/** A response holding `bytes`, which `bytesOf` gives back without reading its body. */
export function bytesResponse(bytes: Uint8Array, type: string): Response {
  const response = new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } });
  heldBytes.set(response, bytes);
  return response;
}

/**
 * The bytes `response` holds when `bytesResponse` made it. A wasm compiled from them
 * (`WebAssembly.compile`) leaves this thread free, while `compileStreaming` of the same response
 * held it for the whole compile (measured in a worker, the 9.6 MB interpreter: 65-125 ms blocked,
 * against at most ~10 ms), and reading its body first (`arrayBuffer`) is one more ~35 ms copy.
 */
export function bytesOf(response: Response): Uint8Array | undefined {
  return heldBytes.get(response);
}

/** What a stored core file is served as (`instantiateStreaming` insists on the wasm type). */
function contentType(name: string): string {
  if (name.endsWith(".wasm")) return "application/wasm";
  if (name.endsWith(".mjs")) return "text/javascript";
  if (name.endsWith(".json")) return "application/json";
  return "application/octet-stream";
}
