/**
 * The label-row buttons only lazy views use (download, fullscreen, share, clear):
 * apart from buttons.ts so the first paint does not carry them.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useCss } from "./styles.js";
import { IconButton, buttonsCss as css } from "./buttons.js";
import { ClearIcon, DownloadIcon, MaximizeIcon, MinimizeIcon, ShareIcon } from "./icons.js";

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
