/**
 * Local build of the shell dev harness (web/dev/shell.html), used by the
 * shell's end-to-end tests and for manual checks:
 *   npx vite build --config web/dev/vite.config.mjs --outDir /tmp/shell-dev
 *   npx vite --config web/dev/vite.config.mjs      (dev server)
 * The real app build (vite.config.ts) belongs to the runtime engineer.
 */
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  logLevel: "warn",
  build: {
    outDir: process.env.SHELL_DEV_OUT ?? "/tmp/wasmui-shell-dev",
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL("./shell.html", import.meta.url)) },
  },
});
