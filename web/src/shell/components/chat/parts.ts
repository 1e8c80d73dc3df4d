/**
 * Rendering of one message part: Markdown text (memoised on its text, so a
 * streamed answer re-renders only the part whose text changed), files
 * (image / audio / video / download link) and components inside messages.
 */

import { h, type ComponentChild } from "preact";
import { memo } from "preact/compat";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { FileData } from "../../types.js";
import type { ShellContext } from "../context.js";
import { useResolvedUrl } from "../../ui/files.js";
import { enhance, renderMessage, type Delimiter } from "../../ui/richtext.js";
import { sanitizeHtml } from "../../ui/sanitize.js";
import { mediaKind, type Part } from "./messages.js";
import { DownloadIcon, FileGlyph } from "./icons.js";

export type TextOpts = { markdown: boolean; lineBreaks: boolean; delimiters: Delimiter[]; allowTags?: true | string[] | false };

// Rendered HTML by text: re-mounting a message (scrolling, regrouping) does not flash raw text.
const cache = new Map<string, string>();
const CACHE_MAX = 500;

function cacheKey(text: string, o: TextOpts): string {
  return `${o.markdown ? 1 : 0}${o.lineBreaks ? 1 : 0}${JSON.stringify(o.delimiters)}${JSON.stringify(o.allowTags ?? false)}\u0000${text}`;
}

function RichTextImpl({ text, opts, onCopy }: { text: string; opts: TextOpts; onCopy?: (t: string) => void }): ComponentChild {
  const key = cacheKey(text, opts);
  const [html, setHtml] = useState<string | null>(() => cache.get(key) ?? null);
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    const hit = cache.get(key);
    if (hit !== undefined) {
      setHtml(hit);
      return;
    }
    renderMessage(text, opts).then((out) => {
      if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
      cache.set(key, out);
      if (live) setHtml(out);
    }, () => live && setHtml(null));
    return () => {
      live = false;
    };
  }, [key]);
  useLayoutEffect(() => {
    if (el.current && html !== null) void enhance(el.current, { delimiters: opts.delimiters, onCopy });
  }, [html]);
  // Until the renderer answers, the text shows as text (never as HTML).
  if (html === null) return h("div", { class: "md pending-render" }, text);
  return h("div", { class: "md prose", ref: el, dangerouslySetInnerHTML: { __html: html } });
}

export const RichText = memo(RichTextImpl, (a, b) => a.text === b.text && a.opts === b.opts);

/** Only http(s), blob, data:image and same-origin paths reach src/href (never javascript:). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = url.trim();
  if (/^(https?:|blob:)/i.test(u) || /^data:(image|audio|video)\//i.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith("//")) return undefined;
  return u;
}

function fileName(f: FileData): string {
  return f.orig_name || f.path.split(/[\\/]/).pop() || "file";
}

export function FilePartView({ file, alt, ctx, download }: { file: FileData; alt?: string | null; ctx: ShellContext; download: boolean }): ComponentChild {
  const url = safeUrl(useResolvedUrl(ctx, file));
  const kind = mediaKind(file);
  const name = fileName(file);
  let media: ComponentChild;
  if (!url) media = h("div", { class: "media-loading" }, name);
  else if (kind === "image") media = h("img", { class: "chat-image", src: url, alt: alt ?? name, loading: "lazy" });
  else if (kind === "audio") media = h("audio", { class: "chat-audio", src: url, controls: true, "aria-label": alt ?? name });
  else if (kind === "video") media = h("video", { class: "chat-video", src: url, controls: true, "aria-label": alt ?? name });
  else
    return h(
      "a",
      { class: "chat-file", href: url, download: name, target: "_blank", rel: "noopener noreferrer" },
      h(FileGlyph, null),
      h("span", null, name),
    );
  return h(
    "div",
    { class: `chat-media chat-${kind}` },
    media,
    download && url ? h("a", { class: "media-download icon-button", href: url, download: name, "aria-label": `Download ${name}`, title: "Download" }, h(DownloadIcon, null)) : null,
  );
}

function SanitizedHtml({ html }: { html: string }): ComponentChild {
  const [out, setOut] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void sanitizeHtml(html).then((s) => live && setOut(s));
    return () => {
      live = false;
    };
  }, [html]);
  return out === null ? h("div", { class: "md pending-render" }) : h("div", { class: "md prose", dangerouslySetInnerHTML: { __html: out } });
}

function asFile(v: unknown): FileData | null {
  const f = Array.isArray(v) ? v[0] : v;
  if (f && typeof f === "object" && "path" in (f as object)) return f as FileData;
  if (f && typeof f === "object" && "video" in (f as object)) return (f as { video: FileData }).video;
  return null;
}

/** A Gradio component inside a message (gr.Image(...), gr.Markdown(...), ...). */
function ComponentPartView({ part, ctx, opts, download }: { part: Extract<Part, { type: "component" }>; ctx: ShellContext; opts: TextOpts; download: boolean }): ComponentChild {
  const c = part.component;
  if (["image", "audio", "video", "file", "model3d"].includes(c)) {
    const f = asFile(part.value);
    if (!f) return null;
    const mime = f.mime_type ?? (c === "file" || c === "model3d" ? null : `${c}/*`);
    return h(FilePartView, { file: { ...f, mime_type: mime }, ctx, download });
  }
  if (c === "markdown" || c === "textbox" || c === "text") return h(RichText, { text: String(part.value ?? ""), opts });
  if (c === "html") return h(SanitizedHtml, { html: String(part.value ?? "") });
  if (c === "json") return h("pre", { class: "chat-json" }, JSON.stringify(part.value, null, 2));
  return h("div", { class: "chat-component-unsupported" }, `[${c}]`);
}

export function PartView({ part, ctx, opts, download, onCopy }: { part: Part; ctx: ShellContext; opts: TextOpts; download: boolean; onCopy?: (t: string) => void }): ComponentChild {
  if (part.type === "text") return h(RichText, { text: part.text, opts, onCopy });
  if (part.type === "file") return h(FilePartView, { file: part.file, alt: part.alt_text, ctx, download });
  return h(ComponentPartView, { part, ctx, opts, download });
}
