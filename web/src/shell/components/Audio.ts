/**
 * gr.Audio: a waveform over a native `<audio controls>` player; when
 * interactive and empty, an upload drop zone and/or a microphone recorder
 * (Gradio's `sources`). Recordings are WAV (ui/capture.ts) so Python reads them
 * with the standard library; for `type="numpy"` (or `format="wav"`) other
 * uploaded formats are decoded by the browser and sent as WAV too.
 * Events: upload, stop_recording, clear (each with input + change),
 * start_recording, pause_recording, play, pause, stop (= reached the end).
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import css from "./Audio.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { domId, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { BlockLabel } from "../ui/label.js";
import { IconButtons, hasButton } from "../ui/buttons.js";
import { ClearButton, DownloadButton } from "../ui/actionbuttons.js";
import { fileName, useResolvedUrl } from "../ui/files.js";
import { UploadZone } from "../ui/upload.js";
import { deviceErrorMessage, recordMicrophone, toWavFile, type MicRecording } from "../ui/capture.js";
import { MicSelect, useMicPicker } from "../ui/micselect.js";
import { MediaBody, clearValue, clock, sourceList, uploadAsValue, useMediaElement } from "../ui/mediaview.js";
import { TrimControls, trimToWav } from "../ui/audiotrim.js";
import { StreamedAudio } from "../ui/audiostream.js";
import { MicIcon, MusicIcon, PauseBars, RecordDot, StopSquare, UploadSmallIcon } from "../ui/mediaicons.js";

type WaveOpts = { waveform_color?: string | null; waveform_progress_color?: string | null; trim_region_color?: string | null; sample_rate?: number };

/** Peak amplitude per bar of the decoded audio (mono mix), or null when it cannot be decoded. */
async function decodePeaks(url: string, bars: number): Promise<Float32Array | null> {
  try {
    const bytes = await (await fetch(url)).arrayBuffer();
    const buffer = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(bytes);
    const data = buffer.getChannelData(0);
    const peaks = new Float32Array(bars);
    const step = Math.max(1, Math.floor(data.length / bars));
    for (let b = 0; b < bars; b++) {
      let peak = 0;
      for (let i = b * step, end = Math.min(data.length, (b + 1) * step); i < end; i += 4) peak = Math.max(peak, Math.abs(data[i]!));
      peaks[b] = peak;
    }
    const max = Math.max(...peaks, 1e-6);
    return peaks.map((p) => p / max);
  } catch {
    return null;
  }
}

/** The waveform of `url`, coloured up to the playhead of `media`; click to seek. */
function Waveform({ url, media, opts }: { url: string; media: { current: HTMLAudioElement | null }; opts: WaveOpts }): ComponentChild {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [peaks, setPeaks] = useState<Float32Array | null>(null);
  useEffect(() => {
    let live = true;
    setPeaks(null);
    void decodePeaks(url, 120).then((p) => live && setPeaks(p));
    return () => {
      live = false;
    };
  }, [url]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !peaks) return;
    let frame = 0;
    const draw = (): void => {
      const g = c.getContext("2d");
      if (!g) return;
      const width = (c.width = c.clientWidth * devicePixelRatio);
      const height = (c.height = c.clientHeight * devicePixelRatio);
      const style = getComputedStyle(c);
      // The bars' colour is the canvas's CSS `color` (resolved to rgb, which a canvas always parses).
      const base = opts.waveform_color || style.color || "#9ca3af";
      const done = opts.waveform_progress_color || style.getPropertyValue("--wave-progress").trim() || "#f97316";
      const m = media.current;
      const frac = m && m.duration > 0 && Number.isFinite(m.duration) ? m.currentTime / m.duration : 0;
      const bar = width / peaks.length;
      g.clearRect(0, 0, width, height);
      peaks.forEach((p, i) => {
        const barH = Math.max(2 * devicePixelRatio, p * height * 0.9);
        g.fillStyle = (i + 0.5) / peaks.length <= frac ? done : base;
        g.fillRect(i * bar + bar * 0.2, (height - barH) / 2, bar * 0.6, barH);
      });
      if (m && !m.paused) frame = requestAnimationFrame(draw);
    };
    draw();
    const m = media.current;
    const redraw = (): void => {
      cancelAnimationFrame(frame);
      draw();
    };
    m?.addEventListener("play", redraw);
    m?.addEventListener("seeked", redraw);
    m?.addEventListener("pause", redraw);
    return () => {
      cancelAnimationFrame(frame);
      m?.removeEventListener("play", redraw);
      m?.removeEventListener("seeked", redraw);
      m?.removeEventListener("pause", redraw);
    };
  }, [peaks, opts.waveform_color, opts.waveform_progress_color]);
  if (!peaks) return null;
  return h("canvas", {
    ref: canvas,
    class: "waveform",
    "aria-hidden": "true",
    onClick: (e: MouseEvent) => {
      const m = media.current;
      const c = canvas.current;
      if (!m || !c || !(m.duration > 0)) return;
      const rect = c.getBoundingClientRect();
      m.currentTime = ((e.clientX - rect.left) / rect.width) * m.duration;
    },
  });
}

/** What an editable Audio's player needs to trim its clip (see ui/audiotrim.ts). */
type Trim = { canReset: boolean; onTrimmed: (before: FileData, file: File) => Promise<void>; onReset: () => void };

function Player({ file, ctx, id, props, onClear, trim }: {
  file: FileData; ctx: ShellContext; id: number; props: Record<string, unknown>; onClear?: () => void; trim?: Trim;
}): ComponentChild {
  const url = useResolvedUrl(ctx, file);
  const media = useRef<HTMLAudioElement>(null);
  const [duration, setDuration] = useState(0);
  const handlers = useMediaElement(media, url, props, (e) => ctx.trigger(id, e), ["stop"],
    (t) => ctx.store.applyUpdate(id, { playback_position: Math.round(t * 1000) / 1000 }));
  const opts = (props.waveform_options ?? {}) as WaveOpts;
  const wave = url ? h(Waveform, { url, media, opts }) : null;
  const cut = async (start: number, end: number): Promise<void> => {
    if (!url || !trim) return;
    const rate = Number(opts.sample_rate) || 44100;
    try {
      const name = fileName(file).replace(/\.[^.]*$/, "") + ".wav";
      await trim.onTrimmed(file, await trimToWav(url, start, end, rate, name));
    } catch (e) {
      ctx.toasts.push({ level: "error", title: "Could not trim the audio", message: e instanceof Error ? e.message : String(e) });
    }
  };
  return h(
    "div",
    { class: "audio-player" },
    h(IconButtons, {
      floating: true,
      children: [
        hasButton(props, "download") ? h(DownloadButton, { href: url, filename: fileName(file) }) : null,
        onClear ? h(ClearButton, { onClear }) : null,
      ],
    }),
    trim && url
      ? h(TrimControls, { duration, color: opts.trim_region_color, canReset: trim.canReset, onTrim: cut, onReset: trim.onReset, children: wave })
      : wave,
    h("audio", {
      ref: media,
      src: url,
      controls: true,
      preload: "metadata",
      loop: props.loop === true,
      "data-testid": "audio-player",
      "aria-label": str(props.label, "Audio"),
      onDurationChange: (e: Event) => setDuration((e.currentTarget as HTMLAudioElement).duration),
      ...handlers,
    }),
  );
}

function Recorder({ ctx, id, props, onError }: { ctx: ShellContext; id: number; props: Record<string, unknown>; onError: (m: string | null) => void }): ComponentChild {
  const rec = useRef<MicRecording | null>(null);
  const [phase, setPhase] = useState<"idle" | "starting" | "recording" | "paused" | "saving">("idle");
  const [elapsed, setElapsed] = useState(0);
  const [level, setLevel] = useState(0);
  const rate = Number((props.waveform_options as WaveOpts | undefined)?.sample_rate) || 44100;
  const [granted, setGranted] = useState(false);
  const { mics, micId, pick: pickMic } = useMicPicker(granted);

  useEffect(() => {
    if (phase !== "recording") return;
    const t = setInterval(() => {
      setElapsed(rec.current?.elapsed() ?? 0);
      setLevel(rec.current?.level() ?? 0);
    }, 100);
    return () => clearInterval(t);
  }, [phase]);
  useEffect(() => () => rec.current?.cancel(), []);

  // Streaming: every `stream_every` seconds the new samples go to the `stream` listeners
  // as a WAV chunk (uploaded, never the component's value), as Gradio's recorder does.
  const streaming = props.streaming === true;
  useEffect(() => {
    if (!streaming || phase !== "recording") return;
    const dep = ctx.engine.dependencies(id, "stream")[0];
    const every = (typeof dep?.stream_every === "number" ? dep.stream_every : 0.5) * 1000;
    const limit = typeof dep?.time_limit === "number" ? dep.time_limit * 1000 : null;
    const send = async (): Promise<void> => {
      const chunk = rec.current?.take();
      if (!chunk) return;
      try {
        const [uploaded] = await ctx.client.upload([chunk]);
        if (uploaded && rec.current) ctx.engine.trigger(id, "stream", null, new Map([[id, uploaded]]));
      } catch (e) {
        onError(`A recorded chunk could not be sent: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    const t = setInterval(() => void send(), Math.max(50, every));
    const stopAt = limit && limit > 0 ? setTimeout(() => void stop(), limit) : undefined;
    return () => {
      clearInterval(t);
      clearTimeout(stopAt);
    };
  }, [streaming, phase]);

  const start = async (): Promise<void> => {
    onError(null);
    setPhase("starting");
    try {
      rec.current = await recordMicrophone(rate, micId || null);
      setGranted(true); // the microphones now have names: list them again
      setElapsed(0);
      setPhase("recording");
      ctx.trigger(id, "start_recording");
    } catch (e) {
      setPhase("idle");
      onError(deviceErrorMessage(e, "microphone"));
    }
  };
  useEffect(() => {
    if (props.recording === true && phase === "idle") void start();
  }, [props.recording]);

  const stop = async (): Promise<void> => {
    const r = rec.current;
    if (!r) return;
    rec.current = null;
    if (streaming) {
      // The chunks already reached Python: end the stream, keep no recording (as Gradio).
      r.cancel();
      ctx.engine.closeStream(id);
      setPhase("idle");
      ctx.trigger(id, "stop_recording");
      return;
    }
    setPhase("saving");
    const file = await r.stop();
    const uploaded = await uploadAsValue(ctx, id, file);
    setPhase("idle");
    if (uploaded) ctx.trigger(id, "stop_recording");
  };
  const pauseResume = (): void => {
    const r = rec.current;
    if (!r) return;
    if (phase === "recording") {
      r.pause();
      setPhase("paused");
      ctx.trigger(id, "pause_recording");
    } else {
      r.resume();
      setPhase("recording");
    }
  };

  if (phase === "idle" || phase === "starting")
    return h(
      "div",
      { class: "recorder" },
      h("button", { type: "button", class: "record-button", disabled: phase === "starting", onClick: () => void start() },
        h(RecordDot, null), h("span", null, phase === "starting" ? "Starting…" : "Record")),
      mics ? h(MicSelect, { mics, value: micId, disabled: phase === "starting", onChange: pickMic }) : null,
    );
  return h(
    "div",
    { class: "recorder recording" },
    h("div", { class: "level", "aria-hidden": "true" }, h("div", { class: "level-fill", style: { transform: `scaleX(${Math.min(1, level * 1.5)})` } })),
    h("span", { class: "rec-time", "data-testid": "recording-time", "data-seconds": elapsed.toFixed(2) }, clock(elapsed)),
    h("button", { type: "button", class: "icon-button", "aria-label": phase === "paused" ? "Resume" : "Pause", disabled: phase === "saving", onClick: pauseResume },
      phase === "paused" ? h(RecordDot, null) : h(PauseBars, null)),
    h("button", { type: "button", class: "stop-button", disabled: phase === "saving", onClick: () => void stop() },
      h(StopSquare, null), h("span", null, phase === "saving" ? "Saving…" : "Stop")),
    mics ? h(MicSelect, { mics, value: micId, disabled: true, onChange: pickMic }) : null,
  );
}

function isWav(file: File): boolean {
  return file.type === "audio/wav" || file.type === "audio/x-wav" || /\.wav$/i.test(file.name);
}

function AudioUpload({ ctx, id, props, onError }: { ctx: ShellContext; id: number; props: Record<string, unknown>; onError: (m: string | null) => void }): ComponentChild {
  const [busy, setBusy] = useState(false);
  const take = async (files: File[]): Promise<void> => {
    let file = files[0];
    if (!file) return;
    onError(null);
    setBusy(true);
    try {
      // The Python side reads WAV only (no ffmpeg): let the browser decode other formats.
      if ((props.type === "numpy" || props.format === "wav") && !isWav(file)) {
        try {
          file = await toWavFile(file);
        } catch {
          onError(`Could not read ${file.name} as audio. Upload a WAV, MP3, OGG or other audio file the browser can play.`);
          return;
        }
      }
      if (await uploadAsValue(ctx, id, file)) ctx.trigger(id, "upload");
    } finally {
      setBusy(false);
    }
  };
  return h(UploadZone, {
    id: domId(id), label: str(props.label, "Audio"), multiple: false, fileTypes: ["audio"], busy,
    text: "Drop Audio Here", onFiles: (files: File[]) => void take(files),
  });
}

const SOURCES = {
  upload: { id: "upload", label: "Upload file", icon: h(UploadSmallIcon, null) },
  microphone: { id: "microphone", label: "Record audio", icon: h(MicIcon, null) },
};

export function AudioView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = state.id;
  const editable = props.interactive !== false;
  const sources = sourceList(props, ["upload", "microphone"]).filter((s): s is keyof typeof SOURCES => s in SOURCES);
  const file = isFileData(props.value) ? props.value : null;
  // The clip before the first trim, kept while the value is a trim of it ("Reset audio").
  const [untrimmed, setUntrimmed] = useState<{ before: FileData; trimmed: string } | null>(null);
  const trim: Trim | undefined = editable && props.editable !== false ? {
    canReset: !!file && untrimmed?.trimmed === file.path,
    onTrimmed: async (before, cut) => {
      const keep = untrimmed?.trimmed === before.path ? untrimmed.before : before;
      const uploaded = await uploadAsValue(ctx, id, cut);
      if (uploaded) setUntrimmed({ before: keep, trimmed: uploaded.path });
    },
    onReset: () => {
      setUntrimmed(null);
      if (untrimmed) ctx.userInput(id, untrimmed.before);
    },
  } : undefined;
  return h(
    Block,
    { state, class: "media-block" },
    h(BlockLabel, { props, icon: h(MusicIcon, null), fallback: "Audio" }),
    h(MediaBody, {
      file,
      editable,
      emptyIcon: h(MusicIcon, null),
      sources: sources.map((s) => SOURCES[s]),
      player: (f: FileData) => {
        const onClear = editable ? () => clearValue(ctx, id) : undefined;
        // A generator's stream plays live, then the whole stream shows in the normal player.
        if (f.is_stream) return h(StreamedAudio, {
          key: f.path, file: f, ctx, id, props,
          done: (whole: FileData) => h(Player, { key: whole.path, file: whole, ctx, id, props: { ...props, autoplay: false }, trim, onClear }),
        });
        return h(Player, { key: f.path, file: f, ctx, id, props, trim, onClear });
      },
      input: (source: string, onError: (m: string | null) => void) =>
        source === "microphone" ? h(Recorder, { ctx, id, props, onError }) : h(AudioUpload, { ctx, id, props, onError }),
    }),
  );
}

export default { view: AudioView, css } satisfies ViewModule;
