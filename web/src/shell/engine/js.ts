/**
 * Runs the app author's `js=` functions (dependency `js` source strings).
 * This is code from the app itself (like any script on its page), compiled
 * once per dependency. Return-value handling follows Gradio: `undefined`
 * means "no values", and a bare value is wrapped when exactly one is expected.
 */

import type { DependencyConfig } from "../types.js";

type Compiled = (args: unknown[]) => Promise<unknown[]>;

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
    fn = new AsyncFunction("__args", body) as Compiled;
    cache.set(key, fn);
  }
  return fn;
}

/** Runs the app-level `config.js` once after mounting (Gradio's `js=` on Blocks). */
export async function runAppJs(source: string): Promise<void> {
  const fn = new AsyncFunction(`const f = (${source}); if (typeof f === "function") await f();`);
  await fn();
}
