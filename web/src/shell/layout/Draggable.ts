/**
 * gr.Draggable: its children in a row or a column, each one picked up by its
 * grip and dropped before or after another (HTML drag and drop), or moved
 * with the grip's arrow keys. The order is the user's view only: as in
 * Gradio, nothing is sent to Python.
 */

import { h, type ComponentChild } from "preact";
import { useState } from "preact/hooks";
import css from "./Draggable.css?inline";
import type { ViewModule, ViewProps } from "../components/context.js";
import { str } from "../components/context.js";
import { classList } from "../components/block.js";
import type { LayoutNode } from "../types.js";

/** The children's ids in the user's order: kept ones first, new ones appended. */
function ordered(current: number[], ids: number[]): number[] {
  const kept = current.filter((id) => ids.includes(id));
  return [...kept, ...ids.filter((id) => !kept.includes(id))];
}

function moved(order: number[], from: number, to: number): number[] {
  const out = order.filter((id) => id !== from);
  const at = out.indexOf(to);
  out.splice(at < 0 ? out.length : at + (order.indexOf(from) < order.indexOf(to) ? 1 : 0), 0, from);
  return out;
}

/**
 * The movable items: the server wraps runs of form fields in an invisible
 * `form`, so a form's fields count as items of their own (a Row or Group stays one).
 */
function items(p: ViewProps): LayoutNode[] {
  return (p.node.children ?? []).flatMap((c) => (p.ctx.store.get(c.id)?.type === "form" ? (c.children ?? []) : [c]));
}

export function Draggable(p: ViewProps): ComponentChild {
  const { state, ctx } = p;
  const props = state.props.value;
  const kids = items(p);
  const [order, setOrder] = useState<number[]>([]);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const ids = ordered(order, kids.map((k) => k.id));
  const row = props.orientation === "row";
  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";

  const move = (id: number, delta: number): void => {
    const i = ids.indexOf(id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    setOrder(moved(ids, id, ids[j]!));
  };

  return h(
    "div",
    { class: classList("draggable", row ? "draggable-row" : "draggable-column", cls), id: str(props.elem_id) || undefined },
    ids.map((id, i) => {
      const child = kids.find((k) => k.id === id)!;
      return h(
        "div",
        {
          key: id,
          class: classList("draggable-item", dragging === id && "dragging", over === id && dragging !== id && "drop-target"),
          "data-child": String(id),
          onDragOver: (e: DragEvent) => {
            if (dragging === null) return;
            e.preventDefault();
            if (over !== id) setOver(id);
          },
          onDragLeave: () => over === id && setOver(null),
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            if (dragging !== null && dragging !== id) setOrder(moved(ids, dragging, id));
            setDragging(null);
            setOver(null);
          },
        },
        h(
          "button",
          {
            type: "button",
            class: "drag-handle",
            draggable: true,
            title: "Drag to reorder (arrow keys move it)",
            "aria-label": `Move item ${i + 1} of ${ids.length}`,
            onDragStart: (e: DragEvent) => {
              e.dataTransfer?.setData("text/plain", String(id));
              if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
              setDragging(id);
            },
            onDragEnd: () => {
              setDragging(null);
              setOver(null);
            },
            onKeyDown: (e: KeyboardEvent) => {
              const back = row ? "ArrowLeft" : "ArrowUp";
              const fwd = row ? "ArrowRight" : "ArrowDown";
              if (e.key !== back && e.key !== fwd) return;
              e.preventDefault();
              move(id, e.key === fwd ? 1 : -1);
            },
          },
          "⠿",
        ),
        h("div", { class: "draggable-content" }, ctx.renderNode(child)),
      );
    }),
  );
}

export default { view: Draggable, css } satisfies ViewModule;
