/**
 * Entry of `assets/wasmui.js`: defines `<wasmui-app>` and re-exports the
 * runtime pieces for pages that build their own UI on the transport.
 */
import { WasmuiAppElement } from "./element";

export { WasmuiAppElement } from "./element";
export { createTransport, type FetchLike, type Transport } from "./transport";

if (!customElements.get("wasmui-app")) customElements.define("wasmui-app", WasmuiAppElement);
