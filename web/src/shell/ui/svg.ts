/** The inline SVG of every icon (stroke = currentColor, 24×24 paths drawn at `size` px). */

import { h, type ComponentChild } from "preact";

/** An icon from its path data. */
export function icon(paths: string[], size = 14): ComponentChild {
  return h(
    "svg",
    {
      width: size,
      height: size,
      viewBox: "0 0 24 24",
      fill: "none",
      stroke: "currentColor",
      "stroke-width": 2,
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
      "aria-hidden": "true",
      focusable: "false",
    },
    paths.map((d) => h("path", { d })),
  );
}
