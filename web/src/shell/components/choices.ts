/**
 * Shared helpers for choice components (Radio, CheckboxGroup, Dropdown).
 * Gradio sends `choices` as `[display, value]` pairs; older configs may send
 * bare values, which display as themselves.
 */

export type Choice = { label: string; value: unknown };

export function normalizeChoices(raw: unknown): Choice[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((c) =>
    Array.isArray(c) && c.length === 2 ? { label: String(c[0]), value: c[1] } : { label: String(c), value: c },
  );
}

/** Choice values compared by JSON identity (numbers vs strings stay distinct). */
export function sameChoice(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function indexOfChoice(choices: Choice[], value: unknown): number {
  return choices.findIndex((c) => sameChoice(c.value, value));
}
