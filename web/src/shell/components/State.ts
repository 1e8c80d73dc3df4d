/** gr.State: holds nothing in the browser (the value lives on the server). */
import type { ComponentChild } from "preact";
import type { ViewModule } from "./context.js";

export function State(): ComponentChild {
  return null;
}

export default { view: State } satisfies ViewModule;
