/** Inline SVG icons of the chat views (stroke = currentColor; no emoji font needed). */

import { h, type ComponentChild } from "preact";

function svg(children: ComponentChild[], size = 15): ComponentChild {
  return h(
    "svg",
    {
      width: size, height: size, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2,
      "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true", focusable: "false",
    },
    children,
  );
}
const p = (d: string): ComponentChild => h("path", { d });

export const TrashIcon = (): ComponentChild => svg([p("M4 7h16"), p("M10 11v6M14 11v6"), p("M6 7l1 13h10l1-13"), p("M9 7V4h6v3")]);
export const ThumbUpIcon = (): ComponentChild =>
  svg([p("M7 11v9H4v-9z"), p("M7 11l4-8a2 2 0 0 1 3 2l-1 5h6a2 2 0 0 1 2 2l-2 7a2 2 0 0 1-2 1H7")]);
export const ThumbDownIcon = (): ComponentChild =>
  svg([p("M7 13V4H4v9z"), p("M7 13l4 8a2 2 0 0 0 3-2l-1-5h6a2 2 0 0 0 2-2l-2-7a2 2 0 0 0-2-1H7")]);
export const FlagIcon = (): ComponentChild => svg([p("M5 21V4"), p("M5 4h11l-2 4 2 4H5")]);
export const RetryIcon = (): ComponentChild => svg([p("M20 12a8 8 0 1 1-3-6.2"), p("M20 4v5h-5")]);
export const UndoIcon = (): ComponentChild => svg([p("M9 14L4 9l5-5"), p("M4 9h10a6 6 0 0 1 0 12h-3")]);
export const EditIcon = (): ComponentChild => svg([p("M4 20h4L19 9l-4-4L4 16z"), p("M13 7l4 4")]);
export const ClipIcon = (): ComponentChild =>
  svg([p("M21 11l-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7")], 17);
export const DownloadIcon = (): ComponentChild => svg([p("M12 4v11"), p("M7 10l5 5 5-5"), p("M5 20h14")]);
export const ArrowDownIcon = (): ComponentChild => svg([p("M12 5v14"), p("M6 13l6 6 6-6")]);
export const FileGlyph = (): ComponentChild => svg([p("M14 3H6v18h12V7z"), p("M14 3v4h4")]);
