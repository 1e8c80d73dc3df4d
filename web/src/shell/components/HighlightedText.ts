/**
 * gr.HighlightedText: spans of text tinted by their label (colours from
 * `color_map`, else a fixed palette in order of first appearance) or, for
 * numeric scores, red (positive) / blue (negative) by strength. Labels are
 * shown inline and/or in a legend; every string is rendered as text, never
 * as HTML. Clicking a labelled span fires select with `[token, label]`.
 */

import { h, type ComponentChild } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Block, classList } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { Empty } from "../ui/empty.js";
import css from "./HighlightedText.css?inline";
import { type ViewModule, type ViewProps } from "./context.js";
import { textOn } from "../ui/contrast.js";

type Token = { token: string; class_or_confidence: string | number | null };

const PALETTE = ["#ef4444", "#22c55e", "#3b82f6", "#eab308", "#a855f7", "#14b8a6", "#f97316", "#06b6d4", "#84cc16", "#ec4899"];

export function readTokens(v: unknown): Token[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((t): Token[] => {
    if (t && typeof t === "object" && "token" in t) {
      const o = t as Record<string, unknown>;
      const c = o.class_or_confidence;
      return [{ token: String(o.token ?? ""), class_or_confidence: typeof c === "number" || typeof c === "string" ? c : null }];
    }
    if (Array.isArray(t)) return [{ token: String(t[0] ?? ""), class_or_confidence: typeof t[1] === "number" || typeof t[1] === "string" ? t[1] : null }];
    return [];
  });
}

/** Label → colour: `color_map` first, then the palette in order of appearance. */
export function labelColors(tokens: Token[], colorMap: unknown): Map<string, string> {
  const map = new Map<string, string>();
  const given = colorMap && typeof colorMap === "object" ? (colorMap as Record<string, unknown>) : {};
  let next = 0;
  for (const t of tokens) {
    const label = t.class_or_confidence;
    if (typeof label !== "string" || map.has(label)) continue;
    const c = given[label];
    map.set(label, typeof c === "string" && c ? c : (PALETTE[next++ % PALETTE.length] ?? "#9ca3af"));
  }
  return map;
}

/** Neighbouring tokens with the same label become one (Gradio's merge after removing a label). */
export function mergeEqual(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.class_or_confidence === t.class_or_confidence) out[out.length - 1] = { ...last, token: last.token + t.token };
    else out.push({ ...t });
  }
  return out;
}

/** Token `i` split at `[start, end)`: the piece labelled `label`, the rest unlabelled (empty pieces dropped). */
export function splitToken(tokens: Token[], i: number, start: number, end: number, label: string | number): Token[] {
  const text = tokens[i]?.token ?? "";
  const pieces: Token[] = [
    { token: text.slice(0, start), class_or_confidence: null },
    { token: text.slice(start, end), class_or_confidence: label },
    { token: text.slice(end), class_or_confidence: null },
  ].filter((t) => t.token.trim() !== "");
  return [...tokens.slice(0, i), ...pieces, ...tokens.slice(i + 1)];
}

/** The label editor of an interactive token: Enter or leaving saves, Escape cancels; empty removes the label. */
function LabelInput({ label, color, scores, onDone }: { label: string | number; color: string; scores: boolean;
  onDone: (next: string | number | null | undefined) => void }): ComponentChild {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useLayoutEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (save: boolean): void => {
    if (done.current) return;
    done.current = true;
    const text = (ref.current?.value ?? "").trim();
    onDone(!save ? undefined : text === "" ? null : scores ? Number(text) : text);
  };
  return h("input", {
    ref,
    class: "ht-label-input",
    type: scores ? "number" : "text",
    step: scores ? "0.1" : undefined,
    placeholder: scores ? undefined : "label",
    "aria-label": "Label",
    defaultValue: String(label),
    style: { "--ht-color": color, "--ht-on": textOn(color) },
    onClick: (e: Event) => e.stopPropagation(),
    onKeyDown: (e: KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === "Enter") finish(true);
      else if (e.key === "Escape") finish(false);
    },
    onBlur: () => finish(true),
  });
}

export function HighlightedText({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const tokens = readTokens(props.value);
  const colors = labelColors(tokens, props.color_map);
  const scores = tokens.some((t) => typeof t.class_or_confidence === "number");
  const inline = props.show_inline_category !== false;
  const interactive = props.interactive === true;
  const [editing, setEditing] = useState(-1);
  const body = useRef<HTMLDivElement>(null);
  // The click that ends a selection must not also open the clicked token's editor.
  const justSplit = useRef(false);
  const select = (i: number, t: Token): void =>
    ctx.trigger(state.id, "select", { index: i, value: [t.token, t.class_or_confidence], selected: true });
  const commit = (next: Token[]): void => ctx.userInput(state.id, next);

  const relabel = (i: number, next: string | number | null | undefined): void => {
    setEditing(-1);
    const old = tokens[i];
    if (next === undefined || !old || next === old.class_or_confidence) return;
    commit(tokens.map((t, j) => (j === i ? { token: t.token, class_or_confidence: next } : t)));
  };
  const removeLabel = (i: number): void => {
    setEditing(-1);
    commit(mergeEqual(tokens.map((t, j) => (j === i ? { token: t.token, class_or_confidence: null } : t))));
  };

  /** Text selected inside one token becomes a new labelled token whose label is edited at once. */
  const onMouseUp = (): void => {
    if (!interactive) return;
    const root = body.current?.getRootNode() as (Document | ShadowRoot) & { getSelection?: () => Selection | null };
    const sel = root?.getSelection?.() ?? window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !sel.toString().trim()) return;
    const range = sel.getRangeAt(0);
    const holder = range.startContainer.parentElement?.closest<HTMLElement>("[data-index]");
    if (!holder || range.startContainer !== range.endContainer || !body.current?.contains(holder)) return;
    const i = Number(holder.dataset.index);
    const [start, end] = [Math.min(range.startOffset, range.endOffset), Math.max(range.startOffset, range.endOffset)];
    const next = splitToken(tokens, i, start, end, scores ? 1 : "label");
    const at = next.findIndex((t, j) => j >= i && t.class_or_confidence !== null && t.token === (tokens[i]?.token ?? "").slice(start, end));
    sel.removeAllRanges();
    justSplit.current = true;
    setTimeout(() => (justSplit.current = false), 0);
    commit(next);
    setEditing(at);
  };

  const removeButton = (i: number): ComponentChild =>
    interactive
      ? h("button", { type: "button", class: "ht-remove", "aria-label": "Remove label", title: "Remove label",
          onClick: (e: Event) => { e.stopPropagation(); removeLabel(i); } }, "×")
      : null;

  const onTokenClick = (i: number, t: Token): void => {
    if (justSplit.current) return;
    select(i, t);
    if (interactive) setEditing(i);
  };
  const onTokenKey = (i: number) => (e: KeyboardEvent): void => {
    if (interactive && e.key === "Enter" && editing !== i) setEditing(i);
  };

  const span = (t: Token, i: number): ComponentChild => {
    const label = t.class_or_confidence;
    if (label == null) return h("span", { key: i, class: "ht-plain", "data-index": i }, t.token);
    const tokenProps = { "data-index": i, role: "button", tabIndex: 0, onClick: () => onTokenClick(i, t), onKeyDown: onTokenKey(i) };
    if (typeof label === "number") {
      const tint = label >= 0 ? `rgba(239, 68, 68, ${Math.min(1, label)})` : `rgba(59, 130, 246, ${Math.min(1, -label)})`;
      return h("span", { key: i, class: "ht-token ht-score", style: { backgroundColor: tint }, title: String(label), ...tokenProps },
        t.token,
        interactive && editing === i ? h(LabelInput, { label, color: tint, scores: true, onDone: (v) => relabel(i, v) }) : null,
        removeButton(i));
    }
    const color = colors.get(label) ?? "#9ca3af";
    return h(
      "span",
      { key: i, class: "ht-token", style: { "--ht-color": color, "--ht-on": textOn(color) }, ...tokenProps },
      h("span", { class: "ht-text", "data-index": i }, t.token),
      interactive && editing === i
        ? h(LabelInput, { label, color, scores: false, onDone: (v) => relabel(i, v) })
        : inline ? h("span", { class: "ht-label" }, label) : null,
      removeButton(i),
    );
  };

  return h(
    Block,
    { state, class: classList("highlightedtext", interactive && "ht-interactive") },
    h(BlockTitle, { props, fallback: "Highlighted Text" }),
    props.show_legend === true && colors.size > 0
      ? h("div", { class: "ht-legend", "aria-label": "Legend" },
          [...colors].map(([label, color]) => h("span", { key: label, class: "ht-legend-item", style: { "--ht-color": color } }, label)))
      : null,
    props.show_legend === true && scores
      ? h("div", { class: "ht-legend ht-score-legend", "aria-hidden": "true" }, h("span", null, "−1"), h("span", { class: "ht-gradient" }), h("span", null, "+1"))
      : null,
    tokens.length
      ? h("div", { ref: body, class: "ht-body", dir: props.rtl === true ? "rtl" : undefined, onMouseUp }, tokens.map(span))
      : h(Empty, { text: "No text" }),
  );
}

export default { view: HighlightedText, css } satisfies ViewModule;
