/**
 * gr.LinePlot / gr.ScatterPlot / gr.BarPlot (config type `nativeplot`):
 * Gradio's PlotData drawn with Vega-Lite through vega-embed, as Gradio does.
 * This view is a small chunk; vega + vega-lite + vega-embed are a further
 * chunk loaded with `import()` once a plot has data (the registry prefetches
 * it as soon as a config has a plot).
 *
 * The spec comes from plot-spec.ts. Colours and fonts are read from the
 * theme's CSS variables, and the chart is redrawn when light/dark changes.
 * Text (titles, labels, legend, tooltips) is drawn as SVG text or set with
 * textContent: nothing user-provided is parsed as HTML. Tooltips render in a
 * div inside the shadow root (vega-tooltip's default would write innerHTML
 * into the host page's body).
 *
 * Events: a brush over x fires `select` with `{index, value: [lo, hi],
 * selected: true}` when the pointer is released (temporal ranges in
 * seconds, as Gradio); double-click clears the brush and fires
 * `double_click`. A redraw asked for while the user brushes waits for the
 * pointer to be released.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { View } from "vega";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { Empty } from "../ui/empty.js";
import { IconButton, IconButtons, hasButton } from "../ui/buttons.js";
import { FullscreenButton } from "../ui/actionbuttons.js";
import { customButtons } from "../ui/custombuttons.js";
import { DownloadIcon } from "../ui/icons.js";
import css from "./NativePlot.css?inline";
import { num, str, type ViewModule, type ViewProps } from "./context.js";
import { brushRange, buildSpec, plotModel, plotRows, readPlotData, type PlotTheme, type Row } from "./plot-spec.js";

type Embed = typeof import("vega-embed").default;
let embedLib: Promise<Embed> | undefined;

/** The vega-embed chunk, loaded once (also started by the registry's prefetch). */
export function loadVegaEmbed(): Promise<Embed> {
  embedLib ??= import("vega-embed").then((m) => m.default);
  embedLib.catch(() => (embedLib = undefined));
  return embedLib;
}

const PlotIcon = (): ComponentChild =>
  h("svg", { width: 28, height: 28, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2, "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true" },
    h("path", { d: "M3 3v18h18" }), h("path", { d: "m7 14 4-4 4 3 5-6" }));

function readTheme(el: Element): { theme: PlotTheme; fontSize: number; background: string } {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string): string => cs.getPropertyValue(name).trim() || fallback;
  return {
    theme: {
      text: v("--text", "#1f2937"), muted: v("--text-muted", "#6b7280"), border: v("--border", "#e5e7eb"),
      accent: v("--accent", "#f97316"), accentSoft: v("--accent-soft", "#fff7ed"), accentStrong: v("--accent-strong", "#c2410c"),
      font: v("--font", "sans-serif"),
    },
    fontSize: Math.round(parseFloat(cs.fontSize) || 15),
    background: v("--bg-block", "white"),
  };
}

/** Bumps when the page switches light/dark (media query, or a `dark`/`light` class on the app root). */
function useSchemeVersion(el: { current: Element | null }): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const bump = (): void => setN((k) => k + 1);
    const mq = matchMedia("(prefers-color-scheme: dark)");
    mq.addEventListener("change", bump);
    const root = el.current?.closest(".wasmui");
    const mo = new MutationObserver(bump);
    if (root) mo.observe(root, { attributes: true, attributeFilter: ["class", "data-theme"] });
    return () => {
      mq.removeEventListener("change", bump);
      mo.disconnect();
    };
  }, []);
  return n;
}

/** Renders vega's tooltip value as text rows in `tip` (never as HTML). */
function showTooltip(tip: HTMLElement, wrap: HTMLElement, event: MouseEvent | undefined, value: unknown): void {
  if (value == null || value === "" || !event) {
    tip.hidden = true;
    return;
  }
  tip.replaceChildren();
  const entries: [string, unknown][] = typeof value === "object" ? Object.entries(value as Record<string, unknown>) : [["", value]];
  for (const [k, v] of entries) {
    const row = document.createElement("div");
    row.className = "plot-tip-row";
    if (k) {
      const key = document.createElement("span");
      key.className = "plot-tip-key";
      key.textContent = k;
      row.append(key);
    }
    const val = document.createElement("span");
    val.textContent = typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
    row.append(val);
    tip.append(row);
  }
  tip.hidden = false;
  const box = wrap.getBoundingClientRect();
  const x = event.clientX - box.left + 12;
  const y = event.clientY - box.top + 12;
  const flip = x + tip.offsetWidth > box.width;
  tip.style.left = `${flip ? Math.max(0, x - tip.offsetWidth - 24) : x}px`;
  tip.style.top = `${y}px`;
}

/** True while `target` is the fullscreen element (of the document or of the shell's shadow root). */
function useIsFullscreen(target: { current: HTMLElement | null }): boolean {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const sync = (): void => {
      const el = target.current;
      const root = el?.getRootNode() as Document | ShadowRoot | undefined;
      setFull(!!el && (root?.fullscreenElement === el || document.fullscreenElement === el));
    };
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  return full;
}

export function NativePlot({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const data = readPlotData(props.value);
  const model = data ? plotModel(props, data) : null;
  const selectable = props._selectable === true;

  const block = useRef<HTMLDivElement>(null);
  const fullscreen = useIsFullscreen(block);
  // Fullscreen, the chart fills the screen's height (less the title, caption and padding).
  const height = fullscreen
    ? Math.max(200, window.innerHeight - 110 - (str(props.label) ? 36 : 0) - (str(props.caption) ? 32 : 0))
    : (num(props.height) ?? undefined);
  const wrap = useRef<HTMLDivElement>(null);
  const chart = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const view = useRef<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scheme = useSchemeVersion(block);
  // Latest values for listeners created once per chart.
  const live = useRef({ ctx, id: state.id, temporal: false });
  live.current = { ctx, id: state.id, temporal: model?.xTemporal ?? false };

  // Brushing: the pointer is down on the chart; a redraw waits until it is released.
  const brushing = useRef(false);
  const brush = useRef<[number, number] | null>(null);
  const pendingDraw = useRef<(() => void) | null>(null);

  const rows: Row[] = data && model ? plotRows(props, data, model) : [];
  const themed = block.current ? readTheme(block.current) : null;
  const spec = data && model && themed
    ? buildSpec(props, data, model, { width: 0, height, selectable, theme: themed.theme, fontSize: themed.fontSize })
    : null;
  // The spec without its width (the chart follows its container's width).
  const specKey = spec ? JSON.stringify(spec) : "";

  const [ready, setReady] = useState(false); // the frame is mounted: the theme can be read
  useEffect(() => setReady(true), []);

  const rowsKey = JSON.stringify(rows);
  const drawnRows = useRef(rowsKey);
  useEffect(() => {
    const host = chart.current;
    if (!spec || !host) return;
    drawnRows.current = rowsKey;
    let alive = true;
    let resize: ResizeObserver | null = null;
    const draw = (): void => {
      void loadVegaEmbed()
        .then((embed) => {
          if (!alive) return undefined;
          const width = Math.max(50, host.clientWidth);
          return embed(host, { ...spec, width, datasets: { data: rows } } as never, {
            actions: false, renderer: "svg", defaultStyle: false, mode: "vega-lite",
            tooltip: (_h: unknown, ev: MouseEvent | undefined, _item: unknown, value: unknown) => {
              if (tip.current && wrap.current) showTooltip(tip.current, wrap.current, ev, value);
            },
          });
        })
        .then((result) => {
          if (!result) return;
          if (!alive) {
            result.finalize();
            return;
          }
          view.current?.finalize();
          view.current = result.view;
          setError(null);
          const v = result.view;
          v.addEventListener("dblclick", () => live.current.ctx.trigger(live.current.id, "double_click"));
          if (selectable) {
            v.addSignalListener("brush", (_name: string, value: unknown) => {
              brush.current = brushRange(value, live.current.temporal);
            });
          }
          resize = new ResizeObserver(() => {
            const w = Math.max(50, host.clientWidth);
            if (w !== v.width()) void v.width(w).runAsync();
          });
          resize.observe(host);
          host.dataset.rendered = String(Number(host.dataset.rendered ?? 0) + 1);
        })
        .catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)));
    };
    if (brushing.current) pendingDraw.current = draw;
    else draw();
    return () => {
      alive = false;
      resize?.disconnect();
    };
  }, [specKey, scheme, ready]);

  // Only the rows changed (same spec): swap the data in place.
  useEffect(() => {
    if (drawnRows.current === rowsKey) return;
    drawnRows.current = rowsKey;
    const v = view.current;
    if (v && !pendingDraw.current) void v.data("data", rows).runAsync();
  }, [rowsKey]);

  useEffect(() => () => view.current?.finalize(), []);

  // A brush gives the select event when the pointer is released.
  useEffect(() => {
    const host = chart.current;
    if (!host) return;
    const down = (): void => {
      brushing.current = true;
      brush.current = null;
    };
    const up = (): void => {
      if (!brushing.current) return;
      brushing.current = false;
      const range = brush.current;
      if (range && selectable) live.current.ctx.trigger(live.current.id, "select", { index: range, value: range, selected: true });
      const next = pendingDraw.current;
      pendingDraw.current = null;
      next?.();
    };
    host.addEventListener("pointerdown", down);
    window.addEventListener("pointerup", up);
    return () => {
      host.removeEventListener("pointerdown", down);
      window.removeEventListener("pointerup", up);
    };
  }, [selectable]);

  const exportPng = (): void => {
    const v = view.current;
    if (!v || !block.current) return;
    const bg = readTheme(block.current).background;
    void v.background(bg).toImageURL("png", 2).then((url) => {
      const a = document.createElement("a");
      a.href = url;
      a.download = "chart.png";
      a.click();
    }).finally(() => void v.background("transparent").runAsync());
  };

  const caption = str(props.caption);
  const custom = customButtons(props.buttons);
  const buttons = hasButton(props, "export") || hasButton(props, "fullscreen") || custom.length > 0;
  return h(
    Block,
    { state, class: "nativeplot" },
    h("div", { ref: block, class: "plot-frame" },
      buttons && data
        ? h(IconButtons, {
            floating: true,
            children: [
              hasButton(props, "export") ? h(IconButton, { label: "Export", icon: h(DownloadIcon, null), onClick: exportPng }) : null,
              hasButton(props, "fullscreen") ? h(FullscreenButton, { target: () => block.current }) : null,
            ],
          })
        : null,
      h(BlockTitle, { props }),
      data && model
        ? h("div", { ref: wrap, class: "plot-wrap" },
            h("div", { ref: chart, class: "plot-chart", "data-mark": data.mark, "data-testid": "plot" }),
            h("div", { ref: tip, class: "plot-tip", role: "tooltip", hidden: true }),
            error ? h("div", { class: "plot-error", role: "alert" }, `The plot could not be drawn: ${error}`) : null)
        : h(Empty, { icon: h(PlotIcon, null), large: true }),
      data && caption ? h("p", { class: "plot-caption" }, caption) : null,
    ),
  );
}

export default { view: NativePlot, css } satisfies ViewModule;
