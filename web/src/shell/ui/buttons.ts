/**
 * The small icon buttons shared by views (Gradio's `buttons=[...]` list):
 * copy, download, fullscreen, share, clear, in one `IconButtons` row. Download,
 * fullscreen, share and clear (media views only) are in actionbuttons.ts, off the first paint.
 * Each button has an accessible name and brings its CSS (ui/buttons.css).
 */

import { h, type ComponentChild, type ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import css from "./buttons.css?inline";
import { useCss } from "./styles.js";
import { icon } from "./svg.js";
import { classList } from "../values.js";
import { CustomButtonList } from "./custombuttons.js";

export { css as buttonsCss };

const CopyIcon = (): ComponentChild =>
  icon(["M9 9h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H11a2 2 0 0 1-2-2z", "M5 15H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v1"]);
const CheckIcon = (): ComponentChild => icon(["M20 6 9 17l-5-5"]);

/** True when the component's `buttons` list names `name` (or the legacy `show_<name>_button` flag is set). */
export function hasButton(props: Record<string, unknown>, name: string, legacy?: string): boolean {
  const b = props.buttons;
  return (Array.isArray(b) && b.includes(name)) || (legacy !== undefined && props[legacy] === true);
}

type IconButtonProps = {
  label: string;
  icon: ComponentChild;
  onClick: () => void;
  disabled?: boolean;
  class?: string;
  pressed?: boolean;
};

export function IconButton({ label, icon, onClick, disabled, class: cls, pressed }: IconButtonProps): ComponentChild {
  useCss(css);
  return h(
    "button",
    {
      type: "button",
      class: classList("icon-button", cls),
      "aria-label": label,
      "aria-pressed": pressed === undefined ? undefined : String(pressed),
      title: label,
      disabled,
      onClick,
    },
    icon,
  );
}

/** A row of icon buttons; `floating` pins it to the block's top-right corner (media views). */
export function IconButtons({ children, floating = false }: { children: ComponentChildren; floating?: boolean }): ComponentChild {
  useCss(css);
  return h("div", { class: classList("icon-buttons", floating && "floating") }, children, h(CustomButtonList, null));
}

export function CopyButton({ text, label = "Copy", onCopy }: { text: string; label?: string; onCopy?: () => void }): ComponentChild {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  return h(IconButton, {
    label: copied ? "Copied" : label,
    class: "copy-button",
    icon: copied ? h(CheckIcon, null) : h(CopyIcon, null),
    onClick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        onCopy?.();
      } catch {
        /* clipboard permission denied: nothing to do */
      }
    },
  });
}
