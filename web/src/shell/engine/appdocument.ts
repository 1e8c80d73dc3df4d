/**
 * The `document` the app's own js code sees (see js.ts): the app lives in a shadow root,
 * so element look-ups search it first, then the page. Part of the first paint (the
 * shell hands it to the engine at mount); js.ts, which runs the code, is a lazy chunk.
 */

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
