/**
 * gr.LinePlot / ScatterPlot / BarPlot: the pure part. From Gradio's PlotData
 * payload (`{columns, data, datatypes, mark}`) and the component's props it
 * builds the rows Vega-Lite draws and the Vega-Lite spec, following what
 * Gradio's own view does (marks, colour with `color_map`, `x_bin` and
 * `y_aggregate`, `sort`, limits, labels, tooltips, legend, title, brush).
 * No DOM here, so node unit tests can compile the spec with vega-lite.
 */

export type Datatype = "quantitative" | "nominal" | "temporal";
export type PlotData = { columns: string[]; data: unknown[][]; datatypes: Record<string, Datatype>; mark: string };
export type Row = Record<string, unknown>;
type Props = Record<string, unknown>;

/** Colours and fonts read from the theme's CSS variables (light or dark). */
export type PlotTheme = {
  text: string;
  muted: string;
  border: string;
  accent: string;
  accentSoft: string;
  accentStrong: string;
  font: string;
};

/** Tableau 10: readable on light and dark backgrounds; used where `color_map` names no colour. */
const PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac"];
const SUFFIX_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const AGGREGATES = new Set(["sum", "mean", "median", "min", "max", "count"]);

export function readPlotData(v: unknown): PlotData | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  if (!Array.isArray(o.columns) || !Array.isArray(o.data)) return null;
  const datatypes = o.datatypes && typeof o.datatypes === "object" ? (o.datatypes as Record<string, Datatype>) : {};
  return {
    columns: o.columns.map(String),
    data: o.data.filter(Array.isArray) as unknown[][],
    datatypes,
    mark: typeof o.mark === "string" ? o.mark : "point",
  };
}

const strOr = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const numOr = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Vega-Lite reads `.`, `[` and `]` in a field name as paths: escape them. */
export function escapeField(name: string): string {
  return name.replace(/[.[\]]/g, (c) => `\\${c}`);
}

/** `x_bin` as a bin step: a number as is, "15m"/"1h"/... as milliseconds (temporal x). */
export function binStep(xBin: unknown): number | undefined {
  if (typeof xBin === "number" && xBin > 0) return xBin;
  if (typeof xBin !== "string") return undefined;
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(xBin.trim());
  return m ? 1000 * Number(m[1]) * (SUFFIX_SECONDS[m[2] ?? "s"] ?? 1) : undefined;
}

/** What the chart shows, derived once from props + payload. */
export type PlotModel = {
  x: string;
  y: string;
  color: string | undefined;
  mark: string;
  types: Record<string, Datatype>;
  xTemporal: boolean;
  step: number | undefined;
  aggregate: string | undefined;
  /** x limits in data units (temporal: ms); null = open end. */
  xLim: [number | null, number | null] | null;
  yLim: [number | null, number | null] | null;
};

function limits(v: unknown, factor = 1): [number | null, number | null] | null {
  if (!Array.isArray(v)) return null;
  const at = (i: number): number | null => (typeof v[i] === "number" ? (v[i] as number) * factor : null);
  return [at(0), at(1)];
}

export function plotModel(props: Props, data: PlotData): PlotModel | null {
  const x = strOr(props.x) ?? data.columns[0];
  const y = strOr(props.y) ?? data.columns[1];
  if (x === undefined || y === undefined) return null;
  const color = strOr(props.color);
  const types = data.datatypes;
  const xTemporal = types[x] === "temporal";
  const step = binStep(props.x_bin);
  const requested = typeof props.y_aggregate === "string" && AGGREGATES.has(props.y_aggregate) ? props.y_aggregate : undefined;
  // Bars and lines aggregate over bins and categories; points only when binned.
  const aggregating = data.mark === "point" ? step !== undefined : step !== undefined || types[x] === "nominal";
  return {
    x, y, color, mark: data.mark, types, xTemporal, step,
    aggregate: aggregating ? (requested ?? "sum") : undefined,
    xLim: limits(props.x_lim, xTemporal ? 1000 : 1),
    yLim: limits(props.y_lim),
  };
}

/**
 * Long line series are thinned as Gradio does: per colour, the x range is cut
 * into 250 bins and only each bin's lowest and highest point are kept, so the
 * shape survives and the browser draws ~500 points, not 100,000.
 */
export function downsample(rows: unknown[][], xi: number, yi: number, ci: number | null, lo?: number, hi?: number): unknown[][] {
  if (rows.length < 1000) return rows;
  let start = lo;
  let end = hi;
  if (start === undefined || end === undefined) {
    for (const r of rows) {
      const v = r[xi] as number;
      if (start === undefined || v < start) start = v;
      if (end === undefined || v > end) end = v;
    }
  }
  if (start === undefined || end === undefined || !(end > start)) return rows;
  const size = (end - start) / 250;
  const bins = new Map<unknown, Map<number, [number, number, number, number]>>();
  rows.forEach((r, i) => {
    const key = ci === null ? "" : r[ci];
    const b = Math.floor(((r[xi] as number) - (start as number)) / size);
    const y = r[yi] as number;
    let per = bins.get(key);
    if (!per) bins.set(key, (per = new Map()));
    const cur = per.get(b) ?? [i, y, i, y];
    if (y < cur[1]) [cur[0], cur[1]] = [i, y];
    if (y > cur[3]) [cur[2], cur[3]] = [i, y];
    per.set(b, cur);
  });
  const out: unknown[][] = [];
  for (const per of bins.values()) {
    for (const b of [...per.keys()].sort((a, c) => a - c)) {
      const [minI, , maxI] = per.get(b) as [number, number, number, number];
      for (const i of minI === maxI ? [minI] : [Math.min(minI, maxI), Math.max(minI, maxI)]) out.push(rows[i] as unknown[]);
    }
  }
  return out;
}

/** Rows as Vega-Lite objects: limited to x_lim (plus the nearest point outside each end, so lines reach the edge), thinned, with the columns the tooltip needs. */
export function plotRows(props: Props, data: PlotData, m: PlotModel): Row[] {
  const xi = data.columns.indexOf(m.x);
  const yi = data.columns.indexOf(m.y);
  const ci = m.color !== undefined && data.columns.includes(m.color) ? data.columns.indexOf(m.color) : null;
  let rows = data.data;
  const thin = m.mark === "line" && m.step === undefined && m.types[m.x] !== "nominal";
  const [lo, hi] = m.xLim ?? [null, null];
  if (lo !== null && hi !== null && m.types[m.x] !== "nominal") {
    const before = new Map<unknown, [number, number]>();
    const after = new Map<unknown, [number, number]>();
    const inside = rows.filter((r, i) => {
      const v = r[xi] as number;
      const key = ci === null ? "" : r[ci];
      if (v < lo && (before.get(key)?.[1] ?? -Infinity) < v) before.set(key, [i, v]);
      if (v > hi && (after.get(key)?.[1] ?? Infinity) > v) after.set(key, [i, v]);
      return v >= lo && v <= hi;
    });
    const edge = (m: Map<unknown, [number, number]>): unknown[][] => [...m.values()].map(([i]) => rows[i] as unknown[]);
    rows = [...edge(before), ...(thin ? downsample(inside, xi, yi, ci, lo, hi) : inside), ...edge(after)];
  } else if (thin) {
    rows = downsample(rows, xi, yi, ci);
  }
  const all = props.tooltip === "all" || Array.isArray(props.tooltip);
  return rows.map((r) => {
    if (all) return Object.fromEntries(data.columns.map((c, i) => [c, r[i]]));
    const o: Row = { [m.x]: r[xi], [m.y]: r[yi] };
    if (m.color !== undefined && ci !== null) o[m.color] = r[ci];
    return o;
  });
}

/** `sort` of x: by x itself, by the (aggregated) y value as drawn, or an explicit category order. */
function sortOf(sort: unknown): unknown {
  if (sort === "x") return "ascending";
  if (sort === "-x") return "descending";
  if (sort === "y" || sort === "-y") return sort; // Vega-Lite's sort by the y channel (after aggregation)
  return Array.isArray(sort) ? sort : undefined;
}

/** Colour categories in order of appearance, each with its `color_map` colour or the next palette colour. */
export function colorScale(data: PlotData, color: string, colorMap: unknown): { domain: unknown[]; range: string[] } {
  const ci = data.columns.indexOf(color);
  const domain = ci < 0 ? [] : [...new Set(data.data.map((r) => r[ci]))];
  const given = colorMap && typeof colorMap === "object" ? (colorMap as Record<string, unknown>) : {};
  let next = 0;
  const range = domain.map((d) => {
    const c = given[String(d)];
    return typeof c === "string" && c ? c : (PALETTE[next++ % PALETTE.length] as string);
  });
  return { domain, range };
}

function tooltipFields(props: Props, data: PlotData, m: PlotModel): unknown[] | undefined {
  if (props.tooltip === "none") return undefined;
  const xTitle = strOr(props.x_title) ?? m.x;
  const yTitle = strOr(props.y_title) ?? m.y;
  const fields: unknown[] = [
    { field: escapeField(m.y), type: m.types[m.y] ?? "quantitative", aggregate: m.aggregate, title: yTitle },
    {
      field: escapeField(m.x), type: m.types[m.x] ?? "quantitative", title: xTitle,
      format: m.xTemporal ? "%Y-%m-%d %H:%M:%S" : undefined, bin: m.step ? { step: m.step } : undefined,
    },
  ];
  if (m.color !== undefined) fields.push({ field: escapeField(m.color), type: m.types[m.color] ?? "nominal" });
  if (props.tooltip !== "axis") {
    const extra = data.columns.filter((c) => c !== m.x && c !== m.y && c !== m.color &&
      (props.tooltip === "all" || (Array.isArray(props.tooltip) && props.tooltip.includes(c))));
    for (const c of extra) fields.push({ field: escapeField(c), type: data.datatypes[c] ?? "nominal" });
  }
  return fields;
}

export type SpecOptions = { width: number; height?: number; selectable: boolean; theme: PlotTheme; fontSize: number };

/** The Vega-Lite spec (data arrives separately as the named dataset "data"). */
export function buildSpec(props: Props, data: PlotData, m: PlotModel, o: SpecOptions): Record<string, unknown> {
  const t = o.theme;
  const isLine = m.mark === "line";
  const labelsShown = props.x_axis_labels_visible !== false && props.x_axis_labels_visible !== "hidden";
  const xFormat = strOr(props.x_axis_format);
  const yFormat = strOr(props.y_axis_format);
  const yAngle = numOr(props.y_label_angle);
  const xType = m.types[m.x] ?? "quantitative";
  // zero: false (as Gradio) only where it means something: quantitative scales.
  const scaleLimits = (lim: [number | null, number | null] | null, type: string | undefined): Record<string, unknown> => ({
    zero: type === "quantitative" || type === undefined ? false : undefined,
    domainMin: lim?.[0] ?? undefined,
    domainMax: lim?.[1] ?? undefined,
  });

  let color: Record<string, unknown> | undefined;
  if (m.color !== undefined) {
    const nominal = m.types[m.color] !== "quantitative" && m.types[m.color] !== "temporal";
    const inLegend = props.colors_in_legend;
    color = {
      field: escapeField(m.color),
      type: m.types[m.color] ?? "nominal",
      legend: Array.isArray(inLegend) && inLegend.length === 0 ? null : {
        orient: "bottom",
        title: strOr(props.color_title),
        values: Array.isArray(inLegend) ? [...inLegend] : undefined,
      },
      scale: nominal ? colorScale(data, m.color, props.color_map) : { range: [t.accentSoft, t.accent, t.accentStrong], interpolate: "hsl" },
    };
  }

  const layer = (mode: "plot" | "hover"): Record<string, unknown> => ({
    name: mode,
    mark: { type: mode === "hover" ? "point" : m.mark, clip: true },
    encoding: {
      x: {
        field: escapeField(m.x),
        type: xType,
        title: strOr(props.x_title) ?? m.x,
        axis: {
          labelAngle: numOr(props.x_label_angle) ?? 0,
          labels: labelsShown,
          ticks: labelsShown,
          ...(xFormat ? { format: xFormat } : {}),
        },
        scale: scaleLimits(m.xLim, xType),
        bin: m.step ? { step: m.step } : undefined,
        sort: sortOf(props.sort),
      },
      y: {
        field: escapeField(m.y),
        type: m.types[m.y] ?? "quantitative",
        title: strOr(props.y_title) ?? m.y,
        axis: { ...(yAngle ? { labelAngle: yAngle } : {}), ...(yFormat ? { format: yFormat } : {}) },
        scale: scaleLimits(m.yLim, m.types[m.y]),
        aggregate: m.aggregate,
      },
      color,
      tooltip: tooltipFields(props, data, m),
      size: isLine
        ? mode === "plot"
          ? { condition: { param: "hoverPlot", empty: false, value: 3 }, value: 2 }
          : { condition: { param: "hover", empty: false, value: 100 }, value: 0 }
        : undefined,
      opacity: mode === "hover" ? { condition: { param: "hover", empty: false, value: 1 }, value: 0 } : undefined,
    },
  });

  const params: unknown[] = [];
  if (isLine) {
    const hover = { on: "pointerover", clear: "pointerout", nearest: true, type: "point" };
    params.push(
      { name: "hoverPlot", views: ["hover"], select: { ...hover, fields: m.color !== undefined ? [escapeField(m.color)] : [] } },
      { name: "hover", views: ["hover"], select: hover },
    );
  }
  // A brush over x (not over categories: interval selections need a continuous scale).
  if (o.selectable && xType !== "nominal") {
    params.push({ name: "brush", views: ["plot"], select: { type: "interval", encodings: ["x"], mark: { fill: "gray", fillOpacity: 0.3, stroke: "none" } } });
  }

  const sm = Math.max(10, o.fontSize - 2);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    background: "transparent",
    width: o.width,
    ...(o.height ? { height: o.height } : {}),
    autosize: { type: "fit", contains: "padding" },
    title: strOr(props.title),
    data: { name: "data" },
    layer: (isLine ? (["plot", "hover"] as const) : (["plot"] as const)).map(layer),
    params,
    config: {
      font: t.font,
      axis: {
        labelColor: t.text, titleColor: t.text, labelFont: t.font, titleFont: t.font, labelFontSize: sm, titleFontSize: sm,
        titleFontWeight: "normal", labelFontWeight: "normal", titlePadding: 8, tickColor: t.border, gridColor: t.border,
        domain: false, labelAngle: 0,
      },
      legend: {
        labelColor: t.text, titleColor: t.text, labelFont: t.font, titleFont: t.font, titleFontSize: sm,
        titleFontWeight: "normal", labelFontWeight: "normal", offset: 2,
      },
      title: { color: t.text, font: t.font, fontSize: o.fontSize, fontWeight: 600, anchor: "middle" },
      view: { stroke: t.border },
      mark: { cursor: "crosshair", ...(m.mark === "bar" ? { fill: t.accent } : { stroke: t.accent }) },
    },
  };
}

/** Python's select event data for a brush: `{field: [lo, hi]}` → the x range (temporal in seconds, as Gradio sends it). */
export function brushRange(value: unknown, temporal: boolean): [number, number] | null {
  if (!value || typeof value !== "object") return null;
  const first = Object.values(value as Record<string, unknown>)[0];
  if (!Array.isArray(first) || first.length < 2) return null;
  const lo = Number(first[0]);
  const hi = Number(first[first.length - 1]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  return temporal ? [lo / 1000, hi / 1000] : [lo, hi];
}
