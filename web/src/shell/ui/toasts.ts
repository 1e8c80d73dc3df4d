/**
 * Toast notifications: gr.Error (failed events), gr.Warning / gr.Info /
 * gr.Success (`log` messages) and connection errors. A toast with a Python
 * traceback shows it in a collapsible <details>. `duration` is in seconds;
 * null or 0 keeps the toast until closed (Gradio's semantics).
 */

import { h, type ComponentChild } from "preact";
import { useState } from "preact/hooks";
import { signal } from "@preact/signals";
import { useCss } from "./styles.js";

export type ToastInput = {
  level: string;
  title?: string | null;
  message: string;
  duration?: number | null;
  traceback?: string | null;
};

type Toast = ToastInput & { id: number };

const ICONS: Record<string, string> = { error: "!", warning: "!", info: "i", success: "✓" };

export class Toasts {
  readonly list = signal<Toast[]>([]);
  private _next = 1;
  private readonly _timers = new Set<ReturnType<typeof setTimeout>>();

  push(t: ToastInput): void {
    const id = this._next++;
    this.list.value = [...this.list.value, { ...t, id }];
    const seconds = t.duration === undefined ? 10 : t.duration;
    if (seconds && seconds > 0) {
      const timer = setTimeout(() => {
        this._timers.delete(timer);
        this.dismiss(id);
      }, seconds * 1000);
      this._timers.add(timer);
    }
  }

  dismiss(id: number): void {
    this.list.value = this.list.value.filter((t) => t.id !== id);
  }

  close(): void {
    for (const t of this._timers) clearTimeout(t);
    this._timers.clear();
  }
}

function defaultTitle(level: string): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}

// The toasts' sheet is its own chunk, fetched with the first toast (first-paint budget).
let sheet: string | undefined;
let sheetLoad: Promise<void> | undefined;

export function ToastView({ toasts }: { toasts: Toasts }): ComponentChild {
  const [, loaded] = useState(0);
  if (toasts.list.value.length && !sheetLoad) {
    sheetLoad = import("./toasts.css?inline").then((m: { default: string }) => void (sheet = m.default));
  }
  if (!sheet) void sheetLoad?.then(() => loaded((n) => n + 1));
  useCss(sheet);
  return h(
    "div",
    { class: "toasts", role: "region", "aria-label": "Notifications" },
    toasts.list.value.map((t) => {
      const level = ["error", "warning", "info", "success"].includes(t.level) ? t.level : "info";
      return h(
        "div",
        {
          key: t.id,
          class: `toast toast-${level}`,
          role: level === "error" || level === "warning" ? "alert" : "status",
        },
        h("span", { class: "toast-icon", "aria-hidden": "true" }, ICONS[level]),
        h(
          "div",
          { class: "toast-body" },
          h("div", { class: "toast-title" }, t.title || defaultTitle(level)),
          // Messages are plain text: never interpret server strings as HTML.
          h("div", { class: "toast-message" }, t.message),
          t.traceback
            ? h("details", { class: "toast-traceback" }, h("summary", null, "Traceback"), h("pre", null, t.traceback))
            : null,
        ),
        h(
          "button",
          { class: "toast-close", type: "button", "aria-label": "Close notification", onClick: () => toasts.dismiss(t.id) },
          "×",
        ),
      );
    }),
  );
}
