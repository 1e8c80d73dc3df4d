/**
 * The page's side of the service worker: registers `sw.js`, waits (bounded)
 * for it to control the page, and hands it one request port per app on the
 * page, keyed by the app's URL prefix.
 *
 * The service worker loses its ports whenever it is stopped (idle kill,
 * update); it then asks with `need-port` and gets fresh ones. A hard reload
 * leaves the page uncontrolled; a `claim` message fixes that without a reload.
 * Nothing here is required: without a service worker every app still works
 * through the direct transport.
 */
import { type AppPort, type PageToSW, isSWToPage } from "./protocol";

export interface LinkedApp {
  /** URL path prefix of the app's routes, with a trailing slash. */
  prefix: string;
  /** A fresh port served by the app's worker. */
  makePort(): MessagePort;
}

const CONTROL_TIMEOUT_MS = 3000;

class ServiceWorkerLink {
  private readonly apps: LinkedApp[] = [];
  private started: Promise<boolean> | null = null;
  private controlled = false;
  /** Set once an app asked to keep files (with the extra URLs it named). */
  private kept: Set<string> | null = null;

  /** Adds `app`; resolves true once the service worker answers its URLs. */
  async add(app: LinkedApp, swUrl: string, scope: string): Promise<boolean> {
    this.apps.push(app);
    this.started ??= this.start(swUrl, scope);
    if (!(await this.started)) return false;
    this.send(navigator.serviceWorker.controller, [app]);
    return true;
  }

  /**
   * Asks the active service worker to claim again once an app's worker runs: a worker
   * created before the first-visit claim may otherwise stay uncontrolled, and then
   * Python's own fetches to its routes would miss the service worker.
   */
  reclaim(): void {
    if (this.controlled) navigator.serviceWorker.controller?.postMessage({ type: "claim" } satisfies PageToSW);
  }

  /**
   * Hands the service worker the URLs of the files this page loaded (and `extra`, e.g. a worker
   * script): it keeps the content-hashed ones for the next visit. A first visit loads them before
   * the service worker controls the page, so they did not pass through it.
   */
  keep(extra: string[] = []): void {
    this.kept ??= new Set();
    for (const url of extra) this.kept.add(url);
    this.sendKeep(this.controlled ? navigator.serviceWorker?.controller : null);
  }

  /** True while a service worker controls the page and holds our ports. */
  active(): boolean {
    return this.controlled && navigator.serviceWorker?.controller != null;
  }

  private async start(swUrl: string, scope: string): Promise<boolean> {
    const container = globalThis.navigator?.serviceWorker;
    if (!container || !globalThis.isSecureContext) return false;
    container.addEventListener("message", (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isSWToPage(message)) return;
      if (message.type === "rebuilt") reloadForRebuild();
      else if (message.type === "need-port") this.send(event.source as ServiceWorker | null, this.apps, message.token);
    });
    // A new version took over: it has no ports yet.
    container.addEventListener("controllerchange", () => {
      if (!this.controlled) return;
      this.send(container.controller, this.apps);
      this.sendKeep(container.controller);  // the older version stopped keeping files
      sendPage(container.controller);
    });
    let registration: ServiceWorkerRegistration;
    try {
      registration = await container.register(swUrl, { scope, updateViaCache: "none" });
    } catch (error) {
      console.warn("wasmui: service worker unavailable, using the direct transport", error);
      return false;
    }
    if (!container.controller) {
      // First visit: skipWaiting + clients.claim hand us control within ~100 ms.
      // Hard reload (Shift+Reload): the active worker must be asked to claim us.
      void container.ready.then((registration) => registration.active?.postMessage({ type: "claim" } satisfies PageToSW));
      await waitForController(container, CONTROL_TIMEOUT_MS);
    }
    this.controlled = container.controller != null;
    if (this.controlled) sendPage(container.controller);
    watchUpdates(registration);
    return this.controlled;
  }

  private sendKeep(target: ServiceWorker | null | undefined): void {
    if (!target || !this.kept) return;
    const loaded = performance.getEntriesByType("resource").map((entry) => entry.name);
    target.postMessage({ type: "keep", urls: [...new Set([...loaded, ...this.kept])] } satisfies PageToSW);
  }

  private send(target: ServiceWorker | null, apps: LinkedApp[], token?: number): void {
    if (!target) return;
    const ports: AppPort[] = apps.map((app) => ({ prefix: app.prefix, port: app.makePort() }));
    const message: PageToSW = { type: "ports", apps: ports, token };
    target.postMessage(message, ports.map((p) => p.port));
  }
}

/** This page's hash (`wasmui build` stamps it; a page the dev server renders has none). */
function pageHash(): string | null {
  const hash = document.querySelector<HTMLMetaElement>('meta[name="wasmui-page"]')?.content ?? "";
  return /^[0-9a-f]{16}$/.test(hash) && !/^0+$/.test(hash) ? hash : null;
}

/** Lets the service worker keep this page and check it against the network's copy. */
function sendPage(target: ServiceWorker | null): void {
  const page = pageHash();
  if (page) target?.postMessage({ type: "page", page } satisfies PageToSW);
}

let touched = false;
for (const type of ["pointerdown", "keydown"]) addEventListener(type, () => { touched = true; }, { capture: true, once: true });

/**
 * The site was rebuilt since the stored copy of this page was kept: the new one is loaded. Not
 * once the visitor started using the page (what they typed would be lost), and once per page
 * hash (a host that keeps serving an older copy cannot cause a reload loop).
 */
function reloadForRebuild(): void {
  const page = pageHash();
  const key = `wasmui-rebuilt ${location.pathname}`;
  try {
    if (!page || touched || sessionStorage.getItem(key) === page) {
      console.info("wasmui: the site was rebuilt; reload the page for the new version");
      return;
    }
    sessionStorage.setItem(key, page);
  } catch {
    return;  // no session storage (a sandboxed frame): no guard against a loop, so no reload
  }
  location.reload();
}

/**
 * Hurries a new version (a rebuild) into control. Its install handler calls skipWaiting(), yet
 * Chromium can keep it waiting for minutes while an older version controls this page; asked
 * again by message, it activates at once and controllerchange re-sends ports and kept files.
 */
function watchUpdates(registration: ServiceWorkerRegistration): void {
  const hurry = (worker: ServiceWorker | null) => worker?.postMessage({ type: "skip-waiting" } satisfies PageToSW);
  hurry(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") hurry(worker);
    });
  });
}

function waitForController(container: ServiceWorkerContainer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    container.addEventListener("controllerchange", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/** One link per page, shared by every `<wasmui-app>` on it. */
export const serviceWorkerLink = new ServiceWorkerLink();
