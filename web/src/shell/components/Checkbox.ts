/**
 * gr.Checkbox: the label sits next to the box (it names the input); `info`
 * goes above. Toggling fires input + change and `select` (SelectData).
 */

import { h, type ComponentChild } from "preact";
import css from "./Checkbox.css?inline";
import { Block } from "./block.js";
import { domId, str, type ViewModule, type ViewProps } from "./context.js";

export function Checkbox({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  const label = str(props.label, "Checkbox");
  const info = str(props.info);
  return h(
    Block,
    { state },
    info ? h("div", { class: "block-title" }, h("div", { class: "info" }, info)) : null,
    h(
      "label",
      { class: "checkbox-label", for: id },
      h("input", {
        id,
        type: "checkbox",
        checked: props.value === true,
        disabled: props.interactive === false,
        onChange: (e: Event) => {
          const checked = (e.currentTarget as HTMLInputElement).checked;
          ctx.userInput(state.id, checked);
          ctx.trigger(state.id, "select", { value: label, selected: checked, index: null });
        },
        onFocus: () => ctx.trigger(state.id, "focus"),
        onBlur: () => ctx.trigger(state.id, "blur"),
      }),
      h("span", null, label),
    ),
  );
}

export default { view: Checkbox, css } satisfies ViewModule;
