/** Icons of the media views (microphone, camera, record, stop …), inline SVG like ui/icons.ts. */

import { h, type ComponentChild } from "preact";

function icon(paths: string[], size = 16, fill = "none"): ComponentChild {
  return h(
    "svg",
    {
      width: size, height: size, viewBox: "0 0 24 24", fill, stroke: "currentColor", "stroke-width": 2,
      "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true", focusable: "false",
    },
    paths.map((d) => h("path", { d })),
  );
}

export const MicIcon = (): ComponentChild =>
  icon(["M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3z", "M19 10v2a7 7 0 0 1-14 0v-2", "M12 19v3"]);
export const CameraIcon = (): ComponentChild =>
  icon(["M23 7l-7 5 7 5V7z", "M3 5h11a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z"]);
export const UploadSmallIcon = (): ComponentChild =>
  icon(["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M17 8l-5-5-5 5", "M12 3v12"]);
export const MusicIcon = (): ComponentChild =>
  icon(["M9 18V5l12-2v13", "M6 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6z", "M18 19a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"]);
export const FilmIcon = (): ComponentChild =>
  icon(["M4 3h16a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z", "M7 3v18", "M17 3v18",
        "M3 12h18", "M3 7.5h4", "M3 16.5h4", "M17 7.5h4", "M17 16.5h4"]);
export const RecordDot = (): ComponentChild =>
  h("svg", { width: 12, height: 12, viewBox: "0 0 12 12", "aria-hidden": "true" }, h("circle", { cx: 6, cy: 6, r: 5, fill: "currentColor" }));
export const StopSquare = (): ComponentChild =>
  h("svg", { width: 12, height: 12, viewBox: "0 0 12 12", "aria-hidden": "true" }, h("rect", { x: 1, y: 1, width: 10, height: 10, rx: 1.5, fill: "currentColor" }));
export const PauseBars = (): ComponentChild => icon(["M8 5v14", "M16 5v14"], 14);
export const PlayTriangle = (): ComponentChild =>
  h("svg", { width: 12, height: 12, viewBox: "0 0 12 12", "aria-hidden": "true" }, h("path", { d: "M2.5 1.5v9l8-4.5z", fill: "currentColor" }));
export const CubeIcon = (): ComponentChild =>
  icon(["M21 16V8a2 2 0 0 0-1-1.73l-7-4a2 2 0 0 0-2 0l-7 4A2 2 0 0 0 3 8v8a2 2 0 0 0 1 1.73l7 4a2 2 0 0 0 2 0l7-4A2 2 0 0 0 21 16z",
        "M3.27 6.96 12 12.01l8.73-5.05", "M12 22.08V12"]);
export const ResetIcon = (): ComponentChild =>
  icon(["M3 12a9 9 0 1 0 3-6.7", "M3 3v6h6"]);
