/**
 * gr.CheckboxGroup: a fieldset of checkboxes; the value is the list of
 * selected choice values, kept in choice order. `show_select_all` adds a
 * "Select all" toggle.
 */

import { h, type ComponentChild } from "preact";
import css from "./choices.css?inline";
import { Block, classList } from "./block.js";
import { str, type ViewModule, type ViewProps } from "./context.js";
import { normalizeChoices, sameChoice } from "./choices.js";

export function CheckboxGroup({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const choices = normalizeChoices(props.choices);
  const selected = Array.isArray(props.value) ? props.value : [];
  const isOn = (v: unknown): boolean => selected.some((s) => sameChoice(s, v));
  const disabled = props.interactive === false;
  const label = str(props.label, "Checkbox group");
  const all = choices.length > 0 && choices.every((c) => isOn(c.value));
  const set = (values: unknown[]): void =>
    ctx.userInput(
      state.id,
      choices.filter((c) => values.some((v) => sameChoice(v, c.value))).map((c) => c.value),
    );
  return h(
    Block,
    { state },
    h(
      "fieldset",
      { class: "choice-group", "aria-label": props.show_label === false ? label : undefined },
      props.show_label !== false ? h("legend", { class: "block-title label" }, label) : null,
      str(props.info) ? h("div", { class: "info" }, str(props.info)) : null,
      h(
        "div",
        { class: "choice-options" },
        props.show_select_all === true
          ? h(
              "label",
              { class: classList("choice", "select-all", all && "selected") },
              h("input", { type: "checkbox", checked: all, disabled, onChange: () => set(all ? [] : choices.map((c) => c.value)) }),
              h("span", null, "Select all"),
            )
          : null,
        choices.map((c, i) => {
          const on = isOn(c.value);
          return h(
            "label",
            { key: i, class: classList("choice", on && "selected", disabled && "disabled") },
            h("input", {
              type: "checkbox",
              checked: on,
              disabled,
              onChange: () => {
                set(on ? selected.filter((s) => !sameChoice(s, c.value)) : [...selected, c.value]);
                ctx.trigger(state.id, "select", { index: i, value: c.value, selected: !on });
              },
            }),
            h("span", null, c.label),
          );
        }),
      ),
    ),
  );
}

export default { view: CheckboxGroup, css } satisfies ViewModule;
