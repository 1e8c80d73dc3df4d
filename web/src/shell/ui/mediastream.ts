/**
 * Streamed media outputs (gr.Audio / gr.Video with `streaming=True` fed by a
 * generator). The output's value is Gradio's stream FileData (`is_stream`, path
 * `{session}/{run}/{component}/playlist.m3u8`); every yield adds a segment to that
 * HLS playlist on the server, so the value itself never changes while the stream
 * grows. Like hls.js does for a live playlist, the page re-reads the playlist until
 * it carries `#EXT-X-ENDLIST`, and fetches each new segment once.
 */

import { useEffect, useState } from "preact/hooks";
import type { FileData } from "../types.js";
import type { ShellContext } from "../components/context.js";

export type StreamSegment = { uri: string; duration: number };
export type Playlist = { segments: StreamSegment[]; ended: boolean };

/** The segments (in order) and the end mark of an HLS media playlist. */
export function parsePlaylist(text: string): Playlist {
  const segments: StreamSegment[] = [];
  let duration: number | null = null;
  let ended = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("#EXTINF:")) duration = parseFloat(line.slice(8));
    else if (line === "#EXT-X-ENDLIST") ended = true;
    else if (line && !line.startsWith("#")) {
      segments.push({ uri: line, duration: duration ?? 0 });
      duration = null;
    }
  }
  return { segments, ended };
}

/** API path (under `/gradio_api`) of a file next to the stream's playlist. */
export function streamPath(file: FileData, name: string): string {
  return `/stream/${file.path.replace(/[^/]*$/, "")}${name}`;
}

/** The whole stream as one file (`playlist-file`), as a FileData for the normal player. */
export function combinedFile(file: FileData): FileData {
  const swap = (s: string): string => s.replace(/playlist\.m3u8$/, "playlist-file");
  return { ...file, path: swap(file.path), url: file.url ? swap(file.url) : null, is_stream: false };
}

/** How often the playlist is re-read while the generator runs. */
const POLL_MS = 200;

/**
 * The stream's playlist, re-read until it ends (or the view goes away). `error` is a
 * readable message when the playlist cannot be read (the stream was dropped).
 */
export function usePlaylist(ctx: ShellContext, file: FileData): Playlist & { error: string | null } {
  const [state, setState] = useState<Playlist & { error: string | null }>({ segments: [], ended: false, error: null });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen = -1;
    const read = async (): Promise<void> => {
      try {
        const res = await ctx.client.get(streamPath(file, "playlist.m3u8"));
        if (!live) return;
        if (!res.ok) {
          setState((s) => ({ ...s, ended: true, error: `The stream is no longer available (HTTP ${res.status}).` }));
          return;
        }
        const list = parsePlaylist(await res.text());
        if (!live) return;
        if (list.segments.length !== seen || list.ended) {
          seen = list.segments.length;
          setState({ ...list, error: null });
        }
        if (!list.ended) timer = setTimeout(() => void read(), POLL_MS);
      } catch (e) {
        if (live) setState((s) => ({ ...s, ended: true, error: e instanceof Error ? e.message : String(e) }));
      }
    };
    void read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [file.path]);
  return state;
}
