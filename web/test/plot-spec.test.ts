/** Native plots: the Vega-Lite spec and rows built from Gradio's PlotData, compiled by the real vega-lite. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compile } from "vega-lite";
import {
  binStep, brushRange, buildSpec, colorScale, downsample, escapeField, plotModel, plotRows, readPlotData, type PlotData,
} from "../src/shell/components/plot-spec.js";

const theme = { text: "#111", muted: "#666", border: "#ddd", accent: "#f97316", accentSoft: "#fff7ed", accentStrong: "#c2410c", font: "sans-serif" };
const opts = { width: 400, selectable: false, theme, fontSize: 14 };

const sales: PlotData = {
  columns: ["day", "sales", "shop", "note"],
  data: [[1704067200000, 3, "north", "a"], [1704153600000, 5, "south", "b"], [1704240000000, 4, "north", "c"]],
  datatypes: { day: "temporal", sales: "quantitative", shop: "nominal", note: "nominal" },
  mark: "line",
};

function compiled(props: Record<string, unknown>, data: PlotData, selectable = false): { spec: Record<string, any>; vega: Record<string, any> } {
  const m = plotModel(props, data);
  assert.ok(m);
  const spec = buildSpec(props, data, m, { ...opts, selectable }) as Record<string, any>;
  spec.datasets = { data: plotRows(props, data, m) };
  return { spec, vega: compile(spec as never).spec as Record<string, any> };
}

test("payload guard and field escaping", () => {
  assert.equal(readPlotData(null), null);
  assert.equal(readPlotData({ columns: "x" }), null);
  assert.equal(readPlotData({ columns: ["a"], data: [[1], "bad"], datatypes: {}, mark: "bar" })?.data.length, 1);
  assert.equal(escapeField("a.b[0]"), "a\\.b\\[0\\]");
});

test("x_bin: numbers as steps, durations as milliseconds", () => {
  assert.equal(binStep(5), 5);
  assert.equal(binStep("15m"), 900000);
  assert.equal(binStep("1h"), 3600000);
  assert.equal(binStep("2d"), 172800000);
  assert.equal(binStep("soon"), undefined);
});

test("a line plot with colour compiles, with a hover layer and per-colour scale", () => {
  const { spec, vega } = compiled({ x: "day", y: "sales", color: "shop", color_map: { south: "red" } }, sales);
  assert.equal(spec.layer.length, 2);
  assert.deepEqual(spec.layer[0].encoding.color.scale, { domain: ["north", "south"], range: ["#4c78a8", "red"] });
  assert.ok(vega.marks.some((mk: any) => mk.type === "group" || mk.type === "line"));
  assert.deepEqual(plotRows({ x: "day", y: "sales", color: "shop" }, sales, plotModel({ x: "day", y: "sales", color: "shop" }, sales)!)[0],
    { day: 1704067200000, sales: 3, shop: "north" });
});

test("bars aggregate over categories (sum by default, y_aggregate when given) and sort", () => {
  const bars: PlotData = { ...sales, mark: "bar" };
  const m = plotModel({ x: "shop", y: "sales" }, bars);
  assert.equal(m?.aggregate, "sum");
  assert.equal(plotModel({ x: "shop", y: "sales", y_aggregate: "mean" }, bars)?.aggregate, "mean");
  const { spec } = compiled({ x: "shop", y: "sales", y_aggregate: "mean", sort: "-y" }, bars);
  assert.equal(spec.layer[0].encoding.y.aggregate, "mean");
  assert.equal(spec.layer[0].encoding.x.sort, "-y");
  assert.deepEqual(compiled({ x: "shop", y: "sales", sort: ["south", "north"] }, bars).spec.layer[0].encoding.x.sort, ["south", "north"]);
  // points aggregate only when binned
  assert.equal(plotModel({ x: "day", y: "sales" }, { ...sales, mark: "point" })?.aggregate, undefined);
  assert.equal(plotModel({ x: "day", y: "sales", x_bin: "1d", y_aggregate: "max" }, { ...sales, mark: "point" })?.aggregate, "max");
});

test("binned temporal x compiles; limits become scale domains (temporal x_lim in seconds)", () => {
  const { spec } = compiled({ x: "day", y: "sales", x_bin: "1d", x_lim: [1704067200, null], y_lim: [0, 10] }, { ...sales, mark: "bar" });
  const enc = spec.layer[0].encoding;
  assert.deepEqual(enc.x.bin, { step: 86400000 });
  assert.equal(enc.x.scale.domainMin, 1704067200000);
  assert.equal(enc.x.scale.domainMax, undefined);
  assert.deepEqual([enc.y.scale.domainMin, enc.y.scale.domainMax], [0, 10]);
});

test("labels, title, legend and tooltips follow the props", () => {
  const props = {
    x: "day", y: "sales", color: "shop", title: "Sales", x_title: "Day", y_title: "Units", color_title: "Shop",
    x_label_angle: 45, y_label_angle: -30, x_axis_format: "%b", x_axis_labels_visible: "hidden",
    colors_in_legend: ["north"], tooltip: ["note"],
  };
  const { spec } = compiled(props, sales);
  const enc = spec.layer[0].encoding;
  assert.equal(spec.title, "Sales");
  assert.deepEqual([enc.x.title, enc.y.title], ["Day", "Units"]);
  assert.deepEqual(enc.x.axis, { labelAngle: 45, labels: false, ticks: false, format: "%b" });
  assert.deepEqual(enc.y.axis, { labelAngle: -30 });
  assert.deepEqual(enc.color.legend, { orient: "bottom", title: "Shop", values: ["north"] });
  assert.deepEqual(enc.tooltip.map((f: any) => f.field), ["sales", "day", "shop", "note"]);
  assert.equal(compiled({ ...props, tooltip: "none" }, sales).spec.layer[0].encoding.tooltip, undefined);
  assert.equal(compiled({ ...props, colors_in_legend: [] }, sales).spec.layer[0].encoding.color.legend, null);
  assert.deepEqual(Object.keys(plotRows({ ...props, tooltip: "axis" }, sales, plotModel(props, sales)!)[0]!), ["day", "sales", "shop"]);
});

test("a selectable continuous plot gets an x brush; categories do not", () => {
  assert.equal(compiled({ x: "day", y: "sales" }, { ...sales, mark: "point" }, true).spec.params.at(-1).name, "brush");
  assert.equal(compiled({ x: "shop", y: "sales" }, { ...sales, mark: "bar" }, true).spec.params.length, 0);
  assert.deepEqual(brushRange({ day: [1704067200000, 1704153600000] }, true), [1704067200, 1704153600]);
  assert.deepEqual(brushRange({ x: [1.5, 3] }, false), [1.5, 3]);
  assert.equal(brushRange({}, false), null);
});

test("long lines are thinned to min/max per bin; x_lim keeps one point beyond each end", () => {
  const rows = Array.from({ length: 10000 }, (_, i) => [i, Math.sin(i / 100)]);
  const thin = downsample(rows, 0, 1, null);
  assert.ok(thin.length <= 502 && thin.length > 200, String(thin.length));
  assert.equal(downsample(rows.slice(0, 10), 0, 1, null).length, 10);
  const data: PlotData = { columns: ["x", "y"], data: rows.slice(0, 100), datatypes: { x: "quantitative", y: "quantitative" }, mark: "line" };
  const props = { x: "x", y: "y", x_lim: [10, 20] };
  const xs = plotRows(props, data, plotModel(props, data)!).map((r) => r.x);
  assert.deepEqual(xs, [9, ...Array.from({ length: 11 }, (_, i) => 10 + i), 21]);
});

test("colour categories keep first-appearance order and fill gaps in color_map from the palette", () => {
  assert.deepEqual(colorScale(sales, "shop", { north: "#000" }), { domain: ["north", "south"], range: ["#000", "#4c78a8"] });
});
