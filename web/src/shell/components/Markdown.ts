/**
 * gr.Markdown: marked → DOMPurify → innerHTML. Rendering is async (the
 * libraries load lazily); until then the raw text is shown as plain text.
 * Plain headings and paragraphs (ui/plainmarkdown.ts) are rendered at once
 * without them.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { renderMarkdown } from "../ui/sanitize.js";
import { plainMarkdown } from "../ui/plainmarkdown.js";
import { Block, heightStyle } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { str, type ViewModule, type ViewProps } from "./context.js";
import css from "../ui/prose.css?inline";

export function Markdown({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const src = str(props.value);
  const lineBreaks = props.line_breaks === true;
  const plain = useMemo(() => plainMarkdown(src, lineBreaks), [src, lineBreaks]);
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    if (plain) return undefined;
    let live = true;
    renderMarkdown(src, { lineBreaks })
      .then((out) => live && setHtml(out))
      .catch((e) => ctx.toasts.push({ level: "error", title: "Markdown", message: String(e) }));
    return () => {
      live = false;
    };
  }, [src, lineBreaks, plain === null]);
  const body = plain
    ? h("div", { class: "prose", dir: props.rtl ? "rtl" : undefined, style: heightStyle(props) }, plain)
    : html === null
      ? // Until the renderer has loaded, keep the space but do not flash raw markup.
        h("div", { class: "prose pending-render", dir: props.rtl ? "rtl" : undefined, style: heightStyle(props) }, src)
      : h("div", {
          class: "prose",
          dir: props.rtl ? "rtl" : undefined,
          style: heightStyle(props),
          dangerouslySetInnerHTML: { __html: html },
        });
  return h(
    Block,
    { state, padded: props.container === true, class: props.padding ? "padded" : undefined },
    props.show_label === true ? h(BlockTitle, { props }) : null,
    body,
  );
}

export default { view: Markdown, css } satisfies ViewModule;
