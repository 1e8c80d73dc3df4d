/**
 * A streamed gr.Video output. MPEG-TS chunks play through hls.js (loaded only
 * then), over the HLS playlist the server keeps. mp4 chunks play one after another
 * as they arrive. Two `<video>` elements take turns: one plays the current chunk
 * while the other already loads the next, so the switch is immediate. mp4 chunks
 * cannot be joined into one file without ffmpeg, so when the stream is over the
 * view stays a chunk player (native controls on the current chunk, the chunks
 * listed, "Play all" from the first).
 *
 * The root element reports `data-state` (live / ended), `data-received`,
 * `data-current`, `data-order` (chunks in the order they finished playing) and
 * `data-played-seconds` (their summed durations) for tests and tools.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { FileData } from "../types.js";
import { str, type ShellContext } from "../components/context.js";
import { combinedFile, usePlaylist } from "./mediastream.js";
import { PlayTriangle } from "./mediaicons.js";
import { DownloadButton, IconButtons, hasButton } from "./buttons.js";
import { fileName, useResolvedUrl } from "./files.js";

type Props = { file: FileData; ctx: ShellContext; id: number; props: Record<string, unknown>; style: Record<string, string | undefined> };

/** MPEG-TS chunks: hls.js (a lazy chunk) plays the playlist as it grows, as Gradio's player does. */
function HlsVideo({ file, ctx, id, props, style, live, received }: Props & { live: boolean; received: number }): ComponentChild {
  const el = useRef<HTMLVideoElement>(null);
  const [order, setOrder] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const whole = useResolvedUrl(ctx, live ? null : combinedFile(file));
  useEffect(() => {
    let hls: { destroy(): void } | null = null;
    let alive = true;
    void (async () => {
      const { default: Hls } = await import("hls.js/light");
      const media = el.current;
      if (!alive || !media) return;
      // hls.js fetches the playlist and segments itself: real URLs, answered by the service worker.
      const url = new URL(file.url ?? "", document.baseURI).href;
      if (!Hls.isSupported()) {
        setError("This browser cannot play MPEG-TS streams (no Media Source Extensions).");
        return;
      }
      const player = new Hls({ startPosition: 0, maxBufferLength: 4 });
      hls = player;
      player.on(Hls.Events.FRAG_CHANGED, (_e, data) => setOrder((o) => [...o, Number(data.frag.sn)]));
      player.on(Hls.Events.MANIFEST_PARSED, () => {
        if (props.autoplay === true) media.play().catch(() => {});
      });
      player.on(Hls.Events.ERROR, (_e, data) => {
        if (data.fatal) setError(`Could not play the video stream (${data.details}).`);
      });
      player.loadSource(url);
      player.attachMedia(media);
    })();
    return () => {
      alive = false;
      hls?.destroy();
    };
  }, [file.path]);
  return h(
    "div",
    {
      class: "video-stream",
      "data-testid": "video-stream",
      "data-kind": "ts",
      "data-state": live ? "live" : "ended",
      "data-received": String(received),
      "data-order": order.join(","),
    },
    h(
      "div",
      { class: "video-frame", style },
      !live && hasButton(props, "download")
        ? h(IconButtons, { floating: true, children: [h(DownloadButton, { href: whole, filename: fileName(file).replace(/\.mp4$/, ".ts") })] })
        : null,
      h("video", {
        ref: el, controls: true, playsInline: true, muted: props.autoplay === true, "data-testid": "video-player",
        "aria-label": str(props.label, "Video"),
        onPlay: () => ctx.trigger(id, "play"),
        onEnded: () => ctx.trigger(id, "end"),
      }),
    ),
    h(
      "div",
      { class: "stream-bar" },
      h("span", { class: "stream-time" }, `${received} chunk${received === 1 ? "" : "s"}`),
      h("span", { class: live ? "stream-badge live" : "stream-badge" }, live ? "Live" : "Complete"),
    ),
    error ? h("div", { class: "media-error", role: "alert" }, error) : null,
  );
}

export function StreamedVideo({ file, ctx, id, props, style }: Props): ComponentChild {
  const list = usePlaylist(ctx, file);
  const ts = list.segments[0]?.uri.endsWith(".ts") ?? false;
  const [urls, setUrls] = useState<string[]>([]);
  const [current, setCurrent] = useState(0);
  const [waiting, setWaiting] = useState(false);
  const [order, setOrder] = useState<number[]>([]);
  const [playedSeconds, setPlayedSeconds] = useState(0);
  const slots = [useRef<HTMLVideoElement>(null), useRef<HTMLVideoElement>(null)];
  const playNext = useRef(props.autoplay === true);
  const resolving = useRef(0);

  // Each new chunk's URL (a real URL through the service worker, else a blob: URL), in order.
  useEffect(() => {
    const base = (file.url ?? "").replace(/playlist\.m3u8$/, "");
    for (; resolving.current < list.segments.length; resolving.current++) {
      const index = resolving.current;
      const raw = base + list.segments[index]!.uri;
      void ctx.resolveUrl(raw).then((u) => setUrls((prev) => {
        const next = prev.slice();
        next[index] = u;
        return next;
      }), () => {});
    }
  }, [list.segments.length]);

  const active = (): HTMLVideoElement | null => slots[current % 2]!.current;

  // A chunk ended before the next arrived: continue as soon as it is there.
  useEffect(() => {
    if (waiting && urls[current + 1]) {
      setWaiting(false);
      playNext.current = true;
      setCurrent((c) => c + 1);
    }
  }, [waiting, urls.length]);

  useEffect(() => {
    const el = active();
    if (el && urls[current] && playNext.current) el.play().catch(() => {});
  }, [current, urls[current]]);

  const onEnded = (slot: number) => (e: Event): void => {
    if (slot !== current % 2) return;
    const el = e.currentTarget as HTMLVideoElement;
    setOrder((o) => [...o, current]);
    setPlayedSeconds((s) => s + (Number.isFinite(el.duration) ? el.duration : 0));
    if (urls[current + 1]) {
      playNext.current = true;
      setCurrent(current + 1);
    } else if (!list.ended) setWaiting(true);
    else {
      playNext.current = false;
      ctx.trigger(id, "end");
    }
  };
  const playAll = (): void => {
    playNext.current = true;
    setOrder([]);
    setPlayedSeconds(0);
    if (current === 0) active()?.play().catch(() => {});
    else setCurrent(0);
  };

  const live = !list.ended;
  if (ts) return h(HlsVideo, { file, ctx, id, props, style, live, received: list.segments.length });
  const srcFor = (slot: number): string | undefined => urls[current % 2 === slot ? current : current + 1];
  return h(
    "div",
    {
      class: "video-stream",
      "data-testid": "video-stream",
      "data-state": live ? "live" : "ended",
      "data-received": String(list.segments.length),
      "data-current": String(current),
      "data-order": order.join(","),
      "data-played-seconds": playedSeconds.toFixed(3),
    },
    h(
      "div",
      { class: "video-frame", style },
      [0, 1].map((slot) => h("video", {
        key: slot,
        ref: slots[slot],
        src: srcFor(slot),
        class: slot === current % 2 ? "stream-chunk" : "stream-chunk next",
        controls: slot === current % 2,
        playsInline: true,
        preload: "auto",
        muted: props.autoplay === true,
        "data-testid": slot === current % 2 ? "video-player" : undefined,
        "aria-label": slot === current % 2 ? `Video, chunk ${current + 1}` : undefined,
        "aria-hidden": slot === current % 2 ? undefined : "true",
        onEnded: onEnded(slot),
        onPlay: () => slot === current % 2 && ctx.trigger(id, "play"),
      })),
    ),
    h(
      "div",
      { class: "stream-bar" },
      !live ? h("button", { type: "button", class: "text-button", onClick: playAll }, h(PlayTriangle, null), " Play all") : null,
      h("span", { class: "stream-time" }, list.segments.length ? `Chunk ${Math.min(current + 1, list.segments.length)} of ${list.segments.length}` : "Waiting for the first chunk…"),
      h("span", { class: live ? "stream-badge live" : "stream-badge" }, live ? "Live" : "Complete"),
    ),
    list.error ? h("div", { class: "media-error", role: "alert" }, list.error) : null,
  );
}
