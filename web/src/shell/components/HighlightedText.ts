/**
 * gr.HighlightedText: spans of text tinted by their label (colours from
 * `color_map`, else a fixed palette in order of first appearance) or, for
 * numeric scores, red (positive) / blue (negative) by strength. Labels are
 * shown inline and/or in a legend; every string is rendered as text, never
 * as HTML. Clicking a labelled span fires select with `[token, label]`.
 */

import { h, type ComponentChild } from "preact";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { Empty } from "../ui/empty.js";
import css from "./HighlightedText.css?inline";
import { type ViewModule, type ViewProps } from "./context.js";

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

let probe: CanvasRenderingContext2D | null | undefined;

/** Black or white, whichever reads on `color` (any CSS colour; the canvas normalises it to hex). */
export function textOn(color: string): string {
  probe ??= document.createElement("canvas").getContext("2d");
  if (!probe) return "#fff";
  probe.fillStyle = "#000";
  probe.fillStyle = color;
  const hex = String(probe.fillStyle);
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return "#fff";
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 ? "#111827" : "#ffffff";
}

export function HighlightedText({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const tokens = readTokens(props.value);
  const colors = labelColors(tokens, props.color_map);
  const scores = tokens.some((t) => typeof t.class_or_confidence === "number");
  const inline = props.show_inline_category !== false;
  const select = (i: number, t: Token): void =>
    ctx.trigger(state.id, "select", { index: i, value: [t.token, t.class_or_confidence], selected: true });

  const span = (t: Token, i: number): ComponentChild => {
    const label = t.class_or_confidence;
    if (label == null) return h("span", { key: i, class: "ht-plain" }, t.token);
    if (typeof label === "number") {
      const tint = label >= 0 ? `rgba(239, 68, 68, ${Math.min(1, label)})` : `rgba(59, 130, 246, ${Math.min(1, -label)})`;
      return h("span", { key: i, class: "ht-token ht-score", style: { backgroundColor: tint }, title: String(label), onClick: () => select(i, t) }, t.token);
    }
    const color = colors.get(label) ?? "#9ca3af";
    return h(
      "span",
      { key: i, class: "ht-token", style: { "--ht-color": color, "--ht-on": textOn(color) }, onClick: () => select(i, t) },
      h("span", { class: "ht-text" }, t.token),
      inline ? h("span", { class: "ht-label" }, label) : null,
    );
  };

  return h(
    Block,
    { state, class: "highlightedtext" },
    h(BlockTitle, { props, fallback: "Highlighted Text" }),
    props.show_legend === true && colors.size > 0
      ? h("div", { class: "ht-legend", "aria-label": "Legend" },
          [...colors].map(([label, color]) => h("span", { key: label, class: "ht-legend-item", style: { "--ht-color": color } }, label)))
      : null,
    props.show_legend === true && scores
      ? h("div", { class: "ht-legend ht-score-legend", "aria-hidden": "true" }, h("span", null, "−1"), h("span", { class: "ht-gradient" }), h("span", null, "+1"))
      : null,
    tokens.length
      ? h("div", { class: "ht-body", dir: props.rtl === true ? "rtl" : undefined }, tokens.map(span))
      : h(Empty, { text: "No text" }),
  );
}

export default { view: HighlightedText, css } satisfies ViewModule;
