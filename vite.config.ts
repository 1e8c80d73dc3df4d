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

export default defineConfig({
  base: "./",
  publicDir: false,
  plugins: [offlineOnly()],
  build: {
    outDir: "wasmui/_web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      // early.ts: the inline boot script `wasmui build` copies into each page (no imports).
      input: { wasmui: "web/src/main.ts", early: "web/src/early.ts" },
      // A stable entry name: built pages reference assets/wasmui.js.
      output: { entryFileNames: "assets/[name].js", chunkFileNames: "assets/[name]-[hash].js", assetFileNames: "assets/[name]-[hash][extname]" },
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
