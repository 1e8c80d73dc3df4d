/**
 * gr.Walkthrough / gr.Step (config types `walkthrough` and `walkthroughstep`):
 * a stepper — numbered steps joined by a line, the selected one's children
 * below. `selected` (a step `id`, falling back to its position) is a prop, so
 * an event output moves the walkthrough on; a user click fires the Step's and
 * the Walkthrough's `select`; `change` fires whenever `selected` changes.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef } from "preact/hooks";
import css from "./Walkthrough.css?inline";
import type { ViewModule, ViewProps } from "../components/context.js";
import { domId, str } from "../components/context.js";
import { classList } from "../components/block.js";
import type { LayoutNode } from "../types.js";

type StepInfo = { node: LayoutNode; key: unknown; label: string; disabled: boolean };

function stepsOf(p: ViewProps): StepInfo[] {
  const out: StepInfo[] = [];
  (p.node.children ?? []).forEach((child, i) => {
    const cp = p.ctx.store.get(child.id)?.props.value;
    if (!cp || cp.visible === false) return;
    out.push({ node: child, key: cp.id ?? i, label: str(cp.label, `Step ${i + 1}`), disabled: cp.interactive === false });
  });
  return out;
}

export function Walkthrough(p: ViewProps): ComponentChild {
  const { state, ctx } = p;
  const props = state.props.value;
  const steps = stepsOf(p);
  // `change` follows `selected` whoever moved it (a click or a Python update), as in Gradio.
  const seen = useRef(props.selected);
  useEffect(() => {
    if (seen.current === props.selected) return;
    seen.current = props.selected;
    ctx.trigger(state.id, "change");
  }, [props.selected]);
  if (!steps.length) return null;
  const current = steps.find((s) => s.key === props.selected) ?? steps[0]!;
  const at = steps.indexOf(current);

  const select = (s: StepInfo): void => {
    if (s.disabled || s === current) return;
    state.props.value = { ...state.props.peek(), selected: s.key };
    const data = { index: steps.indexOf(s), value: s.label, selected: true };
    ctx.trigger(s.node.id, "select", data);
    ctx.trigger(state.id, "select", data);
  };

  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";
  return h(
    "div",
    { class: classList("walkthrough", cls), id: str(props.elem_id) || undefined },
    h(
      "ol",
      { class: "stepper", "aria-label": "Steps" },
      steps.map((s, i) =>
        h(
          "li",
          { key: s.node.id, class: classList("stepper-item", i < at && "done", s === current && "current") },
          h(
            "button",
            {
              type: "button",
              class: "stepper-button",
              id: domId(s.node.id, "step"),
              "aria-current": s === current ? "step" : undefined,
              "aria-controls": domId(s.node.id, "panel"),
              disabled: s.disabled,
              onClick: () => select(s),
            },
            h("span", { class: "stepper-number", "aria-hidden": "true" }, i < at ? "✓" : String(i + 1)),
            h("span", { class: "stepper-label" }, s.label),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "step-panel", role: "region", id: domId(current.node.id, "panel"), "aria-labelledby": domId(current.node.id, "step"), key: current.node.id },
      (current.node.children ?? []).map((c) => ctx.renderNode(c)),
    ),
  );
}

/** A Step outside a Walkthrough (should not happen): render its children. */
export function Step(p: ViewProps): ComponentChild {
  return h("div", { class: "step-panel" }, (p.node.children ?? []).map((c) => p.ctx.renderNode(c)));
}

export default { view: Walkthrough, css } satisfies ViewModule;
export const step = { view: Step, css } satisfies ViewModule;
