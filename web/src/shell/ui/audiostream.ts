/**
 * A streamed gr.Audio output: each WAV segment is decoded as it arrives and
 * scheduled on one AudioContext right after the previous one (Web Audio clock,
 * so chunks join without gaps or overlaps). A live waveform grows as segments
 * arrive. When the playlist has ended and playback finished, the view hands over to
 * the normal player showing the whole stream (`playlist-file`, one WAV).
 *
 * The root element (then the one holding the final player, `audio-stream-finished`)
 * reports what happened, for tests and tools: `data-state`, `data-received`,
 * `data-ended-count`, `data-order` (segments in the order they finished),
 * `data-span` (scheduled seconds from the first start to the last end), `data-clock`
 * (audio-clock seconds from the first start to the last `ended` event) and
 * `data-gaps` (times playback ran dry waiting for the generator).
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { FileData } from "../types.js";
import type { ShellContext } from "../components/context.js";
import { clock } from "./mediaview.js";
import { combinedFile, streamPath, usePlaylist } from "./mediastream.js";
import { PauseBars, PlayTriangle, StopSquare } from "./mediaicons.js";

/** Seconds between "now" and the start of a segment scheduled after a pause in the stream. */
const LEAD = 0.15;
const BARS_PER_SECOND = 16;

type Engine = {
  ac: AudioContext | null;
  buffers: AudioBuffer[];
  peaks: number[];
  scheduled: number;
  sources: AudioBufferSourceNode[];
  first: number | null;
  next: number;
  endedCount: number;
  order: number[];
  gaps: number;
  clockAtEnd: number;
  /** Segments handed to the decoder, and those it finished (decoded or failed). */
  queued: number;
  settled: number;
  decoding: Promise<void>;
};

let decoder: OfflineAudioContext | null = null;

function peaksOf(buffer: AudioBuffer): number[] {
  const data = buffer.getChannelData(0);
  const bars = Math.max(1, Math.round(buffer.duration * BARS_PER_SECOND));
  const step = Math.max(1, Math.floor(data.length / bars));
  const out: number[] = [];
  for (let b = 0; b < bars; b++) {
    let peak = 0;
    for (let i = b * step, end = Math.min(data.length, (b + 1) * step); i < end; i += 2) peak = Math.max(peak, Math.abs(data[i]!));
    out.push(peak);
  }
  return out;
}

function LiveWave({ engine, playedFrac }: { engine: Engine; playedFrac: () => number }): ComponentChild {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let frame = 0;
    const draw = (): void => {
      const c = canvas.current;
      const g = c?.getContext("2d");
      if (c && g) {
        const width = (c.width = c.clientWidth * devicePixelRatio);
        const height = (c.height = c.clientHeight * devicePixelRatio);
        const style = getComputedStyle(c);
        const base = style.color || "#9ca3af";
        const done = style.getPropertyValue("--wave-progress").trim() || "#f97316";
        const peaks = engine.peaks;
        const max = Math.max(1e-6, ...peaks);
        const pitch = width / Math.max(peaks.length, 96);
        const frac = playedFrac();
        g.clearRect(0, 0, width, height);
        peaks.forEach((p, i) => {
          const barH = Math.max(2 * devicePixelRatio, (p / max) * height * 0.9);
          g.fillStyle = (i + 0.5) / peaks.length <= frac ? done : base;
          g.fillRect(i * pitch + pitch * 0.2, (height - barH) / 2, pitch * 0.6, barH);
        });
      }
      frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, []);
  return h("canvas", { ref: canvas, class: "waveform live", "aria-hidden": "true" });
}

/** The streamed value `file`; `done(f)` renders the normal player once the stream is over. */
export function StreamedAudio({ file, ctx, id, props, done }: {
  file: FileData; ctx: ShellContext; id: number; props: Record<string, unknown>; done: (f: FileData) => ComponentChild;
}): ComponentChild {
  const list = usePlaylist(ctx, file);
  const engine = useRef<Engine>({
    ac: null, buffers: [], peaks: [], scheduled: 0, sources: [], first: null, next: 0, endedCount: 0, order: [],
    gaps: 0, clockAtEnd: 0, queued: 0, settled: 0, decoding: Promise.resolve(),
  }).current;
  const [, redraw] = useState(0);
  const [phase, setPhase] = useState<"idle" | "playing" | "paused" | "stopped">("idle");
  const [error, setError] = useState<string | null>(null);
  const bump = (): void => redraw((n) => n + 1);

  const schedule = (): void => {
    const ac = engine.ac;
    if (!ac) return;
    while (engine.scheduled < engine.buffers.length) {
      const index = engine.scheduled++;
      const buffer = engine.buffers[index]!;
      const src = ac.createBufferSource();
      src.buffer = buffer;
      src.connect(ac.destination);
      let at = engine.next;
      if (engine.first === null || at < ac.currentTime + 0.01) {
        if (engine.first !== null) engine.gaps++; // the generator was slower than playback
        at = ac.currentTime + LEAD;
      }
      engine.first ??= at;
      src.start(at);
      engine.next = at + buffer.duration;
      src.onended = () => {
        engine.endedCount++;
        engine.order.push(index);
        engine.clockAtEnd = ac.currentTime - (engine.first ?? 0);
        bump();
      };
      engine.sources.push(src);
    }
    bump();
  };

  const start = (): void => {
    if (!engine.ac) {
      engine.ac = new AudioContext();
      ctx.trigger(id, "play");
    }
    void engine.ac.resume();
    setPhase("playing");
    schedule();
  };

  // Decode each new segment once, in order, then schedule it when playing.
  useEffect(() => {
    for (; engine.queued < list.segments.length; engine.queued++) {
      const index = engine.queued;
      const seg = list.segments[index]!;
      engine.decoding = engine.decoding.then(async () => {
        try {
          const res = await ctx.client.get(streamPath(file, seg.uri));
          if (!res.ok) throw new Error(`segment ${index + 1}: HTTP ${res.status}`);
          const bytes = await res.arrayBuffer();
          decoder ??= new OfflineAudioContext(1, 1, 48000);
          const buffer = await (engine.ac ?? decoder).decodeAudioData(bytes);
          engine.buffers.push(buffer);
          engine.peaks.push(...peaksOf(buffer));
          schedule();
        } catch (e) {
          setError(`Could not play streamed audio: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          engine.settled++;
          bump();
        }
      });
    }
  }, [list.segments.length]);

  useEffect(() => {
    if (props.autoplay === true) start();
    return () => {
      for (const s of engine.sources) s.onended = null;
      closeContext(engine);
    };
  }, []);

  // The clock readout follows the audio clock while playing.
  useEffect(() => {
    if (phase !== "playing") return;
    const t = setInterval(bump, 100);
    return () => clearInterval(t);
  }, [phase]);

  const received = receivedSeconds(engine);
  const played = playedSeconds(engine);
  const allDecoded = list.ended && engine.settled >= list.segments.length;
  const playbackOver = engine.ac === null || phase === "stopped" || engine.endedCount >= engine.scheduled;
  const finished = allDecoded && playbackOver && !error && list.segments.length > 0;
  useEffect(() => {
    if (!finished) return;
    if (engine.ac && phase !== "stopped") ctx.trigger(id, "stop");
    closeContext(engine);
  }, [finished]);
  // What the stream did, kept on the element that holds the final player.
  const report = {
    "data-received": String(engine.buffers.length),
    "data-received-seconds": receivedSeconds(engine).toFixed(3),
    "data-ended-count": String(engine.endedCount),
    "data-order": engine.order.join(","),
    "data-span": engine.first === null ? "0" : (engine.next - engine.first).toFixed(3),
    "data-clock": engine.clockAtEnd.toFixed(3),
    "data-gaps": String(engine.gaps),
  };
  if (finished) return h("div", { class: "audio-stream-done", "data-testid": "audio-stream-finished", ...report }, done(combinedFile(file)));
  if (list.ended && list.segments.length === 0 && !list.error) return null;

  const stop = (): void => {
    for (const s of engine.sources) {
      s.onended = null;
      try {
        s.stop();
      } catch {
        /* not started yet */
      }
    }
    void engine.ac?.suspend();
    setPhase("stopped");
  };
  const pauseResume = (): void => {
    if (phase === "playing") {
      void engine.ac?.suspend();
      setPhase("paused");
      ctx.trigger(id, "pause");
    } else start();
  };
  const live = !list.ended;
  return h(
    "div",
    {
      class: "audio-stream",
      "data-testid": "audio-stream",
      "data-state": phase,
      "data-live": String(live),
      ...report,
    },
    h(LiveWave, { engine, playedFrac: () => playedSeconds(engine) / Math.max(1e-6, receivedSeconds(engine)) }),
    h(
      "div",
      { class: "stream-bar" },
      h("button", {
        type: "button", class: "icon-button", "aria-label": phase === "playing" ? "Pause" : "Play",
        onClick: pauseResume,
      }, phase === "playing" ? h(PauseBars, null) : h(PlayTriangle, null)),
      phase === "playing" || phase === "paused"
        ? h("button", { type: "button", class: "icon-button", "aria-label": "Stop", onClick: stop }, h(StopSquare, null))
        : null,
      h("span", { class: "stream-time" }, `${tenths(played)} / ${tenths(received)}`),
      h("span", { class: classOf(live) }, live ? "Live" : "Complete"),
    ),
    error || list.error ? h("div", { class: "media-error", role: "alert" }, error ?? list.error) : null,
  );
}

function receivedSeconds(engine: Engine): number {
  return engine.buffers.reduce((sum, b) => sum + b.duration, 0);
}

/** Seconds of the stream heard so far (the audio clock since the first segment started). */
function playedSeconds(engine: Engine): number {
  if (engine.first === null || !engine.ac) return 0;
  return Math.max(0, Math.min(receivedSeconds(engine), engine.ac.currentTime - engine.first));
}

/** `m:ss.t`: a streamed clip is often only seconds long. */
function tenths(seconds: number): string {
  return `${clock(seconds)}.${Math.floor((seconds % 1) * 10)}`;
}

function closeContext(engine: Engine): void {
  if (engine.ac && engine.ac.state !== "closed") engine.ac.close().catch(() => {});
}

function classOf(live: boolean): string {
  return live ? "stream-badge live" : "stream-badge";
}
