/**
 * gr.Number: <input type=number> honouring precision, minimum/maximum and
 * step. An empty box is `null`. Enter fires submit.
 */

import { h, type ComponentChild } from "preact";
import { useState } from "preact/hooks";
import { Block, ariaLabel, invalidAttrs } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { domId, num, str, type ViewModule, type ViewProps } from "./context.js";

export function roundTo(v: number, precision: number | null): number {
  if (precision == null) return v;
  const f = 10 ** precision;
  return Math.round(v * f) / f;
}

export function NumberView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  const precision = num(props.precision);
  const v = num(props.value);
  // Format with `precision` only when the user is not typing in the box:
  // reformatting under the caret would fight the keystrokes.
  const [editing, setEditing] = useState(false);
  const shown = v == null ? "" : precision != null && !editing ? v.toFixed(precision) : String(v);
  const editable = props.interactive !== false;
  return h(
    Block,
    { state },
    h(BlockTitle, { props, forId: id }),
    h("input", {
      id,
      type: "number",
      class: "text-input",
      value: shown,
      min: num(props.minimum) ?? undefined,
      max: num(props.maximum) ?? undefined,
      step: num(props.step) ?? (precision === 0 ? 1 : "any"),
      placeholder: str(props.placeholder) || undefined,
      disabled: !editable,
      ...invalidAttrs(state),
      "aria-label": ariaLabel(props, "Number"),
      onInput: (e: Event) => {
        const el = e.currentTarget as HTMLInputElement;
        const raw = el.value;
        // Partial entries ("-", "1e") read as "" with badInput: wait for more keys.
        if (el.validity.badInput || (raw !== "" && !Number.isFinite(Number(raw)))) return;
        ctx.userInput(state.id, raw === "" ? null : Number(raw));
      },
      onBlur: (e: Event) => {
        setEditing(false);
        // Apply precision once the user is done typing.
        const raw = (e.currentTarget as HTMLInputElement).value;
        if (raw !== "" && precision != null) ctx.userInput(state.id, roundTo(Number(raw), precision));
        ctx.trigger(state.id, "blur");
      },
      onFocus: () => {
        setEditing(true);
        ctx.trigger(state.id, "focus");
      },
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === "Enter") {
          e.preventDefault();
          ctx.trigger(state.id, "submit");
        }
      },
    }),
  );
}

export default { view: NumberView } satisfies ViewModule;
