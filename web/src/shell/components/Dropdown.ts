/**
 * gr.Dropdown. Native controls keep it small and accessible:
 * single choice → <select>; `allow_custom_value` → text input + <datalist>;
 * `multiselect` → removable chips plus a <select> to add more (respecting
 * `max_choices`). Fires input + change, `select`, focus and blur.
 */

import { h, type ComponentChild } from "preact";
import css from "./choices.css?inline";
import { Block, ariaLabel } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { domId, num, str, type ViewModule, type ViewProps } from "./context.js";
import { indexOfChoice, normalizeChoices, sameChoice, type Choice } from "./choices.js";

export function Dropdown({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  const choices = normalizeChoices(props.choices);
  const disabled = props.interactive === false;
  const name = ariaLabel(props, "Dropdown");
  const focus = { onFocus: () => ctx.trigger(state.id, "focus"), onBlur: () => ctx.trigger(state.id, "blur") };
  const pick = (c: Choice, selected = true): void =>
    ctx.trigger(state.id, "select", { index: indexOfChoice(choices, c.value), value: c.value, selected });

  let control: ComponentChild;
  if (props.multiselect === true) {
    const values = Array.isArray(props.value) ? props.value : [];
    const max = num(props.max_choices);
    const rest = choices.filter((c) => !values.some((v) => sameChoice(v, c.value)));
    const full = max != null && values.length >= max;
    control = h(
      "div",
      { class: "multiselect" },
      values.length
        ? h(
            "ul",
            { class: "chips", "aria-label": "Selected" },
            values.map((v, i) => {
              const c = choices.find((x) => sameChoice(x.value, v)) ?? { label: String(v), value: v };
              return h(
                "li",
                { key: i, class: "chip" },
                h("span", null, c.label),
                disabled
                  ? null
                  : h(
                      "button",
                      {
                        type: "button",
                        class: "chip-remove",
                        "aria-label": `Remove ${c.label}`,
                        onClick: () => {
                          ctx.userInput(state.id, values.filter((_, j) => j !== i));
                          pick(c, false);
                        },
                      },
                      "×",
                    ),
              );
            }),
          )
        : null,
      h(
        "select",
        {
          id,
          class: "text-input",
          disabled: disabled || full || !rest.length,
          "aria-label": name,
          value: "",
          ...focus,
          onChange: (e: Event) => {
            const el = e.currentTarget as HTMLSelectElement;
            const c = rest[Number(el.value)];
            el.value = "";
            if (!c) return;
            ctx.userInput(state.id, [...values, c.value]);
            pick(c);
          },
        },
        h("option", { value: "", disabled: true }, full ? `Maximum of ${max} selected` : "Select…"),
        rest.map((c, i) => h("option", { key: i, value: String(i) }, c.label)),
      ),
    );
  } else if (props.allow_custom_value === true) {
    const list = domId(state.id, "list");
    const shown = choices.find((c) => sameChoice(c.value, props.value))?.label ?? str(props.value);
    control = h(
      "div",
      null,
      h("input", {
        id,
        class: "text-input",
        list,
        value: shown,
        disabled,
        "aria-label": name,
        ...focus,
        onInput: (e: Event) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          const c = choices.find((x) => x.label === text);
          ctx.userInput(state.id, c ? c.value : text);
          if (c) pick(c);
        },
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === "Enter") ctx.trigger(state.id, "submit");
        },
        onKeyUp: (e: KeyboardEvent) =>
          ctx.trigger(state.id, "key_up", { key: e.key, input_value: (e.currentTarget as HTMLInputElement).value }),
      }),
      h("datalist", { id: list }, choices.map((c, i) => h("option", { key: i, value: c.label }))),
    );
  } else {
    const index = indexOfChoice(choices, props.value);
    control = h(
      "select",
      {
        id,
        class: "text-input",
        disabled,
        "aria-label": name,
        value: index >= 0 ? String(index) : "",
        ...focus,
        onChange: (e: Event) => {
          const c = choices[Number((e.currentTarget as HTMLSelectElement).value)];
          if (!c) return;
          ctx.userInput(state.id, c.value);
          pick(c);
        },
      },
      index < 0 ? h("option", { value: "", disabled: true }, "") : null,
      choices.map((c, i) => h("option", { key: i, value: String(i) }, c.label)),
    );
  }
  return h(Block, { state }, h(BlockTitle, { props, forId: id }), control);
}

export default { view: Dropdown, css } satisfies ViewModule;
