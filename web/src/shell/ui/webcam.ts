/**
 * A live camera preview with a capture button (Image, Gallery, and later
 * ImageEditor). `getUserMedia` with the app's `webcam_options.constraints`,
 * a camera picker when there are several, the preview mirrored when
 * `mirror` is set (and the snapshot too, as Gradio does). A denied or missing
 * camera becomes a readable message in place of the preview.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import css from "./webcam.css?inline";
import { useCss } from "./styles.js";

export type WebcamProps = {
  mirror: boolean;
  /** `webcam_options.constraints` (`{video: {...}, audio: ...}`), or null. */
  constraints?: Record<string, unknown> | null;
  /** A snapshot was taken (PNG). */
  onCapture: (blob: Blob) => void;
  /** Streaming: called every `everyMs` with a JPEG frame while `streaming` is on. */
  onFrame?: (blob: Blob) => void;
  streaming?: boolean;
  everyMs?: number;
  /** Streaming stops by itself after this long (the listener's `time_limit`). */
  limitMs?: number | null;
  /** Streaming stopped (the user's stop, the time limit, or the view going away). */
  onStreamStop?: () => void;
  busy?: boolean;
};

/** A readable sentence for a getUserMedia failure. */
export function cameraErrorMessage(err: unknown): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : "";
  const msg = err instanceof Error ? err.message : String(err);
  if (name === "NotAllowedError" || name === "SecurityError")
    return "Camera access was denied. Allow the camera for this site in the browser's settings, then try again.";
  if (name === "NotFoundError" || name === "OverconstrainedError")
    return "No camera was found that matches this app's settings.";
  if (name === "NotReadableError") return "The camera is in use by another application.";
  if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia)
    return "This browser does not allow camera access on this page (a secure https or localhost page is needed).";
  return `The camera could not be started: ${msg}`;
}

function videoConstraints(constraints: Record<string, unknown> | null | undefined, deviceId: string | null): MediaTrackConstraints | boolean {
  const base = (constraints?.video as MediaTrackConstraints | undefined) ?? { width: { ideal: 1920 }, height: { ideal: 1440 } };
  return deviceId ? { ...base, deviceId: { exact: deviceId } } : base;
}

/** Draws the current video frame on a canvas (mirrored if asked) and encodes it. */
export function snapshot(video: HTMLVideoElement, mirror: boolean, type = "image/png"): Promise<Blob> {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const g = canvas.getContext("2d");
  if (!g || !canvas.width) return Promise.reject(new Error("The camera has not delivered a frame yet."));
  if (mirror) {
    g.translate(canvas.width, 0);
    g.scale(-1, 1);
  }
  g.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The frame could not be encoded."))), type, 0.9),
  );
}

export const CameraIcon = ({ size = 22 }: { size?: number }): ComponentChild =>
  h("svg", { width: size, height: size, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2, "aria-hidden": "true" },
    h("path", { d: "M23 19a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4l2-3h6l2 3h4a2 2 0 0 1 2 2z" }),
    h("circle", { cx: 12, cy: 13, r: 4 }));

export function Webcam({ mirror, constraints, onCapture, onFrame, streaming = false, everyMs = 500, limitMs = null, busy = false, onStreamStop }: WebcamProps): ComponentChild {
  useCss(css);
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  // The interval below must call the latest callback, not the one of its first render.
  const frameCb = useRef(onFrame);
  frameCb.current = onFrame;
  const stopCb = useRef(onStreamStop);
  stopCb.current = onStreamStop;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    setReady(false);
    setError(null);
    const start = async (): Promise<void> => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error("no mediaDevices");
        stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(constraints, deviceId), audio: false });
        if (!live) return;
        const el = video.current;
        if (!el) return;
        el.srcObject = stream;
        el.muted = true;
        await el.play().catch(() => {});
        setReady(true);
        const all = await navigator.mediaDevices.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
        if (live) setDevices(all.filter((d) => d.kind === "videoinput"));
      } catch (e) {
        if (live) setError(cameraErrorMessage(e));
      }
    };
    void start();
    return () => {
      live = false;
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
  }, [deviceId, JSON.stringify(constraints ?? null)]);

  // Streaming: one JPEG frame every `everyMs` while recording (Gradio sends JPEG frames).
  useEffect(() => {
    if (!streaming || !recording || !ready) return;
    let live = true; // a snapshot finishing after stop is dropped
    const t = setInterval(() => {
      if (video.current) snapshot(video.current, mirror, "image/jpeg").then((b) => live && frameCb.current?.(b), () => {});
    }, Math.max(50, everyMs));
    const stop = limitMs && limitMs > 0 ? setTimeout(() => setRecording(false), limitMs) : undefined;
    return () => {
      live = false;
      clearInterval(t);
      clearTimeout(stop);
      // Whatever ended this recording (stop button, time limit, unmount) ends the stream.
      stopCb.current?.();
    };
  }, [streaming, recording, ready, everyMs, mirror, limitMs]);

  const capture = (): void => {
    if (streaming) {
      setRecording(!recording);
      return;
    }
    if (video.current) snapshot(video.current, mirror).then(onCapture, (e: Error) => setError(e.message));
  };

  if (error) return h("div", { class: "webcam webcam-error", role: "alert" }, h(CameraIcon, null), h("p", null, error));
  return h(
    "div",
    { class: "webcam" },
    h("video", { ref: video, class: mirror ? "webcam-video mirrored" : "webcam-video", playsInline: true, muted: true, "aria-label": "Camera preview" }),
    h(
      "div",
      { class: "webcam-controls" },
      h(
        "button",
        {
          type: "button",
          class: "webcam-capture",
          disabled: !ready || busy,
          "aria-label": streaming ? (recording ? "Stop streaming" : "Start streaming") : "Take a photo",
          title: streaming ? (recording ? "Stop streaming" : "Start streaming") : "Take a photo",
          onClick: capture,
        },
        streaming ? h("span", { class: recording ? "rec-dot on" : "rec-dot" }) : h(CameraIcon, null),
      ),
      devices.length > 1
        ? h(
            "select",
            {
              class: "webcam-device",
              "aria-label": "Camera",
              value: deviceId ?? "",
              onChange: (e: Event) => setDeviceId((e.currentTarget as HTMLSelectElement).value || null),
            },
            devices.map((d, i) => h("option", { value: d.deviceId, key: d.deviceId }, d.label || `Camera ${i + 1}`)),
          )
        : null,
    ),
    ready ? null : h("div", { class: "webcam-wait", role: "status" }, "Starting the camera…"),
  );
}
