/**
 * gr.Video: a native `<video controls>` player (subtitles as a `<track>`,
 * autoplay, loop, playback_position); when interactive and empty, an upload
 * drop zone and/or a webcam recorder (MediaRecorder, mp4 where the browser can).
 * The source is a real URL through the service worker, so the browser seeks
 * with Range requests; without a service worker it is a blob: URL.
 * Events: upload, stop_recording, clear (each with input + change),
 * start_recording, play, pause, stop + end (reached the end).
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import audioCss from "./Audio.css?inline";
import videoCss from "./Video.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block, classList } from "./block.js";
import { domId, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { BlockLabel } from "../ui/label.js";
import { ClearButton, DownloadButton, IconButtons, hasButton } from "../ui/buttons.js";
import { fileName, useResolvedUrl } from "../ui/files.js";
import { UploadZone } from "../ui/upload.js";
import { deviceErrorMessage, mirroredStream, recordStream, type CameraRecording } from "../ui/capture.js";
import { MediaBody, clearValue, clock, sourceList, uploadAsValue, useMediaElement } from "../ui/mediaview.js";
import { CameraIcon, FilmIcon, RecordDot, StopSquare, UploadSmallIcon } from "../ui/mediaicons.js";
import { StreamedVideo } from "../ui/videostream.js";

type WebcamOpts = { mirror?: boolean; constraints?: MediaTrackConstraints | null };

function cssSize(v: unknown): string | undefined {
  return typeof v === "number" ? `${v}px` : typeof v === "string" && v ? v : undefined;
}

function Player({ file, ctx, id, props, onClear }: { file: FileData; ctx: ShellContext; id: number; props: Record<string, unknown>; onClear?: () => void }): ComponentChild {
  const url = useResolvedUrl(ctx, file);
  const subs = isFileData(props.subtitles) ? props.subtitles : null;
  const subsUrl = useResolvedUrl(ctx, subs);
  const media = useRef<HTMLVideoElement>(null);
  const handlers = useMediaElement(media, url, props, (e) => ctx.trigger(id, e), ["stop", "end"],
    (t) => ctx.store.applyUpdate(id, { playback_position: Math.round(t * 1000) / 1000 }));
  return h(
    "div",
    { class: "video-frame", style: { height: cssSize(props.height), width: cssSize(props.width) } },
    h(IconButtons, {
      floating: true,
      children: [
        hasButton(props, "download") ? h(DownloadButton, { href: url, filename: fileName(file) }) : null,
        onClear ? h(ClearButton, { onClear }) : null,
      ],
    }),
    h(
      "video",
      {
        ref: media,
        src: url,
        controls: true,
        playsInline: true,
        preload: "metadata",
        loop: props.loop === true,
        // Browsers only autoplay muted media before a user gesture.
        muted: props.autoplay === true,
        "data-testid": "video-player",
        "aria-label": str(props.label, "Video"),
        ...handlers,
      },
      subsUrl ? h("track", { kind: "captions", src: subsUrl, default: true, label: "Subtitles" }) : null,
    ),
  );
}

function Webcam({ ctx, id, props, onError }: { ctx: ShellContext; id: number; props: Record<string, unknown>; onError: (m: string | null) => void }): ComponentChild {
  const preview = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const recording = useRef<CameraRecording | null>(null);
  const [phase, setPhase] = useState<"off" | "starting" | "ready" | "recording" | "saving">("off");
  const [elapsed, setElapsed] = useState(0);
  const opts = (props.webcam_options ?? {}) as WebcamOpts;
  const mirror = opts.mirror !== false;

  const release = (): void => {
    for (const t of stream.current?.getTracks() ?? []) t.stop();
    stream.current = null;
  };
  const open = async (): Promise<void> => {
    onError(null);
    setPhase("starting");
    try {
      const s = await navigator.mediaDevices.getUserMedia({
        video: opts.constraints ?? true,
        audio: props.include_audio === true,
      });
      stream.current = s;
      if (preview.current) preview.current.srcObject = s;
      setPhase("ready");
    } catch (e) {
      setPhase("off");
      onError(deviceErrorMessage(e, "camera"));
    }
  };
  useEffect(() => {
    void open();
    return release;
  }, []);
  useEffect(() => {
    if (phase !== "recording") return;
    const t0 = performance.now();
    const t = setInterval(() => setElapsed((performance.now() - t0) / 1000), 200);
    return () => clearInterval(t);
  }, [phase]);

  const start = (): void => {
    if (!stream.current) return;
    // Like Gradio: a webcam-only Video with mirroring records what the mirrored preview shows.
    const sources = sourceList(props, ["upload", "webcam"]);
    const flip = mirror && sources.length === 1 && sources[0] === "webcam";
    const mirrored = flip ? mirroredStream(stream.current) : null;
    const format = typeof props.format === "string" ? props.format : null;
    const inner = recordStream(mirrored ? mirrored.stream : stream.current, format);
    recording.current = mirrored
      ? { stop: async () => { const file = await inner.stop(); mirrored.stop(); return file; } }
      : inner;
    setElapsed(0);
    setPhase("recording");
    ctx.trigger(id, "start_recording");
  };
  const stop = async (): Promise<void> => {
    const r = recording.current;
    if (!r) return;
    recording.current = null;
    setPhase("saving");
    const file = await r.stop();
    release();
    const uploaded = await uploadAsValue(ctx, id, file);
    if (uploaded) ctx.trigger(id, "stop_recording");
    else void open();
  };

  return h(
    "div",
    { class: "webcam" },
    h("video", { ref: preview, class: classList("webcam-preview", mirror && "mirrored"), autoplay: true, muted: true, playsInline: true, "aria-label": "Camera preview" }),
    phase === "off"
      ? h("button", { type: "button", class: "record-button webcam-action", onClick: () => void open() }, h(CameraIcon, null), h("span", null, "Open camera"))
      : phase === "recording" || phase === "saving"
        ? h("button", { type: "button", class: "stop-button webcam-action", disabled: phase === "saving", onClick: () => void stop() },
            h(StopSquare, null), h("span", { "data-testid": "recording-time", "data-seconds": elapsed.toFixed(2) }, phase === "saving" ? "Saving…" : `Stop ${clock(elapsed)}`))
        : h("button", { type: "button", class: "record-button webcam-action", disabled: phase !== "ready", onClick: start },
            h(RecordDot, null), h("span", null, phase === "starting" ? "Starting…" : "Record")),
  );
}

function VideoUpload({ ctx, id, props }: { ctx: ShellContext; id: number; props: Record<string, unknown> }): ComponentChild {
  const [busy, setBusy] = useState(false);
  const take = async (files: File[]): Promise<void> => {
    const file = files[0];
    if (!file) return;
    setBusy(true);
    try {
      if (await uploadAsValue(ctx, id, file)) ctx.trigger(id, "upload");
    } finally {
      setBusy(false);
    }
  };
  return h(UploadZone, {
    id: domId(id), label: str(props.label, "Video"), multiple: false, fileTypes: ["video"], busy,
    text: "Drop Video Here", onFiles: (files: File[]) => void take(files),
  });
}

const SOURCES = {
  upload: { id: "upload", label: "Upload file", icon: h(UploadSmallIcon, null) },
  webcam: { id: "webcam", label: "Record from webcam", icon: h(CameraIcon, null) },
};

export function VideoView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = state.id;
  const editable = props.interactive !== false;
  const sources = sourceList(props, ["upload", "webcam"]).filter((s): s is keyof typeof SOURCES => s in SOURCES);
  return h(
    Block,
    { state, class: "media-block" },
    h(BlockLabel, { props, icon: h(FilmIcon, null), fallback: "Video" }),
    h(MediaBody, {
      file: isFileData(props.value) ? props.value : null,
      editable,
      emptyIcon: h(FilmIcon, null),
      sources: sources.map((s) => SOURCES[s]),
      player: (file: FileData) => file.is_stream
        ? h(StreamedVideo, { key: file.path, file, ctx, id, props, style: { height: cssSize(props.height), width: cssSize(props.width) } })
        : h(Player, { key: file.path, file, ctx, id, props, onClear: editable ? () => clearValue(ctx, id) : undefined }),
      input: (source: string, onError: (m: string | null) => void) =>
        source === "webcam" ? h(Webcam, { ctx, id, props, onError }) : h(VideoUpload, { ctx, id, props }),
    }),
  );
}

export default { view: VideoView, css: audioCss + videoCss } satisfies ViewModule;
