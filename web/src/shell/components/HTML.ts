/**
 * gr.HTML: `html_template` (default `${value}`) filled from the value and the
 * other props, then sanitised. `css_template` is applied scoped to the block.
 * `js_on_load` is not executed; the default click → trigger("click") wiring
 * is reproduced natively.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import { sanitizeHtml } from "../ui/sanitize.js";
import { Block, heightStyle } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import type { Props } from "../types.js";
import { str, type ViewModule, type ViewProps } from "./context.js";

function asText(v: unknown): string {
  if (v == null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** Replaces `${name}` and `{{name}}` placeholders from props (value included). */
export function fillTemplate(template: string, props: Props): string {
  const sub = (_m: string, name: string): string => asText(props[name.trim()]);
  return template.replace(/\$\{\s*([A-Za-z_]\w*)\s*\}/g, sub).replace(/\{\{\s*([A-Za-z_]\w*)\s*\}\}/g, sub);
}

export function HTML({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const template = str(props.html_template, "${value}");
  const filled = fillTemplate(template, props);
  const css = str(props.css_template) ? fillTemplate(str(props.css_template), props) : "";
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    sanitizeHtml(filled)
      .then((out) => live && setHtml(out))
      .catch((e) => ctx.toasts.push({ level: "error", title: "HTML", message: String(e) }));
    return () => {
      live = false;
    };
  }, [filled]);
  const scope = `wasmui-html-${state.id}`;
  return h(
    Block,
    { state, padded: props.container === true, class: props.padding ? "padded" : undefined },
    props.show_label === true ? h(BlockTitle, { props }) : null,
    // CSS cannot run script; nesting under the block's attribute scopes it.
    css ? h("style", null, `[data-scope="${scope}"] { ${css.replace(/<\//g, "")} }`) : null,
    h("div", {
      class: "html-content",
      "data-scope": scope,
      style: heightStyle(props),
      dangerouslySetInnerHTML: { __html: html ?? "" },
      onClick: () => ctx.trigger(state.id, "click"),
    }),
  );
}

export default { view: HTML } satisfies ViewModule;
