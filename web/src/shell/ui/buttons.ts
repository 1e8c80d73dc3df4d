/**
 * The small icon buttons shared by views (Gradio's `buttons=[...]` list):
 * copy, download, fullscreen, share, clear, in one `IconButtons` row.
 * Each button has an accessible name and brings its CSS (ui/buttons.css).
 */

import { h, type ComponentChild, type ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import css from "./buttons.css?inline";
import { useCss } from "./styles.js";
import { CheckIcon, ClearIcon, CopyIcon, DownloadIcon, MaximizeIcon, MinimizeIcon, ShareIcon } from "./icons.js";
import { classList } from "../values.js";
import { CustomButtonList } from "./custombuttons.js";

export { css as buttonsCss };

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

/** A link styled as an icon button; `href` undefined (still resolving) renders it disabled. */
export function DownloadButton({ href, filename, label = "Download", onDownload }: {
  href: string | undefined;
  filename?: string;
  label?: string;
  onDownload?: () => void;
}): ComponentChild {
  useCss(css);
  return h(
    "a",
    {
      class: "icon-button download-button",
      href,
      download: filename ?? "",
      "aria-label": label,
      "aria-disabled": href ? undefined : "true",
      title: label,
      onClick: onDownload,
    },
    h(DownloadIcon, null),
  );
}

/** Toggles fullscreen on the element `target()` returns (usually the view's block). */
export function FullscreenButton({ target }: { target: () => Element | null }): ComponentChild {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const sync = (): void => {
      const el = target();
      const active = el?.getRootNode() instanceof ShadowRoot
        ? (el.getRootNode() as ShadowRoot).fullscreenElement
        : document.fullscreenElement;
      setFull(!!el && active === el);
    };
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  return h(IconButton, {
    label: full ? "Exit fullscreen" : "Fullscreen",
    class: "fullscreen-button",
    pressed: full,
    icon: full ? h(MinimizeIcon, null) : h(MaximizeIcon, null),
    onClick: () => {
      if (full) void document.exitFullscreen().catch(() => {});
      else void target()?.requestFullscreen().catch(() => {});
    },
  });
}

/**
 * Shares through the Web Share API where the browser has it, else copies
 * the text (an app running in the browser has no server to upload to).
 */
export function ShareButton({ data, label = "Share" }: { data: () => Promise<ShareData> | ShareData; label?: string }): ComponentChild {
  return h(IconButton, {
    label,
    class: "share-button",
    icon: h(ShareIcon, null),
    onClick: async () => {
      try {
        const d = await data();
        if (typeof navigator.share === "function") await navigator.share(d);
        else await navigator.clipboard.writeText(d.url ?? d.text ?? "");
      } catch {
        /* user cancelled, or no permission */
      }
    },
  });
}

export function ClearButton({ onClear, label = "Clear" }: { onClear: () => void; label?: string }): ComponentChild {
  return h(IconButton, { label, class: "clear-button", icon: h(ClearIcon, null), onClick: onClear });
}
