/**
 * Capture from the microphone and the camera, for Audio and Video views.
 *
 * Microphone audio is recorded with Web Audio (raw PCM, not MediaRecorder) and
 * written as 16-bit WAV, so Python's standard `wave` module reads every
 * recording — no codec is needed in the browser runtime. Camera video is
 * recorded with MediaRecorder (mp4 when the browser can, else webm).
 * Denied or missing devices become one readable sentence.
 */

/** 16-bit PCM WAV bytes of float samples in [-1, 1] (one array per channel, equal lengths). */
export function encodeWav(channels: Float32Array[], sampleRate: number): Uint8Array {
  const nch = Math.max(1, channels.length);
  const frames = channels[0]?.length ?? 0;
  const dataBytes = frames * nch * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, nch, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * nch * 2, true); // byte rate
  view.setUint16(32, nch * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  let at = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < nch; c++) {
      const s = Math.max(-1, Math.min(1, channels[c]![i]!));
      view.setInt16(at, s < 0 ? s * 0x8000 : s * 0x7fff, true);
      at += 2;
    }
  }
  return bytes;
}

/** Decodes any audio file the browser can play and re-encodes it as WAV (for `type="numpy"`). */
export async function toWavFile(file: File): Promise<File> {
  const decoder = new OfflineAudioContext(1, 1, 44100);
  const buffer = await decoder.decodeAudioData(await file.arrayBuffer());
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  const name = file.name.replace(/\.[^.]*$/, "") + ".wav";
  return new File([encodeWav(channels, buffer.sampleRate) as BlobPart], name, { type: "audio/wav" });
}

/** A sentence a user can act on, for a failed getUserMedia / MediaRecorder call. */
export function deviceErrorMessage(err: unknown, device: "microphone" | "camera"): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : "";
  if (name === "NotAllowedError" || name === "SecurityError")
    return `Access to the ${device} was denied. Allow it in the browser's site settings and try again.`;
  if (name === "NotFoundError" || name === "OverconstrainedError")
    return `No ${device} was found. Connect one and try again.`;
  if (name === "NotReadableError") return `The ${device} is in use by another application.`;
  if (typeof navigator === "undefined" || !navigator.mediaDevices)
    return `This page cannot use the ${device} (it needs a secure context: https or localhost).`;
  return `Could not start the ${device}: ${err instanceof Error ? err.message : String(err)}`;
}

export type MicRecording = {
  /** Seconds recorded so far. */
  elapsed(): number;
  /** Current input level in [0, 1] (for a meter). */
  level(): number;
  pause(): void;
  resume(): void;
  /** Stops the devices and returns the WAV file. */
  stop(): Promise<File>;
  /** Stops the devices and drops the recording. */
  cancel(): void;
  /** Streaming: a WAV of what was recorded since the previous call (null when nothing new). */
  take(): File | null;
};

/**
 * The microphones this page may name, for a device picker. Before the user has allowed
 * the microphone, browsers list at most one input with an empty id and label: that one
 * is kept (the system default), so "none" only means no microphone at all — or none this
 * page may use (a permissions policy hides them).
 */
export async function listMicrophones(): Promise<MediaDeviceInfo[]> {
  if (typeof navigator === "undefined" || !navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
  const inputs = all.filter((d) => d.kind === "audioinput");
  const named = inputs.filter((d) => d.deviceId);
  return named.length ? named : inputs.slice(0, 1);
}

/** Starts recording the microphone (`deviceId`, or the default) as PCM at `sampleRate` (the browser resamples). */
export async function recordMicrophone(sampleRate: number, deviceId: string | null = null): Promise<MicRecording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
  let ctx: AudioContext;
  try {
    ctx = new AudioContext({ sampleRate });
  } catch {
    ctx = new AudioContext(); // a rate the device cannot resample to: keep the device's
  }
  await ctx.resume();
  const source = ctx.createMediaStreamSource(stream);
  // ScriptProcessor runs everywhere without a worklet module URL (CSP-friendly in a shadow root).
  const node = ctx.createScriptProcessor(4096, 1, 1);
  const chunks: Float32Array[] = [];
  let count = 0;
  let paused = false;
  let peak = 0;
  node.onaudioprocess = (e: AudioProcessingEvent): void => {
    if (paused) return;
    const input = e.inputBuffer.getChannelData(0);
    chunks.push(new Float32Array(input));
    count += input.length;
    let p = 0;
    for (let i = 0; i < input.length; i += 16) p = Math.max(p, Math.abs(input[i]!));
    peak = p;
  };
  source.connect(node);
  node.connect(ctx.destination); // a processor only runs when connected; it outputs silence
  const release = (): void => {
    node.onaudioprocess = null;
    source.disconnect();
    node.disconnect();
    for (const t of stream.getTracks()) t.stop();
    void ctx.close();
  };
  let taken = 0; // chunks already handed out by take()
  let seq = 0;
  return {
    take: () => {
      const fresh = chunks.slice(taken);
      taken = chunks.length;
      const n = fresh.reduce((a, c) => a + c.length, 0);
      if (!n) return null;
      const part = new Float32Array(n);
      let at = 0;
      for (const c of fresh) {
        part.set(c, at);
        at += c.length;
      }
      return new File([encodeWav([part], ctx.sampleRate) as BlobPart], `stream-${seq++}.wav`, { type: "audio/wav" });
    },
    elapsed: () => count / ctx.sampleRate,
    level: () => peak,
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    cancel: release,
    stop: async () => {
      const rate = ctx.sampleRate;
      release();
      const all = new Float32Array(count);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      return new File([encodeWav([all], rate) as BlobPart], `recording-${stamp}.wav`, { type: "audio/wav" });
    },
  };
}

/** The MediaRecorder type for camera clips: mp4 where supported (plays everywhere), else webm. */
/**
 * The type to record video in: the container `format` names (gr.Video's `format`, "mp4" or
 * "webm") when this browser can record it, so the clip needs no conversion (which would need
 * ffmpeg); else mp4, else webm.
 */
export function videoMimeType(format?: string | null): string {
  const candidates = ["video/mp4;codecs=avc1", "video/mp4", "video/webm;codecs=vp9", "video/webm"];
  const wanted = format ? candidates.filter((t) => t.startsWith(`video/${format.toLowerCase()}`)) : [];
  return [...wanted, ...candidates].find((t) => typeof MediaRecorder !== "undefined" && MediaRecorder.isTypeSupported(t)) ?? "";
}

export type CameraRecording = { stop(): Promise<File> };

/** Records `stream` (in the container `format` names when the browser can) until `stop()`; returns the clip as a File. */
export function recordStream(stream: MediaStream, format?: string | null): CameraRecording {
  const mimeType = videoMimeType(format);
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
  const parts: Blob[] = [];
  recorder.ondataavailable = (e: BlobEvent): void => {
    if (e.data.size) parts.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  recorder.start(250);
  return {
    stop: async () => {
      if (recorder.state !== "inactive") recorder.stop();
      await stopped;
      const type = recorder.mimeType || mimeType || "video/webm";
      const ext = type.startsWith("video/mp4") ? "mp4" : "webm";
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      return new File(parts, `webcam-${stamp}.${ext}`, { type: type.split(";")[0] });
    },
  };
}

/**
 * `stream` with its video flipped left-right (drawn through a canvas), so a recording
 * matches the mirrored preview, as Gradio's webcam recordings do. Audio tracks are kept.
 */
export function mirroredStream(stream: MediaStream): { stream: MediaStream; stop(): void } {
  const settings = stream.getVideoTracks()[0]?.getSettings() ?? {};
  const canvas = document.createElement("canvas");
  canvas.width = settings.width || 640;
  canvas.height = settings.height || 480;
  const g = canvas.getContext("2d");
  const source = document.createElement("video");
  source.muted = true;
  source.playsInline = true;
  source.srcObject = stream;
  void source.play().catch(() => {});
  let frame = 0;
  const draw = (): void => {
    if (g && source.readyState >= 2) {
      g.setTransform(-1, 0, 0, 1, canvas.width, 0);
      g.drawImage(source, 0, 0, canvas.width, canvas.height);
    }
    frame = requestAnimationFrame(draw);
  };
  draw();
  const out = canvas.captureStream(settings.frameRate || 30);
  for (const track of stream.getAudioTracks()) out.addTrack(track);
  return {
    stream: out,
    stop: () => {
      cancelAnimationFrame(frame);
      for (const t of out.getVideoTracks()) t.stop();
      source.srcObject = null;
    },
  };
}
