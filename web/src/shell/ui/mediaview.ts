/**
 * Pieces shared by the Audio and Video views: the source switcher (upload /
 * microphone / webcam), the wiring of an `<audio>`/`<video>` element to
 * Gradio's props and events (autoplay, loop, playback_position; play, pause,
 * stop, end), uploading a File as the component's value, and the body both
 * views share (player, empty state or source input, device error).
 */

import { Fragment, h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { FileData } from "../types.js";
import type { ShellContext } from "../components/context.js";
import { classList } from "../values.js";
import { Empty } from "./empty.js";

export type Source = { id: string; label: string; icon: ComponentChild };

/** Gradio's row of source buttons under an empty media input (hidden when there is one source). */
export function SourceTabs({ sources, active, onPick }: { sources: Source[]; active: string; onPick: (id: string) => void }): ComponentChild {
  if (sources.length < 2) return null;
  return h(
    "div",
    { class: "source-tabs", role: "tablist", "aria-label": "Source" },
    sources.map((s) =>
      h(
        "button",
        {
          key: s.id,
          type: "button",
          role: "tab",
          class: classList("icon-button", "source-tab", s.id === active && "active"),
          "aria-selected": s.id === active ? "true" : "false",
          "aria-label": s.label,
          title: s.label,
          onClick: () => onPick(s.id),
        },
        s.icon,
      ),
    ),
  );
}

/** The list of `sources` a media view shows, in config order. */
export function sourceList(props: Record<string, unknown>, fallback: string[]): string[] {
  const raw = props.sources;
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : fallback;
  return list.length ? list : fallback;
}

/**
 * Connects a media element to the component: `autoplay` when a new value
 * arrives, seeking to `playback_position` when it is set (and reporting the
 * playhead back through `report`), and the play / pause / stop / end events.
 * Returns the handlers to spread on the element.
 */
export function useMediaElement(
  el: { current: HTMLMediaElement | null },
  url: string | undefined,
  props: Record<string, unknown>,
  fire: (event: string) => void,
  endEvents: string[],
  report?: (seconds: number) => void,
): Record<string, () => void> {
  const position = typeof props.playback_position === "number" ? props.playback_position : 0;
  // A position asked for but not yet applied: the playhead is not reported meanwhile, or an
  // early timeupdate at 0 (a busy page) would overwrite the asked position before the seek.
  const pending = useRef<number | null>(null);
  useEffect(() => {
    const media = el.current;
    if (!media || !url) return;
    pending.current = position > 0 && Number.isFinite(position) ? position : null;
    const seek = (): void => {
      // The prop also follows the playhead (report below): only a real jump seeks.
      if (position > 0 && Number.isFinite(position) && Math.abs(media.currentTime - position) > 0.3) media.currentTime = position;
      pending.current = null;
    };
    if (media.readyState >= 1) seek();
    else media.addEventListener("loadedmetadata", seek, { once: true });
    return () => media.removeEventListener("loadedmetadata", seek);
  }, [url, position]);
  useEffect(() => {
    const media = el.current;
    if (!media || !url || props.autoplay !== true) return;
    // Browsers may refuse autoplay before a user gesture; that is not an error to report.
    media.play().catch(() => {});
  }, [url]);
  // Gradio keeps `playback_position` equal to the playhead, so `def f(a: gr.Audio)` reads it.
  const tell = (): void => {
    const media = el.current;
    if (report && media && pending.current === null && Number.isFinite(media.currentTime)) report(media.currentTime);
  };
  return {
    onTimeUpdate: tell,
    onSeeked: tell,
    onPlay: () => fire("play"),
    onPause: () => {
      tell();
      if (!el.current?.ended) fire("pause");
    },
    onEnded: () => endEvents.forEach(fire),
  };
}

/** Uploads `file` and makes it the component's value (fires input + change); returns false on error. */
export async function uploadAsValue(ctx: ShellContext, id: number, file: File): Promise<FileData | null> {
  try {
    const [uploaded] = await ctx.client.upload([file]);
    if (!uploaded) return null;
    ctx.userInput(id, uploaded);
    return uploaded;
  } catch (e) {
    ctx.toasts.push({ level: "error", title: "Upload failed", message: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

/** mm:ss of a duration in seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** A device or decoding problem, shown at the component (not only as a toast). */
export function MediaError({ message }: { message: string | null }): ComponentChild {
  return message ? h("div", { class: "media-error", role: "alert" }, message) : null;
}

/** Clears a media component's value the way a user's clear does (input + change, then clear). */
export function clearValue(ctx: ShellContext, id: number): void {
  ctx.userInput(id, null);
  ctx.trigger(id, "clear");
}

/**
 * The body of a media component: the player when it has a value, an empty state when it is
 * read-only, otherwise the chosen source's input with the source tabs; a device or decoding
 * error from an input shows under it.
 */
export function MediaBody({ file, editable, emptyIcon, sources, player, input }: {
  file: FileData | null;
  editable: boolean;
  emptyIcon: ComponentChild;
  sources: Source[];
  player: (file: FileData) => ComponentChild;
  input: (source: string, onError: (message: string | null) => void) => ComponentChild;
}): ComponentChild {
  const [source, setSource] = useState<string>(sources[0]?.id ?? "upload");
  const [error, setError] = useState<string | null>(null);
  let body: ComponentChild;
  if (file) body = player(file);
  else if (!editable) body = h(Empty, { icon: emptyIcon, large: true });
  else
    body = h(
      "div",
      { class: "media-input" },
      input(source, setError),
      h(SourceTabs, { sources, active: source, onPick: (s) => (setError(null), setSource(s)) }),
    );
  return h(Fragment, null, body, h(MediaError, { message: error }));
}
