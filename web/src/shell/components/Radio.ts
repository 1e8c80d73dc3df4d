/**
 * gr.Radio: a fieldset (the label is its legend, so the group is named) of
 * radio inputs. Selecting fires input + change and `select` {index, value}.
 */

import { h, type ComponentChild } from "preact";
import css from "./choices.css?inline";
import { Block, classList } from "./block.js";
import { domId, str, type ViewModule, type ViewProps } from "./context.js";
import { normalizeChoices, sameChoice } from "./choices.js";

export function Radio({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const choices = normalizeChoices(props.choices);
  const disabled = props.interactive === false;
  const label = str(props.label, "Radio");
  return h(
    Block,
    { state },
    h(
      "fieldset",
      { class: "choice-group", "aria-label": props.show_label === false ? label : undefined, dir: props.rtl ? "rtl" : undefined },
      props.show_label !== false ? h("legend", { class: "block-title label" }, label) : null,
      str(props.info) ? h("div", { class: "info" }, str(props.info)) : null,
      h(
        "div",
        { class: "choice-options" },
        choices.map((c, i) => {
          const checked = sameChoice(props.value, c.value);
          return h(
            "label",
            { key: i, class: classList("choice", checked && "selected", disabled && "disabled") },
            h("input", {
              type: "radio",
              name: domId(state.id, "radio"),
              checked,
              disabled,
              onChange: () => {
                ctx.userInput(state.id, c.value);
                ctx.trigger(state.id, "select", { index: i, value: c.value, selected: true });
              },
            }),
            h("span", null, c.label),
          );
        }),
      ),
    ),
  );
}

export default { view: Radio, css } satisfies ViewModule;
