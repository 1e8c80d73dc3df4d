/**
 * The wasmui shell: renders a Gradio `/config` inside a shadow root and runs
 * its events through Gradio's queue protocol over an injected `fetch`.
 *
 *   mountShell(shadowRoot, { config, fetch, root, resolveUrl? })
 *
 * `fetch` may go to the Pyodide worker (MessagePort), through the service
 * worker, or to a native server; the shell does not care which.
 */

import { h, render, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import { signal, type Signal } from "@preact/signals";
import type { GradioConfig, LayoutNode } from "./types.js";
import { GradioClient } from "./client/client.js";
import { Store } from "./engine/store.js";
import { Engine, loadJs } from "./engine/engine.js";
import { appDocument } from "./engine/appdocument.js";
import { Toasts } from "./ui/toasts.js";
import { THEME_CSS, scopeAppCss, scopeThemeCss } from "./ui/theme.js";
import { makeRenderNode } from "./render.js";
import { StyleContext, StyleHost } from "./ui/styles.js";
import { descriptorFor, prefetchTypes } from "./components/registry.js";
import type { ShellContext } from "./components/context.js";

export type { GradioConfig } from "./types.js";

export type ShellOptions = {
  config: GradioConfig;
  fetch: typeof fetch;
  root: string;
  resolveUrl?: (url: string) => Promise<string>;
  /**
   * Settles when the backend can answer (Python ready in the worker). The
   * shell paints at once from the config; requests wait for this.
   */
  ready?: Promise<void>;
  /** Only paint (a gallery preview): no page-load events, heartbeat or app js. */
  preview?: boolean;
  /**
   * The app's Gradio theme stylesheet (`/theme.css`; `wasmui build` embeds it in the
   * page). Without it the shell asks `${root}/theme.css` once the backend is ready.
   */
  themeCss?: string;
};

/**
 * Light or dark, as Gradio decides: `?__theme=dark|light` in the URL, else a
 * `dark`/`light` class on the host element (or on the page's html/body when the
 * app is embedded), else the system setting, followed live.
 */
function colorMode(host: Element, ownsPage: boolean): "dark" | "light" | null {
  const param = new URLSearchParams(location.search).get("__theme");
  if (param === "dark" || param === "light") return param;
  if (host.classList.contains("dark")) return "dark";
  if (host.classList.contains("light")) return "light";
  if (!ownsPage && (document.documentElement.classList.contains("dark") || document.body?.classList.contains("dark"))) return "dark";
  return null;
}

/** Adds the app's `head` HTML to the page once (scripts re-created so they run, as Gradio does). */
function addHead(html: string): void {
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of Array.from(template.content.childNodes)) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (el.tagName === "SCRIPT") {
      const script = document.createElement("script");
      for (const attr of Array.from(el.attributes)) script.setAttribute(attr.name, attr.value);
      script.textContent = el.textContent;
      document.head.append(script);
    } else {
      document.head.append(el);
    }
  }
}

/**
 * The toasts' view is a lazy chunk (toastview.ts): asked for with the first toast, or
 * once Python is ready (so an error shows without a wait). Until it is loaded nothing
 * is drawn, as the view draws nothing without toasts.
 */
const toastView = signal<((props: { toasts: Toasts }) => ComponentChild) | null>(null);
let toastViewLoading: Promise<void> | null = null;

function loadToastView(): Promise<void> {
  toastViewLoading ??= import("./ui/toastview.js").then(
    (m) => { toastView.value = m.ToastView; },
    (e: unknown) => { toastViewLoading = null; console.error("wasmui: the notifications view failed to load", e); },
  );
  return toastViewLoading;
}

function ToastSlot({ toasts }: { toasts: Toasts }): ComponentChild {
  const View = toastView.value;
  if (View) return h(View, { toasts });
  if (toasts.list.value.length) void loadToastView();
  return null;
}

type PageConfig = { layout: LayoutNode; components: number[]; dependencies: number[] };
type Pages = Record<string, PageConfig>;

/** The multipage parts of the config (`demo.route`): `page` per path, `pages` [path, name, in navbar]. */
function pagesOf(config: GradioConfig): { pages: Pages | null; nav: [string, string][] } {
  const pages = (config.page && typeof config.page === "object" ? config.page : null) as Pages | null;
  const list = Array.isArray(config.pages) ? (config.pages as [string, string, boolean][]) : [];
  const nav = list.filter((p) => p[2] !== false && pages && p[0] in pages).map((p): [string, string] => [p[0], p[1]]);
  return { pages: pages && Object.keys(pages).length > 1 ? pages : null, nav };
}

/** The page in the URL (`#/path`; the home page is `""`), if the app has it. */
function pageInUrl(pages: Pages | null): string {
  const wanted = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
  return pages && wanted in pages ? wanted : "";
}

/** A link of the navbar: a page path, optionally with a query (`"second?option=a"`). */
function navHref(target: string): string {
  const [path, query] = target.split("?", 2) as [string, string | undefined];
  return `${query !== undefined ? `?${query}` : ""}#/${encodeURIComponent(path.replace(/^\/+/, ""))}`;
}

/**
 * The navbar: the app's pages, adjusted by a `gr.Navbar` on the current page
 * (`visible`, `main_page_name` renames or drops Home, `value` adds links).
 */
function Navbar({ ctx, nav, current, ids }: { ctx: ShellContext; nav: [string, string][]; current: string; ids: number[] }): ComponentChild {
  const navbarId = ids.find((id) => ctx.store.get(id)?.type === "navbar");
  const settings = navbarId === undefined ? null : ctx.store.get(navbarId)!.props.value;
  if (settings && settings.visible === false) return null;
  let links = nav;
  if (settings && settings.main_page_name === false) links = links.filter(([path]) => path !== "");
  else if (settings && typeof settings.main_page_name === "string") {
    links = links.map(([path, name]): [string, string] => [path, path === "" ? (settings.main_page_name as string) : name]);
  }
  const extra = settings && Array.isArray(settings.value) ? (settings.value as [string, string][]) : [];
  const all: [string, string, string][] = [
    ...links.map(([path, name]): [string, string, string] => [path, name, navHref(path)]),
    ...extra.map(([name, target]): [string, string, string] => [String(target).split("?")[0]!.replace(/^\/+/, ""), String(name), navHref(String(target))]),
  ];
  if (all.length < 2 && navbarId === undefined) return null;
  return h(
    "nav",
    { class: "navbar", "aria-label": "Pages" },
    all.map(([path, name, href], i) =>
      h("a", { key: `${i}-${href}`, href, class: path === current ? "current" : undefined,
        "aria-current": path === current ? "page" : undefined }, name),
    ),
  );
}

function App({ ctx, config, toasts, styles, page }: { ctx: ShellContext; config: GradioConfig; toasts: Toasts; styles: StyleHost; page: Signal<string> }): ComponentChild {
  const { pages, nav } = pagesOf(config);
  const current = page.value;
  const layout = pages ? { ...config.layout, children: pages[current]?.layout.children ?? [] } : config.layout;
  return h(
    StyleContext.Provider,
    { value: styles.add },
    h(
      "div",
      { class: ["app", config.fill_width && "fill-width", config.fill_height && "fill-height"].filter(Boolean).join(" ") },
      h(Navbar, { ctx, nav: pages ? nav : [], current, ids: pages ? pages[current]?.components ?? [] : config.components.map((c) => c.id) }),
      ctx.renderNode(layout),
      config.wasmui_flagging === true ? h(FlaggedFooter, { ctx }) : null,
      h(ToastSlot, { toasts }),
    ),
  );
}

/**
 * Paints the app into `root` and starts it. Only apps that need them wait for the
 * chunks of deep links (`?deep_link=`), translations (`i18n_translations`) and the
 * runner of js code that runs at once, asked for together, before anything is drawn
 * (so nothing changes right after the first paint).
 */
export async function mountShell(root: ShadowRoot, opts: ShellOptions): Promise<{ unmount(): void }> {
  const tables = opts.config.i18n_translations;
  const hasTables = Boolean(tables && typeof tables === "object");
  const appJs = typeof opts.config.js === "string" && opts.config.js.trim() ? opts.config.js : null;
  // js.ts is awaited only when js runs at once (the app's js, a load event's js: no flash of the
  // values before it); otherwise it is asked for now, to be there when an event needs it.
  const jsDeps = opts.config.dependencies.filter((d) => typeof d.js === "string" && d.js);
  const jsAtLoad = appJs !== null || jsDeps.some((d) => d.targets.some((t) => t[1] === "load"));
  if (jsDeps.length && !jsAtLoad) void loadJs().catch(() => undefined);
  const [deepLink, i18n, js] = await Promise.all([
    new URLSearchParams(location.search).has("deep_link") ? import("./deeplink.js") : null,
    hasTables ? import("./ui/i18n.js") : null,
    jsAtLoad ? loadJs() : null,
  ]);
  const config = deepLink ? deepLink.applyDeepLink(opts.config, location.search) : opts.config;
  // Lazy views' chunks and renderer libraries load in parallel with the first paint.
  prefetchTypes(config.components);
  const appRoot = (opts.root || config.root || "").replace(/\/+$/, "");
  const ready = opts.ready ?? Promise.resolve();
  const fetchWhenReady: typeof fetch = (input, init) => ready.then(() => opts.fetch(input, init));
  const client = new GradioClient(fetchWhenReady, appRoot, config.api_prefix ?? "/gradio_api", config.max_file_size ?? null);
  // Gradio's page exposes its session (gr.DeepLinkButton's js asks the app for a link with it).
  if (!opts.preview) (window as { __gradio_session_hash__?: string }).__gradio_session_hash__ = client.sessionHash;
  const translate = i18n
    ? i18n.makeTranslator(tables as Record<string, Record<string, string>>, navigator.languages?.length ? navigator.languages : [navigator.language])
    : undefined;
  const store = new Store(config.components, config.dependencies, descriptorFor, translate);
  const toasts = new Toasts();
  const engine = new Engine(config, store, client, toasts);

  // The app's Gradio theme (its variables), the shell's sheet, views' sheets, then the app's css.
  const themeVars = document.createElement("style");
  themeVars.dataset.wasmui = "theme";
  const theme = document.createElement("style");
  theme.textContent = THEME_CSS;
  const appCss = document.createElement("style");
  appCss.textContent = typeof config.css === "string" ? scopeAppCss(config.css) : "";
  // `.wasmui-theme` carries the theme's variables and `dark` (as Gradio's body does);
  // `gradio-container` keeps custom CSS written for Gradio working.
  const themeRoot = document.createElement("div");
  themeRoot.className = "wasmui-theme";
  const container = document.createElement("div");
  container.className = "wasmui gradio-container";
  if (typeof config.theme === "string") container.dataset.theme = config.theme.toLowerCase();
  themeRoot.append(container);
  root.append(themeVars, theme, appCss, themeRoot);
  // Views' own CSS goes between the theme and the app's css (which must win).
  const styles = new StyleHost(appCss);
  let applyMode = (): void => {};
  const setTheme = (css: string): void => {
    themeVars.textContent = scopeThemeCss(css);
    applyMode();
  };
  if (opts.themeCss) setTheme(opts.themeCss);
  else {
    void fetchWhenReady(`${appRoot}/theme.css`)
      .then((r) => (r.ok ? r.text() : ""))
      .then((css) => css && setTheme(css), () => undefined);
  }

  // The shell owns the page (title, background, full height) only when it is the whole page.
  const ownsPage = root.host.parentElement === document.body;
  if (ownsPage) {
    themeRoot.classList.add("fill-page");
    container.classList.add("fill-page");
  }
  if (config.title && ownsPage) document.title = String(translate ? translate(config.title) : config.title);
  if (typeof config.head === "string" && config.head.trim()) addHead(config.head);

  // Dark mode: the theme root, the container (views' `.wasmui.dark` rules) and, when the
  // app is the page, <html> too, so no light band shows around a dark app.
  const fixed = colorMode(root.host, ownsPage);
  const media = window.matchMedia?.("(prefers-color-scheme: dark)");
  applyMode = (): void => {
    const dark = fixed ? fixed === "dark" : Boolean(media?.matches);
    for (const el of ownsPage ? [themeRoot, container, document.documentElement] : [themeRoot, container]) {
      el.classList.toggle("dark", dark);
      el.classList.toggle("light", !dark);
    }
    if (ownsPage) {
      // <html> gets the theme's background as computed here (the app's css may have changed it).
      const html = document.documentElement.style;
      html.colorScheme = dark ? "dark" : "light";
      const fill = getComputedStyle(themeRoot).getPropertyValue("--body-background-fill").trim();
      if (fill) html.background = fill;
    }
  };
  applyMode();
  if (!fixed) media?.addEventListener("change", applyMode);

  const ctx: ShellContext = {
    store,
    engine,
    client,
    toasts,
    resolveUrl: opts.resolveUrl ?? (async (u: string) => u),
    renderNode: makeRenderNode(() => ctx),
    userInput: (id, value) => store.setValue(id, value, "user"),
    trigger: (id, event, data) => engine.trigger(id, event, data ?? null),
  };

  const jsDocument = appDocument(root);
  engine.jsDocument = jsDocument;
  // `<wasmui-app data-events-done="N" data-events-failed="M">`: event runs that ended (and
  // failed), for tests and tools (an event with no outputs changes nothing they could see).
  engine.onEventDone = () => {
    root.host.setAttribute("data-events-done", String(engine.eventsDone));
    root.host.setAttribute("data-events-failed", String(engine.eventsFailed));
  };
  engine.scrollTo = (id) =>
    container.querySelector(`[data-testid="block-${id}"]`)?.scrollIntoView({ behavior: "smooth", block: "nearest" });

  // Multipage apps (demo.route): one page at a time, chosen by `#/path`; each visit to a
  // page runs its load events, as a page load does in Gradio.
  const { pages } = pagesOf(config);
  const page = signal(pageInUrl(pages));
  const loadPage = (): void => {
    const only = pages ? new Set(pages[page.value]?.dependencies ?? []) : null;
    engine.triggerLoad(config.layout.id, only);
  };
  const onHash = (): void => {
    const next = pageInUrl(pages);
    if (next === page.value) return;
    page.value = next;
    loadPage();
  };
  if (pages) window.addEventListener("hashchange", onHash);

  render(h(App, { ctx, config, toasts, styles, page }), container);
  if (opts.preview) {
    container.classList.add("preview");
    return { unmount: () => render(null, container) };
  }
  void ready.then(() => loadToastView(), () => undefined);
  if (config.connect_heartbeat) client.startHeartbeat();
  // The tab goes: close the session like a dropped Gradio heartbeat, so `demo.unload`
  // handlers run (the worker lives until the browser discards the page). A page kept in
  // the back-forward cache keeps its session.
  const onPageHide = (e: PageTransitionEvent): void => {
    if (!e.persisted) client.close();
  };
  window.addEventListener("pagehide", onPageHide);
  loadPage();
  // After the app is mounted, as in Gradio; an error goes to the console (Gradio's behaviour).
  if (appJs !== null && js) {
    js.runAppJs(appJs, jsDocument).catch((e) => console.error("Error executing custom JS:", e));
  }

  return {
    unmount() {
      window.removeEventListener("hashchange", onHash);
      window.removeEventListener("pagehide", onPageHide);
      media?.removeEventListener("change", applyMode);
      engine.close();
      client.close();
      toasts.close();
      render(null, container);
      theme.remove();
      themeVars.remove();
      styles.remove();
      appCss.remove();
      themeRoot.remove();
    },
  };
}

type FooterView = (p: { ctx: ShellContext }) => ComponentChild;

/** The flagged-data footer, a lazy chunk: only apps that flag load it (first-paint budget). */
function FlaggedFooter({ ctx }: { ctx: ShellContext }): ComponentChild {
  const [view, setView] = useState<FooterView | null>(null);
  useEffect(() => {
    void import("./ui/flagged.js").then((m) => setView(() => m.FlaggedDataFooter));
  }, []);
  return view ? h(view, { ctx }) : null;
}
