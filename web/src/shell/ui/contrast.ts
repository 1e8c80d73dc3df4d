/**
 * Readable text on a coloured background: black or white by the background's
 * luminance (any CSS colour; a canvas normalises it to hex).
 */

let probe: CanvasRenderingContext2D | null | undefined;

/** `#rrggbb` of a solid CSS colour, or null (gradients, transparent, unknown names). */
export function solidHex(color: string): string | null {
  probe ??= document.createElement("canvas").getContext("2d");
  if (!probe) return null;
  probe.fillStyle = "#000";
  probe.fillStyle = color;
  const first = String(probe.fillStyle);
  probe.fillStyle = "#fff";
  probe.fillStyle = color;
  // An unparsable colour leaves fillStyle as it was: two different answers mean "unknown".
  const hex = String(probe.fillStyle);
  return hex === first && /^#[0-9a-f]{6}$/i.test(hex) ? hex : null;
}

/** Dark or white text, whichever reads on `color` ("#fff" when the colour is unknown). */
export function textOn(color: string): string {
  const hex = solidHex(color);
  if (!hex) return "#fff";
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 ? "#111827" : "#ffffff";
}

/**
 * A cell's CSS with a readable `color` added when it sets a background and no colour: a solid
 * one, or a gradient whose first stop is solid (text starts at the left, where a data bar
 * such as `linear-gradient(90deg, green 60%, transparent 60%)` begins).
 */
export function withReadableText(css: string): string {
  if (!css || /(^|;)\s*color\s*:/i.test(css)) return css;
  let bg = /(?:^|;)\s*background(?:-color)?\s*:\s*([^;]+)/i.exec(css)?.[1]?.trim();
  if (bg && /gradient\(/i.test(bg)) bg = /(rgba?\([^)]*\)|hsla?\([^)]*\)|#[0-9a-f]{3,8}\b)/i.exec(bg)?.[1];
  if (!bg || !solidHex(bg)) return css;
  return `${css}; color: ${textOn(bg)}`;
}
