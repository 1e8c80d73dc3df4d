/**
 * The contract between the shell and its views (one file per component).
 * A view receives its ComponentState (props + loading status signals) and the
 * shell context; it writes user edits through `ctx.userInput` and fires
 * events through `ctx.trigger`, and never talks to the protocol client
 * directly except for uploads.
 */

import type { ComponentChild } from "preact";
import type { ComponentState, Store } from "../engine/store.js";
import type { Engine } from "../engine/engine.js";
import type { GradioClient } from "../client/client.js";
import type { LayoutNode } from "../types.js";
import type { Toasts } from "../ui/toasts.js";

export type ShellContext = {
  store: Store;
  engine: Engine;
  client: GradioClient;
  toasts: Toasts;
  /** Turns a server file URL into something usable in src/href. */
  resolveUrl: (url: string) => Promise<string>;
  /** Renders a child layout node (used by layouts). */
  renderNode: (node: LayoutNode) => ComponentChild;
  /** A user edited a value: store it and fire input + change. */
  userInput: (id: number, value: unknown) => void;
  trigger: (id: number, event: string, data?: unknown) => void;
};

export type ViewProps = { state: ComponentState; ctx: ShellContext; node: LayoutNode };
export type View = (p: ViewProps) => ComponentChild;

/** What a view module gives the registry: the view and the CSS it needs (see ui/styles.ts). */
export type ViewModule = { view: View; css?: string };

export { domId, num, str } from "../values.js";
