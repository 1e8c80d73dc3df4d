/**
 * The page's transport to an app: a `fetch`-compatible function over a
 * MessagePort straight to the app's worker (no service-worker hop on the hot
 * path). The shell's protocol client uses only this function, so the same
 * shell runs over the worker, over the service worker, or over plain `fetch`
 * against a native server.
 *
 * Requests wait until the worker is ready, so the shell can paint from the
 * embedded config and queue events while Python boots.
 */
import type { PortClient } from "./portclient";

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface Transport {
  /** fetch() for the app's URLs (under `root`); other URLs go to the network. */
  fetch: FetchLike;
  /**
   * A URL usable in `src`/`href` for an app URL. With a service worker in
   * control this is the URL itself; without one (file://, SW disabled) the
   * resource is fetched over the port and a `blob:` URL is returned.
   */
  resolveUrl(url: string): Promise<string>;
  /** Resolves when the worker answers requests (rejects if boot failed). */
  ready: Promise<void>;
}

export interface TransportOptions {
  /** Absolute URL of the app root, no trailing slash. */
  root: string;
  /** Settles when the worker is booted. */
  ready: Promise<void>;
  /** Whether a service worker currently answers this app's URLs. */
  serviceWorkerActive: () => boolean;
}

export function createTransport(port: MessagePort, options: TransportOptions): Transport {
  // The page owns the worker, so a late ack only means Python is busy: never give up.
  // The port client is a lazy chunk (not needed to paint): every request waits for Python
  // anyway, and the port queues the worker's messages until the client listens.
  const client: Promise<PortClient> = import("./portclient").then((m) => new m.PortClient(port, 5000, async () => true));
  const prefix = `${options.root}/`;
  const blobs = new Map<string, Promise<string>>();
  const settled = options.ready.then(() => undefined, () => undefined);

  const isAppUrl = (url: string): boolean => url === options.root || url.startsWith(prefix);

  const appFetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    if (!isAppUrl(request.url)) return fetch(request);
    // A failed boot still goes to the worker, which answers 503 with the traceback.
    await settled;
    return (await client).request(request);
  };

  const resolveUrl = async (url: string): Promise<string> => {
    const absolute = new URL(url, document.baseURI).href;
    if (!isAppUrl(absolute) || options.serviceWorkerActive()) return absolute;
    let blob = blobs.get(absolute);
    if (!blob) {
      blob = appFetch(absolute).then(async (response) => {
        if (!response.ok) throw new Error(`wasmui: GET ${absolute} -> ${response.status}`);
        return URL.createObjectURL(await response.blob());
      });
      blobs.set(absolute, blob);
      blob.catch(() => blobs.delete(absolute));
    }
    return blob;
  };

  return { fetch: appFetch, resolveUrl, ready: options.ready };
}
