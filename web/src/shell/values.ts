/**
 * Small readers for config values (props arrive as `unknown`) and DOM ids.
 * Shared by views and by the `ui/` pieces; no Preact, no DOM.
 */

/** DOM ids must be unique inside the shadow root; prefix them by block id. */
export function domId(id: number, part = "input"): string {
  return `wasmui-${id}-${part}`;
}

export function str(v: unknown, fallback = ""): string {
  return typeof v === "string" ? v : v == null ? fallback : String(v);
}

export function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function classList(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
