/**
 * Page bundle: `assets/wasmui.js` (the <wasmui-app> element, shell, transport)
 * and the app worker, into wasmui/_web/. The service worker is built by
 * vite.sw.config.ts; Pyodide and the wasmui wheel are added by
 * `python -m wasmui.webassets`.
 */
import { defineConfig, type Plugin } from "vite";

/**
 * A built site never talks to another origin. Some bundled libraries keep CDN
 * addresses for optional extras (Plotly's geo topojson, BokehJS's MathJax and icon
 * fonts, map icons); those addresses are pointed at a path inside the site that does
 * not exist, so such an extra fails (and says so in the console) instead of calling out.
 */
function offlineOnly(): Plugin {
  const cdn = /https:\/\/cdn[\w.-]*\.(?:net|ly|com|org)\//g;
  return {
    name: "wasmui-offline-only",
    renderChunk(code, chunk) {
      if (!cdn.test(code)) return null;
      cdn.lastIndex = 0;
      const found = new Set(code.match(cdn));
      this.warn(`${chunk.fileName}: CDN addresses kept offline: ${[...found].join(", ")}`);
      return { code: code.replace(cdn, "./wasmui-offline/"), map: null };
    },
  };
}

/**
 * Vite wraps every `import()` in a preload helper (1.3 kB gzip in the first-paint
 * entry) that adds <link rel=modulepreload|stylesheet> for the chunk's deps. This
 * build has no such deps (modulePreload is off and all CSS is inlined with `?inline`),
 * so the helper is replaced by one that only keeps its error contract: the import runs
 * a microtask later and a failure fires `vite:preloadError` (cancelable) before
 * rethrowing. The build fails if a CSS file or a deps list ever appears.
 */
function noPreloadHelper(): Plugin {
  const id = "\0vite/preload-helper.js";
  return {
    name: "wasmui-no-preload-helper",
    enforce: "pre",
    resolveId: (source) => (source === id ? id : null),
    load: (source) => source !== id ? null : `export const __vitePreload = (load, deps) => {
  if (deps && deps.length) throw new Error("wasmui: unexpected preload deps " + deps);
  return Promise.resolve().then(load).catch((err) => {
    const e = new Event("vite:preloadError", { cancelable: true });
    e.payload = err;
    window.dispatchEvent(e);
    if (!e.defaultPrevented) throw err;
  });
};`,
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === "asset" && file.fileName.endsWith(".css")) this.error(`${file.fileName}: CSS chunks need Vite's preload helper (see noPreloadHelper)`);
        if (file.type === "chunk" && /\b__vite__mapDeps\b/.test(file.code)) this.error(`${file.fileName}: preload deps need Vite's preload helper (see noPreloadHelper)`);
      }
    },
  };
}

/**
 * The page entry is named by its content (`assets/wasmui-<hash>.js`): built pages load it by that
 * name, and the service worker keeps hashed names, so a repeat visit does not wait for a stable
 * name to be revalidated. Pages that embed wasmui keep `assets/wasmui.js`: a stub re-exporting the
 * hashed entry that also imports the entry's own imports, so they download alongside it (no
 * deeper chain than a stable-named entry had). Lazy chunks import the hashed entry: one instance.
 */
function stableEntry(): Plugin {
  return {
    name: "wasmui-stable-entry",
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((f) => f.type === "chunk" && f.isEntry && f.name === "wasmui");
      if (!entry || entry.type !== "chunk") return this.error("wasmui-stable-entry: no `wasmui` entry chunk");
      const local = (fileName: string) => `./${fileName.replace(/^assets\//, "")}`;
      const lines = [
        "// The stable entry for pages that embed wasmui (built pages load the hashed one directly).",
        ...entry.imports.map((name) => `import "${local(name)}";`),
        `export * from "${local(entry.fileName)}";`,
      ];
      this.emitFile({ type: "asset", fileName: "assets/wasmui.js", source: lines.join("\n") + "\n" });
    },
  };
}

export default defineConfig({
  base: "./",
  publicDir: false,
  plugins: [noPreloadHelper(), offlineOnly(), stableEntry()],
  build: {
    outDir: "wasmui/_web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      // early.ts: the inline boot script `wasmui build` copies into each page (no imports).
      input: { wasmui: "web/src/main.ts", early: "web/src/early.ts" },
      // The page entry is hashed (stableEntry adds `assets/wasmui.js`); early.js is inlined by `wasmui build`.
      output: {
        entryFileNames: (chunk) => (chunk.name === "wasmui" ? "assets/wasmui-[hash].js" : "assets/[name].js"), chunkFileNames: "assets/[name]-[hash].js", assetFileNames: "assets/[name]-[hash][extname]",
        // Preact, its hooks and the shell's values helpers are needed by the first paint and by
        // every lazy view: one shared chunk (one request), not a split by who imports what.
        codeSplitting: { groups: [{ name: "preact", test: /node_modules[\\/]preact[\\/](dist[\\/]preact|hooks[\\/]dist[\\/]hooks)\.mjs$|web[\\/]src[\\/]shell[\\/]values\.ts$/ }] },
      },
      // Lets code shared by the entry and the lazy view chunks stay in the
      // entry (one first-paint file) instead of a separate common chunk.
      preserveEntrySignatures: "allow-extension",
    },
  },
  worker: {
    format: "es",
    rolldownOptions: { output: { entryFileNames: "assets/[name]-[hash].js" } },
  },
});
