/**
 * FileData helpers for every view that shows server files (File now; Image,
 * Audio, Video, Gallery, Chatbot later): the URL to put in src/href (resolved
 * through the shell, so it works without a service worker), the display name,
 * a human size.
 */

import { useEffect, useState } from "preact/hooks";
import type { FileData } from "../types.js";
import type { ShellContext } from "../components/context.js";

/** Resolves a server file URL asynchronously (a blob: URL when needed); undefined while resolving. */
export function useResolvedUrl(ctx: ShellContext, file: FileData | null): string | undefined {
  const raw = file ? (file.url ?? ctx.client.fileUrl(file.path)) : undefined;
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setUrl(undefined);
    if (raw) ctx.resolveUrl(raw).then((u) => live && setUrl(u), () => live && setUrl(raw));
    return () => {
      live = false;
    };
  }, [raw]);
  return url;
}

export function fileName(f: FileData): string {
  return f.orig_name || f.path.split(/[\\/]/).pop() || "file";
}

export function formatSize(n: number | null | undefined): string {
  if (n == null) return "";
  const units = ["B", "KB", "MB", "GB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}
