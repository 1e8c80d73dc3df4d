/**
 * Every message that crosses a boundary of the browser runtime, with guards.
 *
 * Three channels use these types:
 *  - page <-> worker control (`Worker.postMessage`): boot, phases, errors, ports;
 *  - request ports (a `MessagePort` per client of the worker; the client is the
 *    page's direct transport or the service worker): HTTP requests answered by
 *    the app's ASGI app, with streamed bodies in both directions;
 *  - page <-> service worker: port registration, `need-port`, `claim`.
 */

import type { EarlyBody } from "./precompressed";

/** Boot phases, in order; `ready` means requests are answered by Python. */
export type Phase = "download" | "python" | "packages" | "app" | "ready";

export const PHASES: readonly Phase[] = ["download", "python", "packages", "app", "ready"];

/** What the element tells the worker to boot. URLs are absolute. */
export interface BootOptions {
  /** Site root: where `pyodide/`, `wheels/` and `wasmui-manifest.json` live. */
  siteBase: string;
  /** Path prefix of the app's HTTP routes, no trailing slash ("" for the origin root). */
  rootPath: string;
  /** Stable id of this app on the page; names its directory in the Pyodide FS. */
  appId: string;
  /** App files: relative path -> inline text, or `{ url }` to fetch. */
  files: Record<string, string | { url: string }>;
  /** The file run as `__main__` (relative to the app dir). */
  entry: string;
  /** Requirement specifiers (installed with micropip from the site's wheels). */
  requirements: string[];
  /**
   * Pyodide packages the app needs (names in the lock; dependencies are resolved there),
   * downloaded while the interpreter starts. Undefined: found from the entry file's imports.
   */
  packages?: string[];
  /** Base URL of the Pyodide distribution (default: the manifest's, else `<siteBase>pyodide/`). */
  pyodide?: string;
  /** Serve a plain ASGI app `module:attr` instead of a Gradio app (tests, advanced use). */
  asgi?: string;
  /** The site's manifest, inlined in the page by `wasmui build` (else the worker fetches it). */
  manifest?: unknown;
}

export type WorkerControlIn =
  | { type: "boot"; options: BootOptions }
  | { type: "port"; port: MessagePort }
  /** From the page's inline boot script (`early.ts`): URLs it is downloading, then each body. */
  | { type: "expect"; urls: string[]; manifest?: unknown }
  | { type: "early"; early: EarlyBody };

export type WorkerControlOut =
  | { type: "phase"; phase: Phase; at: number; detail?: string }
  | { type: "ready"; at: number; timings: Record<string, number> }
  | { type: "boot-error"; phase: Phase; message: string; traceback: string }
  | { type: "log"; stream: "stdout" | "stderr"; text: string }
  | { type: "download"; packages: string[]; loaded: number; total: number; done: boolean }
  /** Memory snapshot news: restored at boot, saved after ready, discarded after a failed restore. */
  | { type: "snapshot"; action: "restored" | "saved" | "discarded"; detail: string; /** It holds the app already run. */ app?: boolean };

/** A request sent to the worker; its body (if any) follows as `body` messages. */
export interface RequestStart {
  type: "request";
  id: number;
  method: string;
  url: string;
  headers: [string, string][];
  hasBody: boolean;
}

export type PortIn =
  | RequestStart
  | { type: "body"; id: number; chunk: ArrayBuffer; more: boolean }
  | { type: "disconnect"; id: number };

export type PortOut =
  | { type: "ack"; id: number }
  | { type: "start"; id: number; status: number; headers: [string, string][] }
  | { type: "body"; id: number; chunk: ArrayBuffer; more: boolean }
  | { type: "error"; id: number; message: string; traceback?: string };

/** One app's request port as registered with the service worker. */
export interface AppPort {
  prefix: string;
  port: MessagePort;
}

export type PageToSW =
  | { type: "ports"; apps: AppPort[]; token?: number }
  | { type: "claim" }
  /** Content-hashed files of the site the page loaded: the service worker keeps them for the next visit. */
  | { type: "keep"; urls: string[] }
  /** To a waiting (installed) version: take over now. */
  | { type: "skip-waiting" }
  /** The page's own hash (`<meta name="wasmui-page">`): keep the page, say if the network has a newer one. */
  | { type: "page"; page: string };

export type SWToPage =
  | { type: "need-port"; token: number }
  | { type: "claimed" }
  /** The page came from the service worker's cache and the site has been rebuilt since: reload. */
  | { type: "rebuilt" };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function hasType(value: unknown): value is { type: string } {
  return isObject(value) && typeof value.type === "string";
}

export function isPortOut(value: unknown): value is PortOut {
  return hasType(value) && typeof (value as { id?: unknown }).id === "number"
    && ["ack", "start", "body", "error"].includes(value.type);
}

export function isPortIn(value: unknown): value is PortIn {
  return hasType(value) && typeof (value as { id?: unknown }).id === "number"
    && ["request", "body", "disconnect"].includes(value.type);
}

export function isWorkerControlOut(value: unknown): value is WorkerControlOut {
  return hasType(value) && ["phase", "ready", "boot-error", "log", "download", "snapshot"].includes(value.type);
}

export function isWorkerControlIn(value: unknown): value is WorkerControlIn {
  return hasType(value) && ["boot", "port", "expect", "early"].includes(value.type);
}

export function isPageToSW(value: unknown): value is PageToSW {
  return hasType(value) && ["ports", "claim", "keep", "skip-waiting", "page"].includes(value.type);
}

export function isSWToPage(value: unknown): value is SWToPage {
  return hasType(value) && ["need-port", "claimed", "rebuilt"].includes(value.type);
}

/** The Gradio routes the service worker answers under an app prefix. */
export const APP_ROUTE = /^(config|theme\.css|gradio_api(\/.*)?)$/;

/** Statuses whose responses must not carry a body (the Response constructor throws). */
export const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
