// plotly.js-dist-min and BokehJS's ESM bundle ship no types for these entry points;
// the plot view uses a handful of calls, typed here.
declare module "plotly.js-dist-min" {
  const Plotly: {
    react(el: HTMLElement, data: unknown[], layout: Record<string, unknown>, config: Record<string, unknown>): Promise<unknown>;
    purge(el: HTMLElement): void;
    Plots: { resize(el: HTMLElement): void };
  };
  export default Plotly;
}
declare module "@bokeh/bokehjs/build/js/bokeh.esm.min.js" {
  const Bokeh: {
    version: string;
    embed: { embed_item(item: unknown, target?: string | HTMLElement): Promise<unknown> };
  };
  export default Bokeh;
}
