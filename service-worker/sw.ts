/// <reference lib="webworker" />
/**
 * wasmui service worker: answers the HTTP routes of the apps on its pages
 * (`<prefix>config`, `<prefix>theme.css`, `<prefix>gradio_api/...`) by
 * forwarding them as requests to the app's Pyodide worker over a MessagePort
 * that the page handed over, and the site's content-hashed files from its
 * cache (assetcache.ts), and a repeat visit's app page from its cache too (revalidated once the
 * page runs). Everything else goes to the network untouched.
 *
 * Ports are kept per client id (a reloaded page is a new client with a new
 * worker). After a restart the map is empty: the client is asked for fresh
 * ports (`need-port`), bounded by a timeout so a request never hangs.
 */
import { PortClient, PortTimeout } from "../web/src/portclient";
import { AssetCache } from "./assetcache";
import { APP_ROUTE, type SWToPage, isPageToSW } from "../web/src/protocol";

declare const self: ServiceWorkerGlobalScope;

/** Replaced by the content hash of the build (`python -m wasmui.webassets`). */
const VERSION = "__WASMUI_BUILD_HASH__";
const NEED_PORT_TIMEOUT_MS = 3000;
/** Cheap pre-filter: the path ends in an app route after some prefix. */
const MAYBE_APP = /\/(config|theme\.css|gradio_api(\/.*)?)$/;

interface Entry {
  prefix: string;
  clientId: string;
  client: PortClient;
}

const entries = new Map<string, Entry[]>();
const waiting = new Map<number, () => void>();
let nextToken = 1;
const assets = new AssetCache(self.registration.scope, VERSION);

self.addEventListener("install", (event) => {
  void self.skipWaiting();
  event.waitUntil(assets.addRoutes(event));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(Promise.all([self.clients.claim(), assets.dropOthers()]));
});

self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const message: unknown = event.data;
  const source = event.source as Client | null;
  if (!isPageToSW(message) || !source) return;
  if (message.type === "keep") {
    event.waitUntil(assets.keep(Array.isArray(message.urls) ? message.urls.map(String) : []));
    return;
  }
  if (message.type === "skip-waiting") {
    // Chromium may leave an installed update waiting while a page it controls stays open, even
    // after the install handler's skipWaiting(); asking again from the message activates it.
    event.waitUntil(self.skipWaiting());
    return;
  }
  if (message.type === "page") {
    const stale = assets.revalidatePage(source.url, String(message.page));
    event.waitUntil(stale.then((rebuilt) => rebuilt && source.postMessage({ type: "rebuilt" } satisfies SWToPage)));
    return;
  }
  if (message.type === "claim") {
    // A hard reload leaves the page uncontrolled; claiming fixes it without a reload.
    event.waitUntil(self.clients.claim().then(() => source.postMessage({ type: "claimed" } satisfies SWToPage)));
    return;
  }
  const list = (entries.get(source.id) ?? []).filter((e) => !message.apps.some((a) => a.prefix === e.prefix));
  for (const app of message.apps) {
    const clientId = source.id;
    list.push({
      prefix: app.prefix,
      clientId,
      client: new PortClient(app.port, 5000, async () => (await self.clients.get(clientId)) != null),
    });
  }
  entries.set(source.id, list);
  if (message.token !== undefined) waiting.get(message.token)?.();
});

self.addEventListener("fetch", (event: FetchEvent) => {
  const url = new URL(event.request.url);
  if (event.request.method === "GET" && assets.owns(url)) {
    event.respondWith(assets.respond(event.request));
    return;
  }
  // Where static routing is missing, the stored page is served here instead (assetcache.ts).
  if (event.request.mode === "navigate" && assets.ownsPage(url)) {
    event.respondWith(assets.respondPage(event.request));
    return;
  }
  if (url.origin !== self.location.origin || !MAYBE_APP.test(url.pathname)) return;
  event.respondWith(route(event, url.pathname));
});

async function route(event: FetchEvent, path: string): Promise<Response> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const entry = await findEntry(event.clientId || event.resultingClientId, path);
    if (!entry) return fetch(event.request);
    try {
      return await entry.client.request(event.request.clone());
    } catch (error) {
      if (!(error instanceof PortTimeout)) return errorResponse(502, error);
      forget(entry);
    }
  }
  return errorResponse(504, new PortTimeout());
}

function match(list: Entry[] | undefined, path: string): Entry | undefined {
  let best: Entry | undefined;
  for (const entry of list ?? []) {
    if (!path.startsWith(entry.prefix) || !APP_ROUTE.test(path.slice(entry.prefix.length))) continue;
    if (!best || entry.prefix.length > best.prefix.length) best = entry;
  }
  return best;
}

/** The entry answering `path` for `clientId`, asking pages for ports when we have none. */
async function findEntry(clientId: string, path: string): Promise<Entry | undefined> {
  const own = match(entries.get(clientId), path);
  if (own) return own;
  const client = clientId ? await self.clients.get(clientId) : undefined;
  if (client && client.type === "window" && !entries.has(clientId)) {
    await needPort(client);
    const fresh = match(entries.get(clientId), path);
    if (fresh) return fresh;
  }
  // Navigations (downloads opened in a tab), dedicated workers, or pages we lost
  // after a restart: any live page that serves this prefix will do.
  let found = await matchAnywhere(path);
  if (found) return found;
  const windows = await self.clients.matchAll({ type: "window" });
  await Promise.all(windows.filter((w) => !entries.has(w.id)).map(needPort));
  found = await matchAnywhere(path);
  return found;
}

async function matchAnywhere(path: string): Promise<Entry | undefined> {
  for (const [clientId, list] of entries) {
    if (!(await self.clients.get(clientId))) {
      entries.delete(clientId);
      continue;
    }
    const entry = match(list, path);
    if (entry) return entry;
  }
  return undefined;
}

function needPort(client: Client): Promise<void> {
  const token = nextToken++;
  return new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      waiting.delete(token);
      resolve();
    };
    const timer = setTimeout(finish, NEED_PORT_TIMEOUT_MS);
    waiting.set(token, finish);
    client.postMessage({ type: "need-port", token } satisfies SWToPage);
  });
}

function forget(entry: Entry): void {
  const list = entries.get(entry.clientId)?.filter((e) => e !== entry);
  if (list && list.length > 0) entries.set(entry.clientId, list);
  else entries.delete(entry.clientId);
}

function errorResponse(status: number, error: unknown): Response {
  const text = `wasmui service worker ${VERSION}: ${String((error as Error)?.message ?? error)}`;
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
