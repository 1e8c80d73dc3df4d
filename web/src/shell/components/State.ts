/** gr.State: holds nothing in the browser (the value lives on the server). */
import type { ComponentChild } from "preact";

export function State(): ComponentChild {
  return null;
}
