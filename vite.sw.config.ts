/** The service worker: one classic script `sw.js` at the site root (its scope). */
import { defineConfig } from "vite";

export default defineConfig({
  publicDir: false,
  build: {
    outDir: "wasmui/_web",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    lib: { entry: "service-worker/sw.ts", formats: ["iife"], name: "wasmuiSW", fileName: () => "sw.js" },
  },
});
