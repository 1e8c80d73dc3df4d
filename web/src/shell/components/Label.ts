/**
 * gr.Label: the top class in large type and one confidence bar per class.
 * Value: `{label, confidences: [{label, confidence}]}` (already postprocessed
 * by the server) or a plain string/number. Clicking a class fires `select`.
 */

import { h, type ComponentChild } from "preact";
import css from "./Label.css?inline";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { num, str, type ViewModule, type ViewProps } from "./context.js";

type Conf = { label: unknown; confidence: unknown };

export function Label({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const v = props.value;
  const obj = typeof v === "object" && v !== null ? (v as { label?: unknown; confidences?: Conf[] }) : null;
  const top = obj ? str(obj.label) : str(v);
  const confs = obj && Array.isArray(obj.confidences) ? obj.confidences : [];
  const color = str(props.color);
  const selectable = ctx.engine.listens(state.id, "select");
  return h(
    Block,
    { state },
    h(BlockTitle, { props, fallback: "Label" }),
    props.show_heading !== false || !confs.length
      ? h("div", { class: "label-top", style: color ? { color } : undefined }, top || "—")
      : null,
    confs.length
      ? h(
          "ul",
          { class: "label-confidences" },
          confs.map((c, i) => {
            const p = num(c.confidence) ?? 0;
            const name = str(c.label);
            const text = [h("span", null, name), h("span", null, `${Math.round(p * 100)}%`)];
            return h(
              "li",
              { key: name, class: "label-conf" },
              // Only selectable (a keyboard-reachable button) when something listens.
              selectable
                ? h(
                    "button",
                    {
                      type: "button",
                      class: "label-conf-text label-select",
                      onClick: () => ctx.trigger(state.id, "select", { index: i, value: name, selected: true }),
                    },
                    text,
                  )
                : h("div", { class: "label-conf-text" }, text),
              h(
                "div",
                { class: "label-bar", role: "meter", "aria-label": name, "aria-valuenow": Math.round(p * 100), "aria-valuemin": 0, "aria-valuemax": 100 },
                h("div", { class: "label-fill", style: { width: `${p * 100}%`, background: color || undefined } }),
              ),
            );
          }),
        )
      : null,
  );
}

export default { view: Label, css } satisfies ViewModule;
