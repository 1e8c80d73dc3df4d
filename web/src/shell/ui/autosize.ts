/**
 * Textareas that grow with their text between `lines` and `max_lines` rows (gr.Textbox,
 * gr.MultimodalTextbox), sized without reading the layout where they need not be.
 */

import type { RefObject } from "preact";
import { useLayoutEffect } from "preact/hooks";

/**
 * Sizes `el` to its text, between `lines` and `maxLines` rows, and says whether it measured. An
 * empty box keeps the height its `rows` (= `lines`) gives it and reads nothing: each measure
 * after another box's resize forced a layout of the whole page, so mounting a page of empty
 * boxes cost one layout per box (measured on a hello-world first paint: the two boxes' forced
 * layouts were half of the shell's mount). The measured height is that same natural height for
 * a short text, so the box does not jump on its first character.
 */
export function fitTextarea(el: HTMLTextAreaElement, lines: number, maxLines: number): boolean {
  if (el.value === "") {
    // Back to its natural height after it grew (no read: nothing to measure).
    if (el.style.height) {
      el.style.height = "";
      el.style.overflowY = "";
    }
    return false;
  }
  const style = getComputedStyle(el);
  const lineHeight = parseFloat(style.lineHeight) || 20;
  const border = el.offsetHeight - el.clientHeight;
  const frame = border + (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
  el.style.height = "auto";
  const content = el.scrollHeight + border;
  const least = Math.max(1, lines) * lineHeight + frame;
  const most = Math.max(lines, maxLines) * lineHeight + frame;
  const height = Math.min(Math.max(content, least), most);
  el.style.height = `${height}px`;
  el.style.overflowY = content > most + 0.5 ? "auto" : "hidden";
  return true;
}

/**
 * `fitTextarea` on `ref`'s textarea whenever `text`, `lines` or `maxLines` change; then, where
 * `follow` says so (streaming outputs grow at the bottom) and the box is not being edited, keeps
 * its last line in view.
 */
export function useFitTextarea(ref: RefObject<HTMLTextAreaElement | null>, text: string, lines: number, maxLines: number,
  follow = false): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !fitTextarea(el, lines, maxLines) || !follow) return;
    const root = el.getRootNode() as Document | ShadowRoot;
    if (root.activeElement !== el) el.scrollTop = el.scrollHeight;
  }, [text, lines, maxLines, follow]);
}
