/**
 * gr.Dialogue: a conversation as lines (a speaker menu + the line's text,
 * add / delete buttons) or as plain text, with a "Plain Text" switch when
 * `ui_mode` is "both". The two forms are converted by the component's own
 * Python (`format` / `unformat` through `/component_server`), so the app's
 * formatter decides the text form, as in Gradio.
 *
 * Typing `:` in a line or the text opens a menu of `tags` (filtered by what
 * follows the colon; arrows + Enter or a click insert one). Read-only
 * dialogues colour each speaker (`color_map` or Gradio's palette); hovering a
 * speaker dims the others. `submit_btn` fires `submit` (the text form is
 * parsed back to lines first); every edit fires `input` and `change`.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import css from "./Dialogue.css?inline";
import { Block } from "./block.js";
import { LabelRow } from "../ui/label.js";
import { CopyButton, IconButtons, hasButton } from "../ui/buttons.js";
import { domId, num, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { TrashIcon } from "./chat/icons.js";

export type Line = { speaker: string; text: string };

// Gradio's default speaker colours, in its order.
const PALETTE = [
  "rgba(254, 202, 202, 0.7)", "rgba(209, 250, 229, 0.7)", "rgba(219, 234, 254, 0.7)", "rgba(254, 243, 199, 0.7)",
  "rgba(233, 213, 255, 0.7)", "rgba(204, 251, 241, 0.7)", "rgba(254, 215, 170, 0.7)", "rgba(207, 250, 254, 0.7)",
  "rgba(217, 249, 157, 0.7)", "rgba(252, 231, 243, 0.7)",
];

/** Speaker -> background colour: the app's `color_map`, or the palette by speaker order. */
export function speakerColors(speakers: string[], colorMap: unknown): Record<string, string> {
  if (colorMap && typeof colorMap === "object") return { ...(colorMap as Record<string, string>) };
  return Object.fromEntries(speakers.map((s, i) => [s, PALETTE[i % PALETTE.length]!]));
}

/** The tag query at the cursor: the text after the last `:` before it, if it holds no space. */
export function tagQuery(text: string, cursor: number): { start: number; query: string } | null {
  const colon = text.lastIndexOf(":", cursor - 1);
  if (colon < 0) return null;
  const query = text.slice(colon + 1, cursor);
  return query.includes(" ") || query.includes("\n") ? null : { start: colon, query };
}

/** `text` with the `:query` ending at `cursor` replaced by `tag` and a space; the new cursor. */
export function insertTag(text: string, cursor: number, tag: string): { text: string; cursor: number } {
  const q = tagQuery(text, cursor);
  if (!q) return { text, cursor };
  const before = text.slice(0, q.start);
  return { text: `${before}${tag} ${text.slice(cursor)}`, cursor: before.length + tag.length + 1 };
}

function asLines(value: unknown): Line[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((l) => ({ speaker: str((l as Line)?.speaker), text: str((l as Line)?.text) }));
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);

type Menu = { target: number; options: string[]; active: number } | null;

/** The tag menu's state and keyboard / insertion logic for one text field at a time. */
function useTags(tags: string[]) {
  const [menu, setMenu] = useState<Menu>(null);
  const update = (target: number, el: HTMLInputElement | HTMLTextAreaElement): void => {
    const q = tags.length ? tagQuery(el.value, el.selectionStart ?? el.value.length) : null;
    const options = q ? tags.filter((t) => !q.query || t.toLowerCase().includes(q.query.toLowerCase())) : [];
    setMenu(options.length ? { target, options, active: 0 } : null);
  };
  /** Keyboard in the menu; true when the key was used. `pick(tag)` inserts. */
  const onKey = (e: KeyboardEvent, pick: (tag: string) => void): boolean => {
    if (!menu) return false;
    if (e.key === "Escape") setMenu(null);
    else if (e.key === "ArrowDown") setMenu({ ...menu, active: Math.min(menu.active + 1, menu.options.length - 1) });
    else if (e.key === "ArrowUp") setMenu({ ...menu, active: Math.max(menu.active - 1, 0) });
    else if (e.key === "Enter") pick(menu.options[menu.active]!);
    else return false;
    e.preventDefault();
    return true;
  };
  return { menu, setMenu, update, onKey };
}

function TagMenu({ menu, pick }: { menu: NonNullable<Menu>; pick: (tag: string) => void }): ComponentChild {
  return h(
    "ul",
    { class: "dialogue-tags", role: "listbox", "aria-label": "Tags", "data-testid": "dialogue-tag-menu" },
    menu.options.map((tag, i) =>
      h("li", {
        role: "option",
        "aria-selected": i === menu.active ? "true" : "false",
        class: i === menu.active ? "active" : undefined,
        // mousedown keeps the focus (and the cursor position) in the text field
        onMouseDown: (e: MouseEvent) => { e.preventDefault(); pick(tag); },
      }, tag)),
  );
}

async function callServer<T>(ctx: ShellContext, id: number, fn: string, data: unknown): Promise<T> {
  try {
    return (await ctx.client.componentServer(id, fn, data)) as T;
  } catch (e) {
    ctx.toasts.push({ level: "error", title: "Dialogue", message: `Could not ${fn} the dialogue: ${String((e as Error).message ?? e)}` });
    throw e;
  }
}

export function Dialogue({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  const value = props.value;
  const speakers = strings(props.speakers);
  const tags = strings(props.tags);
  const uiMode = str(props.ui_mode, "both");
  const editable = props.interactive !== false;
  const maxLines = num(props.max_lines);
  const colors = speakerColors(speakers, props.color_map);
  // Plain-text mode: the user's switch, or forced by ui_mode / a string value.
  const [plain, setPlain] = useState(uiMode === "text" || typeof value === "string");
  const [text, setText] = useState(typeof value === "string" ? value : "");
  const [busy, setBusy] = useState<"" | "format" | "unformat">("");
  const [hovered, setHovered] = useState<string | null>(null);
  const { menu, setMenu, update, onKey } = useTags(tags);
  const fields = useRef<(HTMLTextAreaElement | null)[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);
  const showText = uiMode === "text" || (uiMode === "both" && plain);

  const lines: Line[] = asLines(value)?.length
    ? asLines(value)!
    : editable ? [{ speaker: speakers[0] ?? "", text: "" }] : [];

  // Values from Python: a string switches to the text form; lines shown as text are re-formatted.
  useEffect(() => {
    if (typeof value === "string") {
      setText(value);
      if (uiMode === "both") setPlain(true);
    } else if (showText && Array.isArray(value)) {
      void callServer<string>(ctx, state.id, "format", value).then(setText, () => {});
    }
  }, [JSON.stringify(value)]);

  const setLines = (next: Line[]): void => ctx.userInput(state.id, next);
  const editLine = (i: number, patch: Partial<Line>): void =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const addLine = (i: number): void => {
    setLines([...lines.slice(0, i + 1), { speaker: speakers[0] ?? "", text: "" }, ...lines.slice(i + 1)]);
    requestAnimationFrame(() => fields.current[i + 1]?.focus());
  };
  const deleteLine = (i: number): void => setLines(lines.filter((_, j) => j !== i));

  const pickInLine = (i: number) => (tag: string): void => {
    const el = fields.current[i];
    if (!el) return;
    const next = insertTag(el.value, el.selectionStart ?? el.value.length, tag);
    editLine(i, { text: next.text });
    setMenu(null);
    requestAnimationFrame(() => { el.focus(); el.setSelectionRange(next.cursor, next.cursor); });
  };
  const pickInText = (tag: string): void => {
    const el = area.current;
    if (!el) return;
    const next = insertTag(el.value, el.selectionStart ?? el.value.length, tag);
    setText(next.text);
    ctx.userInput(state.id, next.text);
    setMenu(null);
    requestAnimationFrame(() => { el.focus(); el.setSelectionRange(next.cursor, next.cursor); });
  };

  // The switch moves at once (a busy overlay covers the form until Python answers); a failure moves it back.
  const toggle = async (toText: boolean): Promise<void> => {
    setMenu(null);
    setPlain(toText);
    setBusy(toText ? "format" : "unformat");
    try {
      if (toText) setText(await callServer<string>(ctx, state.id, "format", lines));
      else ctx.userInput(state.id, await callServer<Line[]>(ctx, state.id, "unformat", { text }));
    } catch {
      setPlain(!toText); // the toast says why
    }
    setBusy("");
  };

  const submit = async (): Promise<void> => {
    if (showText && speakers.length) {
      try { ctx.userInput(state.id, await callServer<Line[]>(ctx, state.id, "unformat", { text })); } catch { return; }
    }
    ctx.trigger(state.id, "submit");
  };

  const speakerCell = (line: Line, i: number): ComponentChild =>
    editable && speakers.length
      ? h("select", {
          class: "dialogue-speaker", "aria-label": `Speaker of line ${i + 1}`, value: line.speaker,
          onChange: (e: Event) => editLine(i, { speaker: (e.currentTarget as HTMLSelectElement).value }),
        }, [...new Set([...speakers, line.speaker])].filter((s) => s !== "" || !speakers.length)
          .map((s) => h("option", { value: s }, s)))
      : h("div", {
          class: "dialogue-speaker readonly", tabIndex: editable ? undefined : 0, role: editable ? undefined : "button",
          "aria-label": editable ? undefined : `Highlight ${line.speaker}`,
          onMouseEnter: () => !editable && setHovered(line.speaker),
          onMouseLeave: () => !editable && setHovered(null),
          onFocus: () => !editable && setHovered(line.speaker),
          onBlur: () => !editable && setHovered(null),
        }, line.speaker);

  const lineRow = (line: Line, i: number): ComponentChild => {
    const tint = !editable && (hovered === null || hovered === line.speaker) ? colors[line.speaker] : undefined;
    return h(
      "div",
      { class: "dialogue-line", key: i, style: tint ? { "--speaker-bg": tint } : undefined, "data-speaker": line.speaker },
      h("div", { class: "speaker-col" }, speakerCell(line, i)),
      h(
        "div",
        { class: "text-col" },
        h("textarea", {
          ref: (el: HTMLTextAreaElement | null) => { fields.current[i] = el; },
          class: "text-input dialogue-text", rows: 1, value: line.text, readOnly: !editable,
          placeholder: str(props.placeholder) || undefined,
          "aria-label": `Line ${i + 1}${line.speaker ? ` (${line.speaker})` : ""}`,
          onInput: (e: Event) => {
            const el = e.currentTarget as HTMLTextAreaElement;
            editLine(i, { text: el.value });
            update(i, el);
          },
          onKeyDown: (e: KeyboardEvent) => {
            if (menu?.target === i && onKey(e, pickInLine(i))) return;
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing && editable && props.submit_btn) {
              e.preventDefault();
              void submit();
            }
          },
          onBlur: () => setMenu(null),
        }),
        menu && menu.target === i ? h(TagMenu, { menu, pick: pickInLine(i) }) : null,
      ),
      editable
        ? h("div", { class: "line-actions" },
            maxLines == null || lines.length < maxLines
              ? h("button", { type: "button", class: "line-btn", "aria-label": `Add a line after line ${i + 1}`,
                  "data-testid": `dialogue-add-button-${i}`, onClick: () => addLine(i) }, "+")
              : null,
            i > 0
              ? h("button", { type: "button", class: "line-btn", "aria-label": `Remove line ${i + 1}`,
                  "data-testid": `dialogue-delete-button-${i}`, onClick: () => deleteLine(i) }, h(TrashIcon, {}))
              : null)
        : null,
    );
  };

  const copyText = showText ? text : lines.map((l) => `[${l.speaker}] ${l.text}`).join(str(props.separator, "\n"));
  return h(
    Block,
    { state, class: "dialogue" },
    h(
      LabelRow,
      { props, forId: showText ? id : undefined, fallback: "Dialogue" },
      props.show_label !== false && hasButton(props, "copy")
        ? h(IconButtons, { children: h(CopyButton, { text: copyText }) })
        : null,
    ),
    uiMode === "both"
      ? h("label", { class: "dialogue-switch" },
          h("input", {
            type: "checkbox", role: "switch", checked: plain, disabled: busy !== "",
            onChange: (e: Event) => void toggle((e.currentTarget as HTMLInputElement).checked),
          }),
          h("span", { class: "track", "aria-hidden": "true" }),
          "Plain Text")
      : null,
    showText
      ? h("div", { class: "dialogue-plain", "aria-busy": busy === "format" ? "true" : undefined },
          h("textarea", {
            id, ref: area, class: "text-input", rows: 5, value: text, readOnly: !editable,
            placeholder: str(props.placeholder) || undefined, "data-testid": "textbox",
            "aria-label": str(props.label, "Dialogue"),
            onInput: (e: Event) => {
              const el = e.currentTarget as HTMLTextAreaElement;
              setText(el.value);
              ctx.userInput(state.id, el.value);
              update(0, el);
            },
            onKeyDown: (e: KeyboardEvent) => { if (menu) onKey(e, pickInText); },
            onBlur: () => setMenu(null),
          }),
          menu ? h(TagMenu, { menu, pick: pickInText }) : null,
          busy === "format" ? h("div", { class: "dialogue-busy" }, "Converting to plain text…") : null)
      : h("div", { class: "dialogue-lines", "data-testid": "dialogue-container", "aria-busy": busy ? "true" : undefined },
          lines.map(lineRow),
          busy === "unformat" ? h("div", { class: "dialogue-busy" }, "Converting to dialogue format…") : null),
    props.submit_btn && editable
      ? h("div", { class: "dialogue-submit" },
          h("button", { type: "button", class: "btn btn-secondary btn-sm", "data-testid": "dialogue-submit-button",
            onClick: () => void submit() }, typeof props.submit_btn === "string" ? props.submit_btn : "Submit"))
      : null,
  );
}

export default { view: Dialogue, css } satisfies ViewModule;
