/**
 * gr.BrowserState: draws nothing. On mount the value comes from
 * localStorage[storage_key] (JSON), else `default_value`; whenever the value
 * changes afterwards (an event's output) it is written back, so it survives
 * reloads. Storage failures (private mode, quota) keep the in-memory value.
 */

import type { ComponentChild } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { str, type ViewModule, type ViewProps } from "./context.js";

function read(key: string): { found: boolean; value: unknown } {
  try {
    const raw = localStorage.getItem(key);
    return raw == null ? { found: false, value: null } : { found: true, value: JSON.parse(raw) };
  } catch {
    return { found: false, value: null };
  }
}

export function BrowserState({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const key = str(props.storage_key);
  const loaded = useRef(false);
  useLayoutEffect(() => {
    const stored = read(key);
    ctx.store.setValue(state.id, stored.found ? stored.value : (props.default_value ?? null), "output");
    loaded.current = true;
  }, [key]);
  const value = props.value;
  // Written in the same task as the render (a layout effect), not a frame later: a page
  // closed or reloaded right after a change that is already on screen keeps it.
  useLayoutEffect(() => {
    if (!loaded.current || value === undefined) return;
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* storage unavailable: the value still lives for this page */
    }
  }, [value, key]);
  return null;
}

export default { view: BrowserState } satisfies ViewModule;
