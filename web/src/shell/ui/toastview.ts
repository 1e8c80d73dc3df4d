/**
 * The toasts' view: a fixed region at the top right, one card per toast (see
 * `toasts.ts` for the list). A lazy chunk: the shell loads it with the first
 * toast, or once Python is ready, so the first paint does not carry it.
 */

import { h, type ComponentChild } from "preact";
import css from "./toasts.css?inline";
import { useCss } from "./styles.js";
import type { Toasts } from "./toasts.js";

const ICONS: Record<string, string> = { error: "!", warning: "!", info: "i", success: "✓" };

function defaultTitle(level: string): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}

export function ToastView({ toasts }: { toasts: Toasts }): ComponentChild {
  useCss(css);
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
