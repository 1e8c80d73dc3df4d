/**
 * gr.Code: a CodeMirror 6 editor. This module (and CodeMirror) is its own
 * chunk, loaded the first time an app shows a Code block; each language's
 * grammar is a further chunk. `lines` sets the minimum height and
 * `max_lines` the maximum before scrolling; `interactive: false` makes it
 * read-only. User edits fire input + change; focus and blur are forwarded.
 * Colours come from theme variables, so light and dark both read well.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { tags as t } from "@lezer/highlight";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { CopyButton, IconButtons, hasButton } from "../ui/buttons.js";
import { DownloadButton } from "../ui/actionbuttons.js";
import css from "./Code.css?inline";
import { num, str, type ViewModule, type ViewProps } from "./context.js";
import { extensionFor, loadLanguage } from "./code-languages.js";

/** Token colours as CSS variables (defined for light and dark in CODE_CSS). */
const HIGHLIGHT = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--cm-keyword)" },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--cm-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--cm-number)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--cm-comment)", fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.macroName], color: "var(--cm-function)" },
  { tag: [t.definition(t.variableName), t.className, t.typeName, t.namespace], color: "var(--cm-type)" },
  { tag: [t.propertyName, t.attributeName], color: "var(--cm-property)" },
  { tag: [t.tagName, t.heading], color: "var(--cm-keyword)", fontWeight: "600" },
  { tag: [t.operator, t.punctuation, t.bracket], color: "var(--cm-punct)" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strong, fontWeight: "700" },
  { tag: t.link, color: "var(--cm-string)", textDecoration: "underline" },
  { tag: t.invalid, color: "var(--error)" },
]);

const BASE_THEME = EditorView.theme({
  "&": { backgroundColor: "var(--bg-input)", color: "var(--text)", fontSize: "14px" },
  "&.cm-focused": { outline: "none" },
  ".cm-content": { fontFamily: "var(--mono)", caretColor: "var(--text)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--bg-subtle)", color: "var(--text-muted)", border: "none", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--cm-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--cm-active-line)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--cm-selection) !important" },
  ".cm-tooltip": { backgroundColor: "var(--bg-block)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--accent-text)" },
});

const LINE_PX = 21; // 14px × 1.5 line height

type Opts = { editable: boolean; wrap: boolean; numbers: boolean; autocomplete: boolean; lines: number; maxLines: number | null };

/** The extensions that depend on props (reconfigured in place when they change). */
function optionExtensions(o: Opts, onDoc: (text: string) => void, onFocus: (focused: boolean) => void): Extension {
  const sizing = EditorView.theme({
    ".cm-content, .cm-gutter": { minHeight: `${o.lines * LINE_PX}px` },
    ".cm-scroller": o.maxLines != null ? { maxHeight: `${o.maxLines * LINE_PX + 8}px`, overflow: "auto" } : {},
  });
  return [
    o.numbers ? [lineNumbers(), highlightActiveLineGutter()] : [],
    o.wrap ? EditorView.lineWrapping : [],
    o.autocomplete && o.editable ? [autocompletion(), closeBrackets(), keymap.of([...closeBracketsKeymap, ...completionKeymap])] : [],
    EditorState.readOnly.of(!o.editable),
    EditorView.editable.of(o.editable),
    o.editable ? highlightActiveLine() : [],
    sizing,
    EditorView.updateListener.of((u) => {
      if (u.docChanged && u.transactions.some((tr) => tr.isUserEvent("input") || tr.isUserEvent("delete") || tr.isUserEvent("undo") || tr.isUserEvent("redo") || tr.isUserEvent("move") || tr.isUserEvent("input.complete"))) {
        onDoc(u.state.doc.toString());
      }
      if (u.focusChanged) onFocus(u.view.hasFocus);
    }),
  ];
}

export function Code({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const value = str(props.value);
  const language = typeof props.language === "string" ? props.language : null;
  const opts: Opts = {
    editable: props.interactive === true,
    wrap: props.wrap_lines === true,
    numbers: props.show_line_numbers !== false,
    autocomplete: props.autocomplete === true,
    lines: Math.max(1, num(props.lines) ?? 5),
    maxLines: num(props.max_lines),
  };
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const optsSlot = useRef(new Compartment());
  const langSlot = useRef(new Compartment());
  // The latest ids/ctx for the editor's listeners (created once).
  const live = useRef({ ctx, id: state.id });
  live.current = { ctx, id: state.id };

  // Texts the editor itself reported: when the store echoes one back (a render later,
  // possibly after more keystrokes) it must not overwrite the newer document.
  const sent = useRef(new Set<string>());
  const onDoc = (text: string): void => {
    sent.current.add(text);
    live.current.ctx.userInput(live.current.id, text);
  };
  const onFocus = (focused: boolean): void => live.current.ctx.trigger(live.current.id, focused ? "focus" : "blur");

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const v = new EditorView({
      parent,
      root: parent.getRootNode() as ShadowRoot | Document,
      state: EditorState.create({
        doc: value,
        extensions: [
          highlightSpecialChars(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(HIGHLIGHT),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          BASE_THEME,
          langSlot.current.of([]),
          optsSlot.current.of(optionExtensions(opts, onDoc, onFocus)),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // Props changed: reconfigure options; an output value replaces the document.
  const optsKey = JSON.stringify(opts);
  useEffect(() => {
    view.current?.dispatch({ effects: optsSlot.current.reconfigure(optionExtensions(opts, onDoc, onFocus)) });
  }, [optsKey]);
  useEffect(() => {
    let alive = true;
    void loadLanguage(language).then((ext) => alive && view.current?.dispatch({ effects: langSlot.current.reconfigure(ext) }));
    return () => {
      alive = false;
    };
  }, [language]);
  useEffect(() => {
    const v = view.current;
    if (sent.current.has(value)) {
      if (v?.state.doc.toString() === value) sent.current.clear(); // caught up
      return;
    }
    sent.current.clear();
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  // A data: URL keeps the download link valid without blob bookkeeping.
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(value)}`;

  return h(
    Block,
    { state, class: "code-block" },
    h(BlockTitle, { props, fallback: "Code" }),
    h(
      "div",
      { class: "code-frame" },
      h(
        "div",
        { class: "code-buttons" },
        h(
          IconButtons,
          null,
          hasButton(props, "copy") ? h(CopyButton, { text: value, label: "Copy code" }) : null,
          hasButton(props, "download") ? h(DownloadButton, { href, filename: `file.${extensionFor(language)}`, label: "Download code" }) : null,
        ),
      ),
      h("div", { ref: host, class: "code-editor", "data-language": language ?? "" }),
    ),
  );
}

export default { view: Code, css } satisfies ViewModule;
