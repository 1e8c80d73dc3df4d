import { test } from "node:test";
import assert from "node:assert/strict";
import { combinedFile, parsePlaylist, streamPath } from "../src/shell/ui/mediastream.js";
import type { FileData } from "../src/shell/types.js";

const STREAM: FileData = {
  path: "abc/7/3/playlist.m3u8", url: "http://h/app/gradio_api/stream/abc/7/3/playlist.m3u8",
  orig_name: "audio-stream.wav", is_stream: true, meta: { _type: "gradio.FileData" },
};

test("a growing playlist: segments with their durations, no end mark yet", () => {
  const text = "#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-TARGETDURATION:1\n#EXT-X-VERSION:4\n#EXT-X-MEDIA-SEQUENCE:0\n" +
    "#EXTINF:0.500,\nf00.wav\n#EXTINF:0.250,\nf01.wav\n";
  assert.deepEqual(parsePlaylist(text), { segments: [{ uri: "f00.wav", duration: 0.5 }, { uri: "f01.wav", duration: 0.25 }], ended: false });
});

test("an ended playlist (discontinuity tags between .ts chunks are skipped)", () => {
  const list = parsePlaylist("#EXTM3U\r\n#EXTINF:2.000,\r\na.ts\r\n#EXT-X-DISCONTINUITY\r\n#EXTINF:1.000,\r\nb.ts\r\n#EXT-X-ENDLIST\r\n");
  assert.deepEqual(list.segments.map((s) => s.uri), ["a.ts", "b.ts"]);
  assert.equal(list.ended, true);
});

test("segments and the combined file sit next to the playlist", () => {
  assert.equal(streamPath(STREAM, "f00.wav"), "/stream/abc/7/3/f00.wav");
  const whole = combinedFile(STREAM);
  assert.equal(whole.path, "abc/7/3/playlist-file");
  assert.equal(whole.url, "http://h/app/gradio_api/stream/abc/7/3/playlist-file");
  assert.equal(whole.is_stream, false);
});
