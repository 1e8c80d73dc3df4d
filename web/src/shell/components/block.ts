/**
 * Shared chrome for component views: the padded container (it brings the
 * label row's CSS, ui/label.ts), the validation message, and the
 * loading-status overlay (show_progress full / minimal, queue position, ETA
 * timer, gr.Progress bars).
 */

import { h, type ComponentChildren, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ComponentState } from "../engine/store.js";
import type { LoadingStatus, Props } from "../types.js";
import { classList, domId, str } from "../values.js";
import { labelCss } from "../ui/label.js";
import { useCss } from "../ui/styles.js";
import { BlockCustomButtons } from "../ui/custombuttons.js";

export { classList };

function elemClasses(props: Props): string {
  const c = props.elem_classes;
  return Array.isArray(c) ? c.join(" ") : typeof c === "string" ? c : "";
}

/**
 * Flex sizing inside a Row. Exposed as CSS variables because `scale` and
 * `min_width` only mean something when the parent is a Row (the stylesheet
 * reads them there); in a Column they must not stretch heights.
 */
export function sizing(props: Props): Record<string, string> {
  const style: Record<string, string> = {};
  if (typeof props.scale === "number") style["--scale"] = String(props.scale);
  if (typeof props.min_width === "number") style["--min-width"] = `${props.min_width}px`;
  return style;
}

/** `height` / `min_height` / `max_height` props (px numbers or CSS strings). */
export function heightStyle(props: Props): Record<string, string> {
  const css = (v: unknown): string | undefined =>
    typeof v === "number" ? `${v}px` : typeof v === "string" && v ? v : undefined;
  const style: Record<string, string> = {};
  const hgt = css(props.height);
  const min = css(props.min_height);
  const max = css(props.max_height);
  if (hgt) style.height = hgt;
  if (min) style.minHeight = min;
  if (max) style.maxHeight = max;
  if (hgt || max) style.overflowY = "auto";
  return style;
}

type BlockOpts = {
  state: ComponentState;
  children?: ComponentChildren;
  class?: string;
  /** Views that draw their own frame (Markdown, HTML, Button) pass false. */
  padded?: boolean;
};

export function Block({ state, children, class: cls, padded = true }: BlockOpts): ComponentChild {
  const props = state.props.value;
  const status = state.status.value;
  const invalid = state.validation.value;
  const container = props.container !== false && padded;
  useCss(labelCss);
  return h(
    "div",
    {
      id: str(props.elem_id) || undefined,
      class: classList(
        "block",
        `block-${state.type}`,
        container ? "container" : "bare",
        status?.stage === "generating" && "generating",
        status?.stage === "error" && "errored",
        status?.stage === "pending" && status.show === "full" && "pending",
        props.visible === "hidden" && "hidden",
        invalid && "invalid",
        cls,
        elemClasses(props),
      ),
      style: sizing(props),
      "data-testid": `block-${state.id}`,
      "aria-busy": status && status.stage !== "error" ? "true" : undefined,
    },
    children,
    h(BlockCustomButtons, null),
    invalid ? h("div", { class: "validation-error", role: "alert", id: domId(state.id, "error") }, invalid) : null,
    status && status.show !== "hidden" ? h(StatusView, { status }) : null,
  );
}

/** aria-invalid / aria-describedby for an input whose validator failed. */
export function invalidAttrs(state: ComponentState): Record<string, string | undefined> {
  return state.validation.value
    ? { "aria-invalid": "true", "aria-describedby": domId(state.id, "error") }
    : { "aria-invalid": undefined, "aria-describedby": undefined };
}

/** Accessible name for inputs whose visible label is hidden. */
export function ariaLabel(props: Props, fallback: string): string | undefined {
  const label = str(props.label, fallback);
  return props.show_label === false || !str(props.label) ? label : undefined;
}

function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

function ProgressBars({ progress }: { progress: NonNullable<LoadingStatus["progress"]> }): ComponentChild {
  return h(
    "div",
    { class: "progress-list" },
    progress.map((p, i) => {
      const frac =
        p.progress != null ? p.progress : p.index != null && p.length ? p.index / p.length : null;
      const text =
        p.index != null && p.length != null
          ? `${p.index}/${p.length}${p.unit ? ` ${p.unit}` : ""}`
          : frac != null
            ? `${Math.round(frac * 100)}%`
            : "";
      return h(
        "div",
        { class: "progress-item", key: i },
        h("div", { class: "progress-desc" }, [p.desc, text].filter(Boolean).join(" · ")),
        frac != null
          ? h(
              "div",
              { class: "progress-bar", role: "progressbar", "aria-valuenow": Math.round(frac * 100), "aria-valuemin": 0, "aria-valuemax": 100 },
              h("div", { class: "progress-fill", style: { width: `${Math.min(100, frac * 100)}%` } }),
            )
          : null,
      );
    }),
  );
}

function StatusView({ status }: { status: LoadingStatus }): ComponentChild {
  if (status.stage === "error") return h("span", { class: "status status-error" }, "Error");
  return h(RunningStatus, { status });
}

function RunningStatus({ status }: { status: LoadingStatus }): ComponentChild {
  const now = useTicker(true);
  const elapsed = Math.max(0, (now - status.started) / 1000);
  const timer = `${elapsed.toFixed(1)}s${status.eta != null && status.eta > 0 ? ` / ${status.eta.toFixed(1)}s` : ""}`;
  const queue =
    status.queuePosition != null && status.queuePosition > 0
      ? `queue: ${status.queuePosition + 1}/${status.queueSize ?? "?"} | `
      : "";
  const full = status.show === "full" && status.stage === "pending";
  const etaFrac =
    status.eta && status.eta > 0 && status.queuePosition == null ? Math.min(1, elapsed / status.eta) : null;
  return h(
    "div",
    { class: full ? "status status-full" : "status status-minimal", role: "status", "aria-live": "polite" },
    full && etaFrac != null
      ? h("div", { class: "eta-bar", style: { transform: `scaleX(${etaFrac})` } })
      : null,
    // The ticking timer is visual only; screen readers get one "Loading".
    h("span", { class: "status-timer", "aria-hidden": "true" }, `${queue}${timer}`),
    full ? h("span", { class: "spinner", "aria-hidden": "true" }) : null,
    full && status.progress?.length ? h(ProgressBars, { progress: status.progress }) : null,
    h("span", { class: "visually-hidden" }, status.stage === "generating" ? "Generating" : "Loading"),
  );
}
