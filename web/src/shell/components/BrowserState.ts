/**
 * gr.BrowserState: a JSON value kept in the visitor's localStorage under
 * `storage_key`. It starts from the stored value (or `default_value`) and is
 * written back whenever it changes. Nothing is shown.
 *
 * Gradio encrypts the stored value with `secret`; the value never leaves this
 * browser here, so it is stored as plain JSON.
 */

import { useEffect } from "preact/hooks";
import type { ComponentChild } from "preact";
import type { Props } from "../types.js";
import type { ViewModule, ViewProps } from "./context.js";

function storageKey(props: Props): string | null {
  return typeof props.storage_key === "string" && props.storage_key ? props.storage_key : null;
}

/** The value a BrowserState starts with: the stored one, else `default_value`. */
export function initialBrowserState(props: Props): unknown {
  const key = storageKey(props);
  try {
    const raw = key ? localStorage.getItem(key) : null;
    if (raw !== null) return JSON.parse(raw);
  } catch {
    /* storage disabled or a corrupt entry: fall back to the default */
  }
  return props.default_value ?? null;
}

export function BrowserState({ state }: ViewProps): ComponentChild {
  const props = state.props.value;
  const key = storageKey(props);
  useEffect(() => {
    if (!key) return;
    try {
      localStorage.setItem(key, JSON.stringify(props.value ?? null));
    } catch {
      /* quota or privacy mode: the value still lives for this page */
    }
  }, [key, props.value]);
  return null;
}

export default { view: BrowserState } satisfies ViewModule;
