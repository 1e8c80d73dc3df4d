/**
 * Inline SVG icons (stroke = currentColor), so no icon font or asset has to
 * load and glyph coverage of the user's fonts does not matter. Those of the lazy views;
 * the copy button's are in buttons.ts (first paint).
 */

import type { ComponentChild } from "preact";
import { icon } from "./svg.js";

export const UploadIcon = (): ComponentChild =>
  icon(["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M17 8l-5-5-5 5", "M12 3v12"], 22);
export const FileIcon = (): ComponentChild =>
  icon(["M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z", "M14 2v6h6"]);
export const DownloadIcon = (): ComponentChild =>
  icon(["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M7 10l5 5 5-5", "M12 15V3"]);
export const MaximizeIcon = (): ComponentChild =>
  icon(["M8 3H5a2 2 0 0 0-2 2v3", "M21 8V5a2 2 0 0 0-2-2h-3", "M3 16v3a2 2 0 0 0 2 2h3", "M16 21h3a2 2 0 0 0 2-2v-3"]);
export const MinimizeIcon = (): ComponentChild =>
  icon(["M8 3v3a2 2 0 0 1-2 2H3", "M21 8h-3a2 2 0 0 1-2-2V3", "M3 16h3a2 2 0 0 1 2 2v3", "M16 21v-3a2 2 0 0 1 2-2h3"]);
export const ShareIcon = (): ComponentChild =>
  icon(["M4 12v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8", "M16 6l-4-4-4 4", "M12 2v13"]);
export const ClearIcon = (): ComponentChild => icon(["M18 6 6 18", "M6 6l12 12"]);
/** A small line chart (gr.Plot's badge and empty state). */
export const PlotIcon = (): ComponentChild => icon(["M3 3v18h18", "M7 15l4-4 3 3 5-6"]);
