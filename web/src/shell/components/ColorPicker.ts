/**
 * gr.ColorPicker: the browser's native colour input (the swatch opens the
 * system picker) and a text entry for the hex value, kept in sync. The value
 * is a lowercase `#rrggbb` string, as Gradio's view sends.
 *
 * The text entry accepts `#rgb`, `#rrggbb` (with or without `#`) and CSS
 * colour names; it commits while typing once the text is a valid colour,
 * and Enter fires `submit`. Invalid text is marked and reverts on blur.
 * focus / blur fire when focus enters / leaves the whole widget (Gradio's
 * rule), not when it moves between the swatch and the text entry.
 */

import { h, type ComponentChild } from "preact";
import { useState } from "preact/hooks";
import css from "./ColorPicker.css?inline";
import { Block, ariaLabel } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { domId, str, type ViewModule, type ViewProps } from "./context.js";

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour as `#rrggbb` (lowercase), or null when the text is not a colour. */
export function parseColor(text: string): string | null {
  const t = text.trim();
  const m = HEX.exec(t);
  if (m) {
    const hex = m[1]!.toLowerCase();
    return `#${hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex}`;
  }
  // Colour names and rgb()/hsl(): let the browser normalise them (opaque ones become #rrggbb).
  if (!t || typeof CSS === "undefined" || !CSS.supports("color", t)) return null;
  const g = document.createElement("canvas").getContext("2d");
  if (!g) return null;
  g.fillStyle = "#000000";
  g.fillStyle = t;
  const out = String(g.fillStyle);
  return out.startsWith("#") ? out.toLowerCase() : null;
}

export function ColorPicker({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  // The native input always holds a colour; the text shows the real value (none: empty).
  const current = parseColor(str(props.value));
  const value = current ?? "#000000";
  const editable = props.interactive !== false;
  const label = str(props.label, "Color Picker");
  // The text being typed, while it differs from the value (null: show the value).
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && parseColor(draft) === null;

  const commit = (next: string): void => ctx.userInput(state.id, next);
  const onText = (e: Event): void => {
    const text = (e.currentTarget as HTMLInputElement).value;
    setDraft(text);
    const parsed = parseColor(text);
    if (parsed) commit(parsed);
  };
  const leaving = (e: FocusEvent): boolean => {
    const next = e.relatedTarget as Node | null;
    return !next || !(e.currentTarget as Element).contains(next);
  };

  return h(
    Block,
    { state },
    h(BlockTitle, { props, forId: id, fallback: "Color Picker" }),
    h(
      "div",
      {
        class: "color-row",
        role: "group",
        "aria-label": label,
        onFocusIn: (e: FocusEvent) => {
          const from = e.relatedTarget as Node | null;
          if (!from || !(e.currentTarget as Element).contains(from)) ctx.trigger(state.id, "focus");
        },
        onFocusOut: (e: FocusEvent) => {
          if (!leaving(e)) return;
          setDraft(null);
          ctx.trigger(state.id, "blur");
        },
      },
      h("input", {
        type: "color",
        class: "color-swatch",
        value,
        disabled: !editable,
        "aria-label": `${label}: open the colour picker`,
        onInput: (e: Event) => {
          setDraft(null);
          commit((e.currentTarget as HTMLInputElement).value.toLowerCase());
        },
      }),
      h("input", {
        id,
        type: "text",
        class: "text-input color-text",
        value: draft ?? current ?? "",
        placeholder: "#rrggbb",
        readOnly: !editable,
        spellcheck: false,
        autocomplete: "off",
        maxLength: 64,
        "aria-label": ariaLabel(props, label),
        "aria-invalid": invalid ? "true" : undefined,
        title: invalid ? "Not a colour: use #rrggbb, #rgb or a CSS colour name" : undefined,
        onInput: onText,
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key !== "Enter" || e.isComposing || !editable) return;
          e.preventDefault();
          if (draft !== null && !invalid) setDraft(null);
          ctx.trigger(state.id, "submit");
        },
      }),
    ),
  );
}

export default { view: ColorPicker, css } satisfies ViewModule;
