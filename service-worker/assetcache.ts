/// <reference lib="webworker" />
/**
 * The service worker's cache of the site's content-hashed files: Vite's `assets/<name>-<hash>.js`
 * chunks, the worker script, the page entry's hashed copy, fonts. Their names change with their
 * content, so a stored copy is never stale: a repeat visit gets them without a request (on a host
 * that revalidates, each was a round trip, and the worker script and the page entry were chained
 * behind the HTML). Everything else (the HTML, `assets/wasmui.js`, the manifest, the app's files,
 * Pyodide's files) is left to the network, so a rebuild is seen on the next load.
 *
 * One Cache Storage cache per scope and service worker version (`wasmui-assets <scope> <version>`);
 * a new version drops its scope's older caches when it activates. Filled as the files pass
 * through while the service worker runs, and from the page's list once an app is ready (a first
 * visit loads its files before the service worker controls it).
 *
 * The app's page is kept too, under its own URL: a repeat visit shows it without a round trip (a
 * host that revalidates costs one before anything else can start). Once it runs, the page sends
 * its hash (`<meta name="wasmui-page">`, stamped by `wasmui build`); the network's copy replaces
 * the stored one, and when its hash differs the page is told to reload (a rebuild). Offline, the
 * stored page still opens.
 *
 * Where the browser has static routing (`InstallEvent.addRoutes`), a repeat visit's requests do
 * not even wait for the service worker to start: hashed files and the kept page come from the
 * cache by name (a miss goes to the network), and everything that is neither one of them nor an
 * app route goes straight to the network.
 */

/** Hashed names below the scope: `assets/<name>-<8 characters of Vite's hash>.<ext>`, no query. */
const HASHED = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|mjs|css|woff2?|ttf)$/;
/** The app routes the fetch handler answers (protocol.ts APP_ROUTE), as URL patterns after the scope. */
const APP_ROUTE_PATTERNS = ["config", "theme.css", "gradio_api", "gradio_api/*"];
/** The page's hash as `wasmui build` writes it. */
const PAGE_MARK = /<meta name="wasmui-page" content="([0-9a-f]{16})">/;
/** Response headers kept on a stored copy (no Vary: a copy answers whatever the request's headers). */
const KEPT_HEADERS = ["content-type", "content-length", "last-modified", "etag"];

/** A static routing rule (the Service Worker static routing API; not in TypeScript's lib yet). */
interface RouterRule {
  condition: Record<string, unknown>;
  source: string | { cacheName: string };
}

type AddRoutes = (rules: RouterRule | RouterRule[]) => Promise<void>;

export class AssetCache {
  /** This version's cache. */
  readonly name: string;
  private readonly prefix: string;
  private readonly scope: URL;
  private opened: Promise<Cache> | null = null;

  constructor(scope: string, version: string) {
    this.scope = new URL(scope);
    this.prefix = `wasmui-assets ${this.scope.href} `;
    this.name = this.prefix + version;
  }

  /** Whether `url` names a content-hashed file of this site. */
  owns(url: URL): boolean {
    return url.origin === this.scope.origin && url.search === "" && url.pathname.startsWith(this.scope.pathname)
      && HASHED.test(url.pathname.slice(this.scope.pathname.length));
  }

  /** Whether `url` may be a page of this site's apps (`<scope>[<path>/]` or its `index.html`, no query). */
  ownsPage(url: URL): boolean {
    const path = url.pathname.slice(this.scope.pathname.length);
    return url.origin === this.scope.origin && url.search === "" && url.pathname.startsWith(this.scope.pathname)
      && (path === "" || path.endsWith("/") || path === "index.html" || path.endsWith("/index.html"))
      && !path.split("/").includes("gradio_api");
  }

  /** The kept copy of the page `request` navigates to, else the network's answer. */
  async respondPage(request: Request): Promise<Response> {
    const hit = await (await this.open()).match(request.url).catch(() => undefined);
    return hit ?? fetch(request);
  }

  /**
   * Keeps the network's copy of the page at `url`, whose running copy has the hash `page`; true
   * when the network's hash differs (the site was rebuilt: the running copy came from the cache).
   * Offline or on a server error the kept copy stays; a page that is gone or no longer an app's
   * is dropped.
   */
  async revalidatePage(url: string, page: string): Promise<boolean> {
    const target = new URL(url);
    target.hash = "";
    if (!this.ownsPage(target) || retired()) return false;
    const response = await fetch(target.href, { cache: "no-cache", redirect: "manual" }).catch(() => null);
    if (!response || response.status >= 500) return false;
    const cache = await this.open();
    const text = response.status === 200 ? await response.text().catch(() => "") : "";
    const fresh = PAGE_MARK.exec(text)?.[1];
    if (!fresh) {
      await cache.delete(target.href);
      return false;
    }
    await this.put(cache, target.href, new Response(text, { headers: response.headers }));
    return fresh !== page;
  }

  /** The stored copy of `request`, else the network's answer (kept when it is a whole 200). */
  async respond(request: Request): Promise<Response> {
    const cache = await this.open();
    const hit = await cache.match(request.url).catch(() => undefined);
    if (hit) return hit;
    // A hashed name's bytes never change: any copy in the HTTP cache will do, stale or not.
    const response = await fetch(request.mode === "navigate" ? request : new Request(request, { cache: "force-cache" }));
    if (response.status === 200 && !response.redirected && response.type === "basic") {
      void this.put(cache, request.url, response.clone());
    }
    return response;
  }

  /** Stores the hashed files among `urls` that are not stored yet (from the HTTP cache if it has them). */
  async keep(urls: string[]): Promise<void> {
    if (retired()) return;  // a newer version runs: it keeps them (the page asks it again)
    void this.dropOthers();  // an older version's late write re-created its cache
    const cache = await this.open();
    const wanted = [...new Set(urls)].filter((u) => {
      try {
        return this.owns(new URL(u));
      } catch {
        return false;
      }
    });
    await Promise.all(wanted.map(async (url) => {
      if (await cache.match(url)) return;
      const response = await fetch(url, { cache: "force-cache" }).catch(() => null);
      if (response?.status === 200 && !response.redirected) await this.put(cache, url, response);
    }));
  }

  /** Deletes this scope's caches of other versions (an older build's files). */
  async dropOthers(): Promise<void> {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(this.prefix) && n !== this.name).map((n) => caches.delete(n)));
  }

  /**
   * Declares the static routes (install time). Each rule is added on its own: a browser that
   * lacks a condition skips that rule and the fetch handler does its work.
   */
  async addRoutes(event: ExtendableEvent): Promise<void> {
    const add = (event as ExtendableEvent & { addRoutes?: AddRoutes }).addRoutes?.bind(event);
    if (!add) return;
    const base = this.scope.href;
    const root = escapePattern(this.scope.pathname);
    // Wider than HASHED (a pattern has no "8 characters"): only what `owns` accepts is ever stored,
    // so another name matching it misses the cache and goes to the network.
    const hashed = { pathname: `${root}assets/*-*`, search: "", baseURL: base };
    // At the scope (a single-app site) or below it (a gallery's apps/<name>/, a page's own prefix).
    // Absolute pathnames: a relative one would be resolved against the base's folder.
    const routes = APP_ROUTE_PATTERNS.flatMap((route) => [`${root}${route}`, `${root}*/${route}`])
      .map((pathname) => ({ urlPattern: { pathname, baseURL: base } }));
    // The app pages ownsPage accepts (an app route under them is caught by the rule before).
    const pages = [root, `${root}index.html`, `${root}*/`, `${root}*/index.html`]
      .map((pathname) => ({ requestMode: "navigate", urlPattern: { pathname, search: "", baseURL: base } }));
    const rules: RouterRule[] = [
      // Running anyway: through the fetch handler, which also stores what it has not yet.
      { condition: { urlPattern: hashed, runningStatus: "running" }, source: "fetch-event" },
      { condition: { urlPattern: hashed }, source: { cacheName: this.name } },
      { condition: { or: routes }, source: "fetch-event" },
      { condition: { or: pages }, source: { cacheName: this.name } },
      { condition: { not: { or: routes } }, source: "network" },
    ];
    try {
      await add(rules);
    } catch {
      // One rule this browser lacks fails the lot: add the others one by one.
      for (const rule of rules) await add(rule).catch((error: unknown) => console.warn("wasmui service worker: static route skipped", error));
    }
  }

  private open(): Promise<Cache> {
    this.opened ??= caches.open(this.name);
    this.opened.catch(() => { this.opened = null; });
    return this.opened;
  }

  private async put(cache: Cache, url: string, response: Response): Promise<void> {
    if (retired()) return;
    const headers = new Headers();
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      // A gzipped body is stored inflated: its length is not the header's.
      if (value !== null && !(name === "content-length" && response.headers.has("content-encoding"))) headers.set(name, value);
    }
    try {
      const body = await response.arrayBuffer();
      await cache.put(url, new Response(body, { status: 200, headers }));
    } catch {
      // quota or a broken body: the next visit asks the network again
    }
  }
}

/** Whether a newer version of this service worker took over (its writes would re-create a dropped cache). */
function retired(): boolean {
  const own = (globalThis as unknown as { serviceWorker?: ServiceWorker }).serviceWorker;
  return own?.state === "redundant";
}

/** `text` as a literal URL pattern (escapes the pattern syntax's special characters). */
export function escapePattern(text: string): string {
  return text.replace(/[\\:*?+(){}]/g, "\\$&");
}
