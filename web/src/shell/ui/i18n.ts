/**
 * `gr.I18n`: Gradio's translation markers, translated into the browser's
 * language. Python sends a translatable string as
 * `__i18n__{"__type__": "translation_metadata", "key": "k"}` (values) or as the
 * `{"__type__": "translation_metadata", "key": "k"}` object (other props), with
 * the tables in `config.i18n_translations`. The key is looked up in each of
 * `navigator.languages` (exact tag, then its base language), then English;
 * an unknown key shows as itself.
 */

type Tables = Record<string, Record<string, string>>;
export type Translate = (value: unknown) => unknown;

const MARKER = "__i18n__";

/** The tables to try, best first, for the given browser languages. */
export function pickTables(tables: Tables, languages: readonly string[]): Record<string, string>[] {
  const byLower = new Map(Object.entries(tables).map(([code, t]) => [code.toLowerCase().replace("_", "-"), t]));
  const order: Record<string, string>[] = [];
  const add = (code: string): void => {
    const t = byLower.get(code.toLowerCase());
    if (t && !order.includes(t)) order.push(t);
  };
  for (const lang of languages) {
    add(lang);
    add(lang.split("-")[0]!);
  }
  add("en");
  return order;
}

function keyOf(value: unknown): string | null {
  if (typeof value === "string") {
    if (!value.startsWith(MARKER)) return null;
    try {
      const meta = JSON.parse(value.slice(MARKER.length)) as { key?: unknown };
      return typeof meta.key === "string" ? meta.key : null;
    } catch {
      return null;
    }
  }
  if (value && typeof value === "object" && (value as { __type__?: unknown }).__type__ === "translation_metadata") {
    const key = (value as { key?: unknown }).key;
    return typeof key === "string" ? key : null;
  }
  return null;
}

/** A function replacing every marker inside a props value (arrays and plain objects walked). */
export function makeTranslator(tables: Tables, languages: readonly string[]): Translate {
  const order = pickTables(tables, languages);
  const lookup = (key: string): string => {
    for (const t of order) if (key in t) return t[key]!;
    return key;
  };
  const walk = (value: unknown): unknown => {
    const key = keyOf(value);
    if (key !== null) return lookup(key);
    if (typeof value === "string" && value.includes(MARKER)) {
      // a marker inside a longer string (Gradio's `i18n("k") + "!"`)
      return value.replace(/__i18n__(\{[^{}]*\})/g, (m, json: string) => {
        const k = keyOf(MARKER + json);
        return k === null ? m : lookup(k);
      });
    }
    if (Array.isArray(value)) {
      const mapped = value.map(walk);
      return mapped.some((v, i) => v !== value[i]) ? mapped : value;
    }
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = walk(v);
        if (out[k] !== v) changed = true;
      }
      return changed ? out : value;
    }
    return value;
  };
  return walk;
}
