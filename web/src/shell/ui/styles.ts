/**
 * Per-view CSS. Each view (and each shared `ui/` piece) keeps its CSS next to
 * it and asks for it with `useCss(css)` when it renders; the shell inserts
 * each sheet once into the shadow root, before the app's own `css` so app
 * authors can still override it. A view that never mounts costs no CSS, and a
 * lazily loaded view brings its CSS in its own chunk.
 */

import { createContext } from "preact";
import { useContext } from "preact/hooks";

export type AddCss = (css: string) => void;

export const StyleContext = createContext<AddCss>(() => {});

/** Makes sure the given sheets are in the shadow root (idempotent, synchronous: no unstyled flash). */
export function useCss(...sheets: (string | undefined)[]): void {
  const add = useContext(StyleContext);
  for (const css of sheets) if (css) add(css);
}

/** The shadow root's sheet list: `add` inserts a `<style>` before `before`, once per sheet text. */
export class StyleHost {
  private readonly _seen = new Set<string>();
  private readonly _els: HTMLStyleElement[] = [];
  private readonly _before: Node;

  constructor(before: Node) {
    this._before = before;
  }

  readonly add: AddCss = (css) => {
    if (this._seen.has(css)) return;
    this._seen.add(css);
    const el = document.createElement("style");
    el.textContent = css;
    this._before.parentNode?.insertBefore(el, this._before);
    this._els.push(el);
  };

  /** How many sheets were inserted (tests and diagnostics). */
  get size(): number {
    return this._seen.size;
  }

  remove(): void {
    for (const el of this._els) el.remove();
    this._els.length = 0;
    this._seen.clear();
  }
}
