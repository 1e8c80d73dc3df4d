/**
 * gr.Textbox: single line <input> or auto-growing <textarea> (lines /
 * max_lines), type text/password/email, Enter submits a single-line box
 * (Shift+Enter inserts a newline in a one-line textarea), optional copy button.
 */

import { h, type ComponentChild } from "preact";
import { useRef } from "preact/hooks";
import css from "./Textbox.css?inline";
import { Block, ariaLabel, invalidAttrs } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { domId, num, str, type ViewModule, type ViewProps } from "./context.js";
import { buttonsCss, CopyButton, hasButton } from "../ui/buttons.js";
import { useCss } from "../ui/styles.js";
import { useFitTextarea } from "../ui/autosize.js";

export function Textbox({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  const value = str(props.value);
  const type = str(props.type, "text");
  const lines = Math.max(1, num(props.lines) ?? 1);
  const maxLines = num(props.max_lines) ?? Math.max(lines, 20);
  const single = type !== "text" || (lines === 1 && maxLines === 1);
  const editable = props.interactive !== false;
  const area = useRef<HTMLTextAreaElement>(null);
  useCss(props.submit_btn || props.stop_btn ? buttonsCss : undefined);

  // Grow the textarea with its content, between `lines` and `max_lines` rows; streaming outputs
  // grow at the bottom: keep the newest text in view.
  useFitTextarea(area, value, lines, maxLines, props.autoscroll !== false);

  const common = {
    id,
    class: "text-input",
    value,
    placeholder: str(props.placeholder) || undefined,
    readOnly: !editable,
    ...invalidAttrs(state),
    "aria-label": ariaLabel(props, "Textbox"),
    maxLength: num(props.max_length) ?? undefined,
    dir: props.rtl ? "rtl" : undefined,
    style: typeof props.text_align === "string" ? { textAlign: props.text_align } : undefined,
    autoFocus: props.autofocus === true,
    onInput: (e: Event) => ctx.userInput(state.id, (e.currentTarget as HTMLInputElement).value),
    onFocus: () => ctx.trigger(state.id, "focus"),
    onBlur: () => ctx.trigger(state.id, "blur"),
    // gr.SelectData for text: the selected substring and its [start, end).
    onSelect: (e: Event) => {
      const el = e.currentTarget as HTMLInputElement;
      const start = el.selectionStart ?? 0;
      const end = el.selectionEnd ?? 0;
      if (end > start) ctx.trigger(state.id, "select", { index: [start, end], value: el.value.slice(start, end), selected: true });
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== "Enter" || e.isComposing) return;
      if (single || (lines === 1 && !e.shiftKey)) {
        e.preventDefault();
        ctx.trigger(state.id, "submit");
      }
    },
  };
  const field = single
    ? h("input", { ...common, type })
    : h("textarea", { ...common, ref: area, rows: lines });
  return h(
    Block,
    { state },
    h(BlockTitle, { props, forId: id }),
    h(
      "div",
      { class: props.submit_btn || props.stop_btn ? "input-wrap with-button" : "input-wrap" },
      field,
      hasButton(props, "copy", "show_copy_button")
        ? h(CopyButton, { text: value, onCopy: () => ctx.trigger(state.id, "copy", { value }) })
        : null,
      // submit_btn / stop_btn (chat-style boxes): True or a custom button text. Both show when
      // both are set, as in Gradio (ChatInterface swaps them while an answer streams).
      props.submit_btn
        ? h("button", { type: "button", class: "btn btn-primary btn-sm inline-btn", disabled: !editable, onClick: () => ctx.trigger(state.id, "submit") },
            typeof props.submit_btn === "string" ? props.submit_btn : "Submit")
        : null,
      props.stop_btn
        ? h("button", { type: "button", class: "btn btn-stop btn-sm inline-btn", onClick: () => ctx.trigger(state.id, "stop") },
            typeof props.stop_btn === "string" ? props.stop_btn : "Stop")
        : null,
    ),
  );
}

export default { view: Textbox, css } satisfies ViewModule;
