/**
 * Mounts the shell (`web/src/shell/index.ts`, owned by the shell) into an
 * app's shadow root, or a minimal placeholder when the shell is not part of
 * the build (runtime-only builds and tests of the runtime).
 */

export interface ShellOptions {
  /** The Gradio `/config` JSON, with `root` set to the app's absolute root. */
  config: Record<string, unknown>;
  /** fetch() over the app's transport. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Absolute app root URL, no trailing slash. */
  root: string;
  /** A URL usable in src/href for an app URL (a blob: URL when no service worker runs). */
  resolveUrl: (url: string) => Promise<string>;
  /** Settles when Python is ready. */
  ready: Promise<void>;
  /** Only paint the app (gallery previews): no page-load events, heartbeat or app js. */
  preview?: boolean;
  /** The app's Gradio theme stylesheet when the page embeds it (else the shell fetches it). */
  themeCss?: string;
}

type ShellModule = { mountShell: (target: ShadowRoot, options: ShellOptions) => unknown };

// A glob, not an import: the runtime builds and runs before the shell exists.
const shells = import.meta.glob<ShellModule>("./shell/index.ts", { eager: true });

export async function mountShellOrPlaceholder(target: ShadowRoot, options: ShellOptions): Promise<void> {
  const shell = shells["./shell/index.ts"];
  if (shell) {
    await shell.mountShell(target, options);
    return;
  }
  const box = document.createElement("div");
  box.className = "wasmui-placeholder";
  box.setAttribute("part", "placeholder");
  const title = typeof options.config.title === "string" ? options.config.title : "wasmui app";
  const count = Array.isArray(options.config.components) ? options.config.components.length : 0;
  box.textContent = `${title}: ${count} components (shell not built)`;
  target.append(box);
}
