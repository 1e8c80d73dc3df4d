/**
 * Runs the app author's `js=` functions (dependency `js` source strings) and the app-level
 * `js` (Blocks/launch `js=`). This is code from the app itself (like any script on its page),
 * compiled once per source. Return-value handling follows Gradio: `undefined` means "no
 * values", and a bare value is wrapped when exactly one is expected.
 *
 * The app lives in a shadow root, so `document.querySelector(".gradio-container")` or
 * `document.getElementById("my_elem_id")` — what apps written for Gradio do — would find
 * nothing. Their code sees `document` as {@link appDocument}: element look-ups search the
 * app's shadow root first, then the page; everything else is the real document.
 */

import type { DependencyConfig } from "../types.js";

type Compiled = (args: unknown[], document: Document | undefined) => Promise<unknown[]>;

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
  ...args: string[]
) => (...a: unknown[]) => Promise<unknown>;

const cache = new Map<string, Compiled>();

export function compileDepJs(dep: DependencyConfig): Compiled {
  const wrap = dep.backend_fn ? dep.inputs.length === 1 : dep.outputs.length === 1;
  const key = `${wrap}:${dep.js}`;
  let fn = cache.get(key);
  if (!fn) {
    const body = `const r = await (${dep.js})(...__args);
if (typeof r === "undefined") return [];
return (${wrap} && !Array.isArray(r)) ? [r] : r;`;
    fn = new AsyncFunction("__args", "document", body) as Compiled;
    cache.set(key, fn);
  }
  return fn;
}

/**
 * Runs the app-level `js` once the app is mounted, as Gradio 6.31 does: the source is first
 * compiled as one expression (`() => {...}`, a function that is then called), and when it is
 * not one, as statements (`function f() {...} f();`, a script).
 */
export async function runAppJs(source: string, doc: Document | undefined = globalThis.document): Promise<void> {
  const text = source.trim().replace(/;+$/, "");
  let fn: (...a: unknown[]) => Promise<unknown>;
  try {
    fn = new AsyncFunction("document", `return (\n${text}\n);`);
  } catch {
    fn = new AsyncFunction("document", source);
  }
  const result = await fn(doc);
  if (typeof result === "function") await (result as () => unknown)();
}

/** `document` for the app's own code: look-ups by id, selector or class see inside `root`. */
export function appDocument(root: ShadowRoot): Document {
  const real = root.ownerDocument;
  const lookups: Record<string, (arg: string) => unknown> = {
    querySelector: (s) => root.querySelector(s) ?? real.querySelector(s),
    querySelectorAll: (s) => {
      const inside = root.querySelectorAll(s);
      return inside.length ? inside : real.querySelectorAll(s);
    },
    getElementById: (id) => root.getElementById(id) ?? real.getElementById(id),
    getElementsByClassName: (names) => {
      const inside = root.querySelectorAll(names.trim().split(/\s+/).map((n) => `.${CSS.escape(n)}`).join(""));
      return inside.length ? [...inside] : real.getElementsByClassName(names);
    },
  };
  return new Proxy(real, {
    get(target, prop) {
      if (typeof prop === "string" && prop in lookups) return lookups[prop];
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
