/**
 * gr.Slider: a range input plus a number box kept in sync. `release` fires
 * when the pointer is released (or a key changes the value), like Gradio.
 */

import { h, type ComponentChild } from "preact";
import css from "./Slider.css?inline";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { domId, num, str, type ViewModule, type ViewProps } from "./context.js";
import { roundTo } from "./Number.js";

export function Slider({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  const min = num(props.minimum) ?? 0;
  const max = num(props.maximum) ?? 100;
  const step = num(props.step) ?? 1;
  const precision = num(props.precision);
  const value = num(props.value) ?? min;
  const editable = props.interactive !== false;
  const label = str(props.label, "Slider");
  const pct = max > min ? ((value - min) / (max - min)) * 100 : 0;
  const set = (raw: string): void => {
    const n = Number(raw);
    if (raw === "" || !Number.isFinite(n)) return;
    ctx.userInput(state.id, roundTo(n, precision));
  };
  return h(
    Block,
    { state },
    h(
      "div",
      { class: "slider-head" },
      h(BlockTitle, { props, forId: id, fallback: "" }),
      h("input", {
        type: "number",
        class: "slider-number",
        value,
        min,
        max,
        step,
        disabled: !editable,
        "aria-label": `number input for ${label}`,
        onInput: (e: Event) => set((e.currentTarget as HTMLInputElement).value),
        onChange: () => ctx.trigger(state.id, "release", value),
      }),
    ),
    h(
      "div",
      { class: "slider-row" },
      h("span", { class: "slider-bound", "aria-hidden": "true" }, String(min)),
      h("input", {
        id,
        type: "range",
        class: "slider-range",
        style: { "--pct": `${pct}%` },
        value,
        min,
        max,
        step,
        disabled: !editable,
        "aria-label": props.show_label === false ? label : undefined,
        onInput: (e: Event) => set((e.currentTarget as HTMLInputElement).value),
        // `change` fires on pointer release and on keyboard commits.
        onChange: (e: Event) => ctx.trigger(state.id, "release", Number((e.currentTarget as HTMLInputElement).value)),
      }),
      h("span", { class: "slider-bound", "aria-hidden": "true" }, String(max)),
    ),
  );
}

export default { view: Slider, css } satisfies ViewModule;
