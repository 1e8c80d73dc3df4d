/**
 * gr.Button (+ ClearButton/DownloadButton fall back here): variant
 * primary/secondary/stop/huggingface, size sm/md/lg, `link` opens a URL,
 * `interactive: false` disables it. Its value is its text.
 */

import { h, type ComponentChild } from "preact";
import { classList, sizing } from "./block.js";
import { str, type ViewModule, type ViewProps } from "./context.js";
import { buttonsCss } from "../ui/buttons.js";

export function Button({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const variant = str(props.variant, "secondary");
  const size = str(props.size, "lg");
  const link = str(props.link);
  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";
  return h(
    "button",
    {
      type: "button",
      id: str(props.elem_id) || undefined,
      "data-testid": `block-${state.id}`,
      class: classList("btn", `btn-${variant}`, `btn-${size}`, props.visible === "hidden" && "hidden", cls),
      style: sizing(props),
      disabled: props.interactive === false,
      onClick: () => {
        if (link) window.open(link, str(props.link_target, "_self"), "noopener");
        ctx.trigger(state.id, "click");
      },
    },
    str(props.value, "Run"),
  );
}

export default { view: Button, css: buttonsCss } satisfies ViewModule;
