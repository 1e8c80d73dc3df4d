/**
 * Pyodide packages of an app, downloaded while the interpreter starts.
 *
 * Pyodide's own loader only fetches a package when `loadPackage` is called,
 * i.e. after the interpreter is up, and reports any failure as "Failed to
 * fetch". Here the worker resolves the app's packages through the site's
 * `pyodide-lock.json` (`depends`, shared libraries included), starts every
 * download at once, reports progress (names, bytes), checks each file against
 * the lock's sha256, and knows for each package why it failed (HTTP status,
 * unreachable, checksum). `loadPackage` then gets the downloaded bytes through
 * a `fetch` wrapper, so nothing is downloaded twice.
 */

/** One entry of `pyodide-lock.json` (the fields used here). */
interface LockEntry {
  name: string;
  file_name: string;
  sha256: string;
  depends?: string[];
}

export interface Lock {
  packages: Record<string, LockEntry>;
}

export interface DownloadProgress {
  packages: string[];
  loaded: number;
  /** Sum of the sizes known so far (Content-Length of each response). */
  total: number;
  done: boolean;
}

/** PEP 503 normalisation, as the lock's keys and `depends` are compared. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

/** Lock keys of `names` and of everything they depend on. */
export function resolvePackages(lock: Lock, names: string[]): { keys: string[]; unknown: string[] } {
  const byName = new Map(Object.keys(lock.packages).map((key) => [normalizeName(key), key]));
  const keys = new Set<string>();
  const unknown: string[] = [];
  const stack = [...names];
  while (stack.length > 0) {
    const name = stack.pop()!;
    const key = byName.get(normalizeName(name));
    if (key === undefined) {
      unknown.push(name);
      continue;
    }
    if (keys.has(key)) continue;
    keys.add(key);
    stack.push(...(lock.packages[key]!.depends ?? []));
  }
  return { keys: [...keys].sort(), unknown };
}

export class PackageDownloads {
  /** Package file URL -> its verified bytes. */
  private readonly files = new Map<string, Promise<Uint8Array>>();
  /** Package name -> why it could not be downloaded. */
  readonly failures = new Map<string, string>();
  readonly done: Promise<void>;
  private loaded = 0;
  private total = 0;
  private lastReport = 0;

  /** The packages the app asked for first, then their dependencies (what the boot bar names). */
  private readonly order: string[];

  constructor(readonly keys: string[], lock: Lock, indexURL: string,
    private readonly report: (progress: DownloadProgress) => void, requested: string[] = []) {
    const asked = new Set(requested.map(normalizeName));
    this.order = [...keys.filter((k) => asked.has(normalizeName(k))), ...keys.filter((k) => !asked.has(normalizeName(k)))];
    const downloads = keys.map((key) => {
      const entry = lock.packages[key]!;
      const url = new URL(entry.file_name, indexURL).href;
      const bytes = this.download(url, entry);
      this.files.set(url, bytes);
      return bytes.catch((error: Error) => { this.failures.set(entry.name, error.message); });
    });
    this.done = Promise.all(downloads).then(() => this.progress(true));
  }

  /** A `fetch` that answers package URLs with the downloaded bytes (Pyodide's loader calls it). */
  wrap(original: typeof fetch): typeof fetch {
    return (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const bytes = this.files.get(new URL(url, self.location.href).href);
      if (!bytes) return original(input, init);
      return bytes.then((body) => new Response(body as BodyInit, { status: 200 }));
    };
  }

  /** One line per failed package: its name and the reason. */
  describeFailures(): string {
    return [...this.failures].map(([name, reason]) => `${name}: ${reason}`).join("\n");
  }

  private async download(url: string, entry: LockEntry): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new Error(`${url} is unreachable (${(error as Error).message}; offline, or another origin without CORS)`);
    }
    if (!response.ok) throw new Error(`GET ${url} -> ${response.status} ${response.statusText}`.trim());
    const size = Number(response.headers.get("content-length") ?? 0);
    // A gzip-encoded response reports the compressed size: count it, but never let loaded exceed total.
    this.total += size;
    const bytes = await this.read(response, size);
    if (globalThis.crypto?.subtle) {
      const digest = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as BufferSource)));
      if (digest !== entry.sha256.toLowerCase()) {
        throw new Error(`${entry.file_name} does not match the sha256 in pyodide-lock.json (got ${digest.slice(0, 12)}…)`);
      }
    }
    return bytes;
  }

  private async read(response: Response, size: number): Promise<Uint8Array> {
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
      this.loaded += value.byteLength;
      this.progress(false);
    }
    if (size && length > size) this.total += length - size;  // decoded bytes of a gzip response
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  private progress(done: boolean): void {
    const now = performance.now();
    if (!done && now - this.lastReport < 100) return;  // at most ten updates a second
    this.lastReport = now;
    this.report({ packages: this.order, loaded: this.loaded, total: Math.max(this.total, this.loaded), done });
  }
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
