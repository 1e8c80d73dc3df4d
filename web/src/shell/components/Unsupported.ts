/** Placeholder for component types the shell does not render yet. */
import { h, type ComponentChild } from "preact";
import css from "./Unsupported.css?inline";
import { Block } from "./block.js";
import { str, type ViewModule, type ViewProps } from "./context.js";

export function Unsupported({ state }: ViewProps): ComponentChild {
  const label = str(state.props.value.label);
  return h(
    Block,
    { state, class: "unsupported" },
    h("div", { role: "note" }, `unsupported component ${state.type}`, label ? ` (${label})` : ""),
  );
}

export default { view: Unsupported, css } satisfies ViewModule;
