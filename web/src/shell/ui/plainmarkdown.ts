/**
 * Markdown that needs no Markdown library: ATX headings and paragraphs of plain words
 * (`# Ten components`, the first line of most demos) or the title an Interface writes. It becomes elements with text children
 * (nothing is parsed as HTML, so there is nothing to sanitise), shown at the first paint, and
 * the page does not download marked and DOMPurify for it (~27 kB on the wire, before the
 * interpreter's wasm on a first visit on 4G). Anything else is null: marked → DOMPurify.
 * The output is the DOM marked gives for the same source (`<h1>…</h1>`, `<p>…</p>`).
 */

import { h, type ComponentChild } from "preact";

/** What a plain line may hold: letters, digits and prose punctuation; no Markdown or HTML syntax. */
const PLAIN = /^[\p{L}\p{N} ,.;:'"?!()-]*$/u;
/** What would still be Markdown among those: a list item ("- a", "1. a", "1) a"), a GFM autolink. */
const SYNTAX = /^(-|\p{N}+[.)])|www\.|^ | $/iu;
const HEADING = /^(#{1,6}) (.*)$/;
/** The title gr.Interface, ChatInterface and TabbedInterface write (as Gradio does): one HTML
 * heading with this fixed style around plain words (marked passes it through, DOMPurify keeps it). */
const INTERFACE_TITLE = /^<h1 style='text-align: center; margin-bottom: 1rem'>([^<>&]*)<\/h1>$/;
const TITLE_STYLE = "text-align: center; margin-bottom: 1rem";
/** Longer sources go to marked (this is for titles, not documents). */
const MAX_LENGTH = 2000;

function plainLine(text: string): boolean {
  return PLAIN.test(text) && !SYNTAX.test(text);
}

/**
 * The elements of `src` when it is plain (see the module's comment), else null. `lineBreaks`:
 * a paragraph's line ends are `<br>` (gr.Markdown `line_breaks`), else they stay newlines.
 */
export function plainMarkdown(src: string, lineBreaks = false): ComponentChild[] | null {
  if (src.length > MAX_LENGTH) return null;
  const title = INTERFACE_TITLE.exec(src);
  if (title) return plainLine(title[1]!) ? [h("h1", { style: TITLE_STYLE }, title[1]!)] : null;
  const out: ComponentChild[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const lines = paragraph;
    const children = lineBreaks ? lines.flatMap((line, i) => (i === 0 ? [line] : [h("br", null), line])) : [lines.join("\n")];
    out.push(h("p", null, ...children));
    paragraph = [];
  };
  for (const line of src.split(/\r?\n/)) {
    if (line === "") {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const text = heading[2]!.trim();
      if (!plainLine(text)) return null;
      flush();
      out.push(h(`h${heading[1]!.length}`, null, text));
      continue;
    }
    if (!plainLine(line)) return null;
    paragraph.push(line);
  }
  flush();
  return out;
}
