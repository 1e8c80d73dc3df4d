/**
 * gr.Timer: renders nothing; fires `tick` every `value` seconds while
 * `active`. Overlapping ticks are handled by the dependency's trigger_mode
 * (the engine skips or defers them), so a slow handler cannot pile up.
 */

import type { ComponentChild } from "preact";
import { useEffect } from "preact/hooks";
import { num, type ViewModule, type ViewProps } from "./context.js";

export function Timer({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const seconds = num(props.value);
  const active = props.active !== false;
  useEffect(() => {
    if (!active || seconds == null || seconds <= 0) return;
    const t = setInterval(() => ctx.trigger(state.id, "tick"), seconds * 1000);
    return () => clearInterval(t);
  }, [active, seconds]);
  return null;
}

export default { view: Timer } satisfies ViewModule;
