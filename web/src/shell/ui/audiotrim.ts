/**
 * Trimming an editable gr.Audio, as Gradio 6.31 does: "Trim audio to selection"
 * puts a region over the waveform (a quarter to half of the clip), its two
 * handles drag or move with the arrow keys, "Trim" cuts the clip to it (decoded
 * and re-encoded as WAV in the page, so no codec is needed) and makes that the
 * value; "Reset audio" brings back the clip before the first trim.
 */

import { h, type ComponentChild } from "preact";
import { useRef, useState } from "preact/hooks";
import { encodeWav } from "./capture.js";
import { IconButton } from "./buttons.js";
import { ResetIcon } from "./mediaicons.js";

/** Seconds per arrow-key press on a focused handle. */
const KEY_STEP = 0.1;

/** The samples of `url` between `start` and `end` seconds, as a WAV file (decoded at `rate` Hz). */
export async function trimToWav(url: string, start: number, end: number, rate: number, name: string): Promise<File> {
  const bytes = await (await fetch(url)).arrayBuffer();
  const buffer = await new OfflineAudioContext(1, 1, rate).decodeAudioData(bytes);
  const from = Math.max(0, Math.floor(start * buffer.sampleRate));
  const to = Math.min(buffer.length, Math.ceil(end * buffer.sampleRate));
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice(from, to));
  return new File([encodeWav(channels, buffer.sampleRate) as BlobPart], name, { type: "audio/wav" });
}

const ScissorsIcon = (): ComponentChild =>
  h(
    "svg",
    { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2,
      "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true", focusable: "false" },
    h("circle", { cx: 6, cy: 6, r: 3 }),
    h("circle", { cx: 6, cy: 18, r: 3 }),
    h("path", { d: "M20 4 8.12 15.88" }),
    h("path", { d: "M14.47 14.48 20 20" }),
    h("path", { d: "M8.12 8.12 12 12" }),
  );

type Region = { start: number; end: number };

/**
 * The trim controls and, while trimming, the region drawn over `waveform` (the
 * element the region is laid over). `onTrim` gets the chosen seconds.
 */
export function TrimControls({ duration, color, canReset, onTrim, onReset, children }: {
  duration: number;
  color?: string | null;
  canReset: boolean;
  onTrim: (start: number, end: number) => Promise<void>;
  onReset: () => void;
  /** The waveform the region covers. */
  children: ComponentChild;
}): ComponentChild {
  const [region, setRegion] = useState<Region | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const usable = duration > 0 && Number.isFinite(duration);

  const move = (edge: "start" | "end", seconds: number): void =>
    setRegion((r) => {
      if (!r) return r;
      const t = Math.max(0, Math.min(duration, seconds));
      return edge === "start" ? { ...r, start: Math.min(t, r.end - 0.01) } : { ...r, end: Math.max(t, r.start + 0.01) };
    });
  const drag = (edge: "start" | "end") => (e: PointerEvent): void => {
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const onMove = (ev: PointerEvent): void => {
      const rect = box.current?.getBoundingClientRect();
      if (rect && rect.width > 0) move(edge, ((ev.clientX - rect.left) / rect.width) * duration);
    };
    const onUp = (): void => {
      target.removeEventListener("pointermove", onMove);
      target.removeEventListener("pointerup", onUp);
    };
    target.addEventListener("pointermove", onMove);
    target.addEventListener("pointerup", onUp);
    e.preventDefault();
  };
  const keys = (edge: "start" | "end") => (e: KeyboardEvent): void => {
    if (!region || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
    e.preventDefault();
    move(edge, region[edge] + (e.key === "ArrowLeft" ? -KEY_STEP : KEY_STEP));
  };
  const handle = (edge: "start" | "end"): ComponentChild =>
    h("button", {
      type: "button",
      class: `trim-handle trim-${edge}`,
      "aria-label": edge === "start" ? "Drag to adjust start time" : "Drag to adjust end time",
      "data-seconds": region ? region[edge].toFixed(2) : undefined,
      onPointerDown: drag(edge),
      onKeyDown: keys(edge),
    });
  const apply = async (): Promise<void> => {
    if (!region) return;
    setBusy(true);
    try {
      await onTrim(region.start, region.end);
      setRegion(null);
    } finally {
      setBusy(false);
    }
  };

  const pct = (s: number): string => `${(100 * s) / (duration || 1)}%`;
  return h(
    "div",
    { class: "trim" },
    h(
      "div",
      { class: "trim-box", ref: box },
      children,
      region
        ? h("div", {
            class: "trim-region",
            "data-testid": "trim-region",
            style: { left: pct(region.start), width: pct(region.end - region.start), ...(color ? { "--trim-color": color } : {}) },
          }, handle("start"), handle("end"))
        : null,
    ),
    h(
      "div",
      { class: "trim-controls" },
      region
        ? [
            h("span", { class: "trim-duration", key: "d" }, `${(region.end - region.start).toFixed(1)} s`),
            h("button", { type: "button", class: "text-button", key: "t", disabled: busy, onClick: () => void apply() }, busy ? "Trimming…" : "Trim"),
            h("button", { type: "button", class: "text-button", key: "c", disabled: busy, onClick: () => setRegion(null) }, "Cancel"),
          ]
        : [
            canReset ? h(IconButton, { key: "r", label: "Reset audio", icon: h(ResetIcon, null), onClick: onReset }) : null,
            h(IconButton, {
              key: "s", label: "Trim audio to selection", icon: h(ScissorsIcon, null), disabled: !usable,
              onClick: () => setRegion({ start: duration / 4, end: duration / 2 }),
            }),
          ],
    ),
  );
}
