/**
 * gr.Dataset (the table behind gr.Examples): one row per sample, paginated
 * by `samples_per_page`. Clicking a row sets the value to the sample index
 * and fires click + select, which the Examples dependency turns into inputs.
 * Rows are buttons-in-cells so keyboard users can pick an example.
 */

import { h, type ComponentChild } from "preact";
import css from "./Dataset.css?inline";
import { useState } from "preact/hooks";
import { isFileData } from "../types.js";
import { Block, classList } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { num, str, type ViewModule, type ViewProps } from "./context.js";

function cellText(v: unknown): string {
  if (v == null) return "";
  if (isFileData(v)) return v.orig_name || v.path.split(/[\\/]/).pop() || "file";
  if (typeof v === "object") {
    const maybe = v as { path?: unknown; value?: unknown };
    if (typeof maybe.path === "string") return maybe.path.split(/[\\/]/).pop() ?? "";
    return JSON.stringify(v);
  }
  return String(v);
}

export function Dataset({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const samples = Array.isArray(props.samples) ? (props.samples as unknown[][]) : [];
  const perPage = Math.max(1, num(props.samples_per_page) ?? 10);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(samples.length / perPage));
  const current = Math.min(page, pages - 1);
  const compProps = Array.isArray(props.component_props) ? (props.component_props as Record<string, unknown>[]) : [];
  const headersProp = Array.isArray(props.headers) ? (props.headers as unknown[]).map((x) => str(x)) : [];
  const width = samples[0]?.length ?? 0;
  const headers = Array.from({ length: width }, (_, i) => headersProp[i] || str(compProps[i]?.label));
  const showHeaders = headers.some((x) => x);
  const labels = Array.isArray(props.sample_labels) ? (props.sample_labels as unknown[]) : null;

  const choose = (index: number): void => {
    ctx.store.setValue(state.id, index, "user");
    ctx.trigger(state.id, "click");
    ctx.trigger(state.id, "select", { index, value: samples[index] ?? null, selected: true });
  };

  const rows = samples.slice(current * perPage, (current + 1) * perPage);
  return h(
    Block,
    { state },
    h(BlockTitle, { props, fallback: "Examples" }),
    h(
      "div",
      { class: "dataset" },
      h(
        "table",
        { class: "dataset-table" },
        showHeaders ? h("thead", null, h("tr", null, headers.map((x, i) => h("th", { key: i }, x)))) : null,
        h(
          "tbody",
          null,
          rows.map((row, r) => {
            const index = current * perPage + r;
            const label = labels ? str(labels[index]) : "";
            return h(
              "tr",
              { key: index, class: classList("dataset-row", props.value === index && "selected"), onClick: () => choose(index) },
              (label ? [label] : (row as unknown[])).map((cell, c) =>
                h(
                  "td",
                  { key: c },
                  c === 0
                    ? h(
                        "button",
                        {
                          type: "button",
                          class: "dataset-pick",
                          onClick: (e: Event) => {
                            e.stopPropagation();
                            choose(index);
                          },
                        },
                        typeof cell === "string" ? cell : cellText(cell),
                      )
                    : cellText(cell),
                ),
              ),
            );
          }),
        ),
      ),
      pages > 1
        ? h(
            "nav",
            { class: "dataset-pages", "aria-label": "Example pages" },
            Array.from({ length: pages }, (_, p) =>
              h(
                "button",
                { key: p, type: "button", class: classList("page", p === current && "selected"), "aria-current": p === current ? "page" : undefined, onClick: () => setPage(p) },
                String(p + 1),
              ),
            ),
          )
        : null,
    ),
  );
}

export default { view: Dataset, css } satisfies ViewModule;
