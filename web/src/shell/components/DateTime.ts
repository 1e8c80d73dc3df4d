/**
 * gr.DateTime: a text field in Gradio's `YYYY-MM-DD[ HH:MM:SS]` form (also
 * `now` / `now - 2d`), with a calendar button that opens the browser's own
 * date(-time) picker. The value is set on Enter (which also fires submit),
 * on leaving the field, and on picking; text in another shape is marked
 * invalid and not sent.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { Block, ariaLabel } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import css from "./DateTime.css?inline";
import { domId, str, type ViewModule, type ViewProps } from "./context.js";

const NOW = /^(?:\s*now\s*(?:-\s*\d+\s*[dmhs])?)?\s*$/;

/** Gradio's rule for text the server can parse (empty is valid: no value). */
export function validDateText(text: string, includeTime: boolean): boolean {
  if (text === "") return true;
  const shape = includeTime ? /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/ : /^\d{4}-\d{2}-\d{2}$/;
  return shape.test(text) || NOW.test(text);
}

/** The native picker's value (`2024-01-31T10:20[:30]`) ↔ Gradio's text. */
export function fromPicker(v: string, includeTime: boolean): string {
  if (!includeTime) return v.slice(0, 10);
  const [d, t = "00:00"] = v.split("T");
  return `${d} ${t.length === 5 ? `${t}:00` : t.slice(0, 8)}`;
}

function toPicker(text: string, includeTime: boolean): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return "";
  return includeTime ? text.replace(" ", "T").slice(0, 19) : text.slice(0, 10);
}

export function DateTime({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const value = str(props.value);
  const includeTime = props.include_time !== false;
  const editable = props.interactive !== false;
  const id = domId(state.id);
  const [text, setText] = useState(value);
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => setText(value), [value]);

  const valid = validDateText(text, includeTime);
  const commit = (t: string): void => {
    if (t !== value && validDateText(t, includeTime)) ctx.userInput(state.id, t);
  };

  return h(
    Block,
    { state, class: "datetime" },
    h(BlockTitle, { props, forId: id }),
    h(
      "div",
      { class: "datetime-row" },
      h("input", {
        id,
        class: "text-input datetime-text",
        value: text,
        disabled: !editable,
        placeholder: includeTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD",
        "aria-invalid": valid ? undefined : "true",
        "aria-label": ariaLabel(props, "Date and time"),
        onInput: (e: Event) => setText((e.currentTarget as HTMLInputElement).value),
        onBlur: () => commit(text),
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          commit(text);
          ctx.trigger(state.id, "submit");
        },
      }),
      h("input", {
        ref: picker,
        class: "datetime-native",
        type: includeTime ? "datetime-local" : "date",
        step: includeTime ? 1 : undefined,
        tabIndex: -1,
        "aria-hidden": "true",
        value: toPicker(text, includeTime),
        onChange: (e: Event) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          if (!v) return;
          const t = fromPicker(v, includeTime);
          setText(t);
          commit(t);
        },
      }),
      h(
        "button",
        {
          type: "button",
          class: "icon-button datetime-pick",
          disabled: !editable,
          "aria-label": "Pick a date",
          title: "Pick a date",
          onClick: () => {
            const el = picker.current;
            if (!el) return;
            try {
              el.showPicker();
            } catch {
              el.focus();
            }
          },
        },
        h("svg", { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2, "aria-hidden": "true" },
          h("rect", { x: 3, y: 4, width: 18, height: 18, rx: 2 }), h("path", { d: "M16 2v4M8 2v4M3 10h18" })),
      ),
    ),
    valid ? null : h("div", { class: "datetime-error", role: "alert" }, `Use ${includeTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD"} or "now - 2d"`),
  );
}

export default { view: DateTime, css } satisfies ViewModule;
