/**
 * The files a worker boot fetches and writes besides the core (`precompressed.ts`): the wheel,
 * the JS glue imported from a blob, the lazy finder's setup, and which core files a broken
 * site lacks. `BootError` names the boot phase that failed.
 */
import type { PyodideAPI } from "pyodide";
import type { Phase } from "./protocol";
import { unpackStoredZip } from "./storedzip";

/** A boot failure: the phase, a one-line message and the details (a traceback, the missing files). */
export class BootError extends Error {
  constructor(readonly phase: Phase, message: string, readonly traceback: string) {
    super(message);
  }
}

/** Files of every Pyodide distribution (the interpreter's JS glue is named per version). */
const CORE_FILES = ["pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

/** Core files the site does not serve (only checked after a failed boot). */
export async function missingCoreFiles(siteBase: string, indexURL: string): Promise<string[]> {
  if (!siteBase) return [];
  const core = indexURL || new URL("pyodide/", siteBase).href;
  const urls = [...CORE_FILES.map((name) => new URL(name, core).href), new URL("wasmui-manifest.json", siteBase).href];
  const checks = await Promise.all(urls.map(async (url) => {
    const path = url.startsWith(siteBase) ? url.slice(siteBase.length) : url;
    try {
      const response = await fetch(url, { method: "HEAD", cache: "no-store" });
      return response.ok ? null : `${path} (${response.status})`;
    } catch {
      return `${path} (unreachable)`;
    }
  }));
  return checks.filter((c): c is string => c !== null);
}

/**
 * Modules the build left out of the boot archives load on first import from `lazyURL`
 * (`wasmui/lazy_imports.py`, in the boot stdlib zip as `_wasmui_lazy`). Also after a snapshot
 * restore: the finder is in the snapshot, its files are not.
 */
export function installLazyImports(pyodide: PyodideAPI, lazyURL: string | null): void {
  if (lazyURL) pyodide.runPython(`import _wasmui_lazy\n_wasmui_lazy.install(${JSON.stringify(lazyURL)})`);
}

/** The wheel unpacked into site-packages: from JS when its members are stored (milliseconds), else by Pyodide. */
export function unpackWheel(pyodide: PyodideAPI, wheel: Uint8Array, sitePackages: string): void {
  if (!unpackStoredZip(pyodide.FS, wheel, sitePackages)) pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

/** The default export of the ES module at `url`, fetched (inflated by CoreFetch) and imported from a blob. */
export async function importFromBlob(url: string): Promise<unknown> {
  return importFromResponse(await fetchOk(url));
}

/** The ES module `response` holds (its namespace), imported from a blob. */
export async function importModule<T>(response: Response): Promise<T> {
  const blobURL = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: "text/javascript" }));
  try {
    return (await import(/* @vite-ignore */ blobURL)) as T;
  } finally {
    URL.revokeObjectURL(blobURL);
  }
}

/** The default export of the ES module `response` holds, imported from a blob. */
export async function importFromResponse(response: Response): Promise<unknown> {
  return (await importModule<{ default: unknown }>(response)).default;
}

export function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

export async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new BootError("download", `GET ${url} -> ${response.status}`, "");
  return response;
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

export async function fetchJson<T>(url: string): Promise<T> {
  return (await (await fetchOk(url)).json()) as T;
}

/** The app's files: relative path and content. */
export type AppFiles = (readonly [string, string | Uint8Array])[];

/** Writes the app's files into `appDir`. */
export function writeAppFiles(pyodide: PyodideAPI, appDir: string, files: AppFiles): void {
  for (const [path, content] of files) {
    const target = `${appDir}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
    pyodide.FS.writeFile(target, content);
  }
}
