/**
 * gr.Plot: Gradio's PlotData (`{type, plot}`) drawn the way its library
 * does. matplotlib arrives as an image data URL (drawn by Python) and shows
 * in an <img>; Plotly, Altair and Bokeh arrive as their JSON and are drawn
 * by plotly.js, Vega-Embed and BokehJS, each loaded only when such a figure
 * arrives (plot-libs.ts). No value: a faint plot icon. A figure that cannot
 * be drawn says why in the block; the next value draws again.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import css from "./Plot.css?inline";
import { Block } from "./block.js";
import { BlockLabel } from "../ui/label.js";
import { Empty } from "../ui/empty.js";
import { PlotIcon } from "../ui/icons.js";
import { str, type ViewModule, type ViewProps } from "./context.js";
import type { PlotKind } from "./plot-libs.js";

type PlotData = { type: PlotKind; plot: string };
const KINDS = new Set(["matplotlib", "plotly", "altair", "bokeh"]);

function asPlot(value: unknown): PlotData | null {
  const v = value as Partial<PlotData> | null;
  return v && typeof v === "object" && KINDS.has(String(v.type)) && typeof v.plot === "string" ? (v as PlotData) : null;
}

/** A Plotly / Altair / Bokeh figure, redrawn whenever its JSON changes. */
function LibraryPlot({ data, showLabel }: { data: PlotData; showLabel: boolean }): ComponentChild {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    let undraw: (() => void) | null = null;
    let live = true;
    setError(null);
    setDrawn(false);
    import("./plot-libs.js")
      .then((libs) => libs.draw(data.type, el, data.plot, showLabel))
      .then((done) => {
        if (live) {
          undraw = done;
          setDrawn(true);
        } else done();
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
      undraw?.();
      el.replaceChildren();
    };
  }, [data.type, data.plot, showLabel]);
  return h(
    "div",
    { class: "plot-frame" },
    h("div", { ref, class: `plot-lib plot-${data.type}`, "data-testid": data.type, "data-drawn": drawn ? "true" : undefined }),
    error ? h("p", { class: "plot-error", role: "alert" }, `Could not draw this ${data.type} plot: ${error}`) : null,
  );
}

export function Plot({ state }: ViewProps): ComponentChild {
  const props = state.props.value;
  const data = asPlot(props.value);
  const showLabel = props.show_label !== false;
  let body: ComponentChild;
  if (!data) {
    body = h(Empty, { large: true, icon: h(PlotIcon, null) });
  } else if (data.type === "matplotlib") {
    body = h(
      "div",
      { class: "plot-frame plot-matplotlib", "data-testid": "matplotlib" },
      h("img", { src: data.plot, alt: `${str(props.label, "Plot")}: matplotlib figure` }),
    );
  } else {
    body = h(LibraryPlot, { key: data.type, data, showLabel });
  }
  return h(
    Block,
    { state, class: "plot-block" },
    h(BlockLabel, { props, icon: h(PlotIcon, null), fallback: "Plot" }),
    body,
  );
}

export default { view: Plot, css } satisfies ViewModule;
