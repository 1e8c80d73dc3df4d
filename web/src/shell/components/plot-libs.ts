/**
 * gr.Plot's drawing libraries, each fetched with import() only when a figure
 * of its kind arrives (Vite makes each its own chunk): Plotly (plotly.js),
 * Altair (Vega-Embed: Vega + Vega-Lite) and Bokeh (BokehJS from npm, the
 * version of the Python bokeh it was tested with). matplotlib needs none:
 * Python sends a finished image.
 *
 * `draw(kind, el, text)` draws into `el` and returns how to undo it.
 */

export type PlotKind = "matplotlib" | "plotly" | "altair" | "bokeh";
export type Undraw = () => void;

/** Plotly keeps its CSS in one <style> of document.head; a shadow root needs a copy next to the plot. */
function copyPlotlyCss(el: HTMLElement): void {
  const global = document.getElementById("plotly.js-style-global") as HTMLStyleElement | null;
  const rules = global?.sheet?.cssRules;
  if (!rules) return;
  const style = document.createElement("style");
  style.dataset.plotly = "css";
  style.textContent = Array.from(rules, (r) => r.cssText).join("\n");
  el.querySelector("style[data-plotly]")?.remove();
  el.prepend(style);
}

async function drawPlotly(el: HTMLElement, text: string, showLabel: boolean): Promise<Undraw> {
  const figure = JSON.parse(text) as { data?: unknown[]; layout?: Record<string, unknown>; config?: Record<string, unknown> };
  const { default: Plotly } = await import("plotly.js-dist-min");
  const layout: Record<string, unknown> = { ...(figure.layout ?? {}), autosize: true };
  const margin: Record<string, unknown> = { ...((layout.margin as Record<string, unknown> | undefined) ?? {}), autoexpand: true };
  // Gradio's rule: a titled figure under a visible label gets room for the title.
  if (layout.title && showLabel) margin.t = Math.max(100, Number(margin.t) || 0);
  layout.margin = margin;
  const host = document.createElement("div");
  el.append(host);
  await Plotly.react(host, figure.data ?? [], layout, { ...(figure.config ?? {}), responsive: true });
  copyPlotlyCss(el);
  Plotly.Plots.resize(host);
  return () => Plotly.purge(host);
}

async function drawAltair(el: HTMLElement, text: string): Promise<Undraw> {
  const spec = JSON.parse(text) as Record<string, unknown>;
  const { default: embed } = await import("vega-embed");
  const host = document.createElement("div");
  el.append(host);
  const result = await embed(host, spec as never, { actions: { export: true, source: false, compiled: false, editor: false } });
  return () => result.finalize();
}

async function drawBokeh(el: HTMLElement, text: string): Promise<Undraw> {
  const item = JSON.parse(text) as unknown;
  const { default: Bokeh } = await import("@bokeh/bokehjs/build/js/bokeh.esm.min.js");
  const host = document.createElement("div");
  el.append(host);
  await Bokeh.embed.embed_item(item, host);
  return () => host.remove();
}

/** Draws a non-image figure into `el`; throws when the text is not the library's JSON. */
export async function draw(kind: PlotKind, el: HTMLElement, text: string, showLabel: boolean): Promise<Undraw> {
  if (kind === "plotly") return drawPlotly(el, text, showLabel);
  if (kind === "altair") return drawAltair(el, text);
  if (kind === "bokeh") return drawBokeh(el, text);
  throw new Error(`no drawing library for ${kind} plots`);
}
