/**
 * gr.BrowserState's stored value, read when the store is built (before the
 * page's `load` event), so the first events already see what the browser kept.
 * The view (BrowserState.ts, a lazy chunk) writes changes back.
 */

import type { Props } from "../types.js";

export function storedBrowserState(props: Props): unknown {
  const key = typeof props.storage_key === "string" ? props.storage_key : "";
  try {
    const raw = key ? localStorage.getItem(key) : null;
    if (raw != null) return JSON.parse(raw);
  } catch {
    /* storage unavailable or a corrupt entry: the default applies */
  }
  return props.default_value ?? null;
}
