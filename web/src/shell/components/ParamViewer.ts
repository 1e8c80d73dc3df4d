/**
 * gr.ParamViewer: one expandable row per parameter (name, type, default),
 * its Markdown description rendered through marked + DOMPurify. With
 * `anchor_links` each row gets an id to link to.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import { renderMarkdown } from "../ui/sanitize.js";
import { Block, heightStyle } from "./block.js";
import css from "./ParamViewer.css?inline";
import { str, type ViewModule, type ViewProps } from "./context.js";

type Param = { type?: unknown; description?: unknown; default?: unknown };

function Description({ text }: { text: string }): ComponentChild {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void renderMarkdown(text).then((out) => live && setHtml(out));
    return () => {
      live = false;
    };
  }, [text]);
  return html === null
    ? h("div", { class: "pv-desc pending-render" }, text)
    : h("div", { class: "pv-desc prose", dangerouslySetInnerHTML: { __html: html } });
}

export function ParamViewer({ state }: ViewProps): ComponentChild {
  const props = state.props.value;
  const value = props.value && typeof props.value === "object" ? (props.value as Record<string, Param>) : {};
  const header = props.header === null ? "" : str(props.header, "Parameters");
  const anchor = props.anchor_links === true ? "param-" : typeof props.anchor_links === "string" ? `${props.anchor_links}-param-` : null;
  const sep = props.language === "typescript" ? ": " : ": ";
  return h(
    Block,
    { state, class: "paramviewer" },
    header ? h("h3", { class: "pv-header" }, header) : null,
    h(
      "div",
      { class: "pv-list", style: heightStyle(props) },
      Object.entries(value).map(([name, p]) =>
        h(
          "details",
          { key: name, class: "pv-param", id: anchor ? `${anchor}${name}` : undefined },
          h(
            "summary",
            null,
            h("code", { class: "pv-name" }, name),
            p.type != null && str(p.type) ? h("code", { class: "pv-type" }, `${sep}${str(p.type)}`) : null,
            p.default != null ? h("code", { class: "pv-default" }, ` = ${str(p.default)}`) : null,
          ),
          h(
            "div",
            { class: "pv-body" },
            p.default != null ? h("div", { class: "pv-default-line" }, "default ", h("code", null, `= ${str(p.default)}`)) : null,
            str(p.description) ? h(Description, { text: str(p.description) }) : null,
          ),
        ),
      ),
    ),
  );
}

export default { view: ParamViewer, css } satisfies ViewModule;
