/**
 * Pure helpers for gr.Chatbot's value (Gradio 6's normalised messages):
 * flattening content parts into displayable items, nesting thoughts by
 * metadata id / parent_id, and grouping consecutive messages by role.
 */

import type { FileData } from "../../types.js";

export type Metadata = {
  title?: string;
  id?: string | number;
  parent_id?: string | number;
  log?: string;
  duration?: number;
  status?: "pending" | "done";
};
export type OptionItem = { value: string; label?: string };
export type TextPart = { type: "text"; text: string };
export type FilePart = { type: "file"; file: FileData; alt_text?: string | null };
export type ComponentPart = {
  type: "component";
  component: string;
  value: unknown;
  constructor_args?: Record<string, unknown>;
  props?: Record<string, unknown>;
};
export type Part = TextPart | FilePart | ComponentPart;
export type WireMessage = {
  role: string;
  metadata?: Metadata | null;
  content: Part[] | string;
  options?: OptionItem[] | null;
};

/** One displayable item: a content part of message `index`, maybe a thought with children. */
export type Item = {
  role: "user" | "assistant";
  index: number;
  part: Part;
  metadata: Metadata | null;
  options: OptionItem[] | null;
  children: Item[];
  /** The wire message it comes from (identity is kept across streaming diffs). */
  source: WireMessage;
};

export function partsOf(m: WireMessage): Part[] {
  if (typeof m.content === "string") return [{ type: "text", text: m.content }];
  return Array.isArray(m.content) ? m.content : [];
}

export function isThought(item: Item): boolean {
  return !!item.metadata?.title;
}

/** Flattens messages to items and nests thoughts under their parent (metadata.parent_id). */
export function toItems(messages: WireMessage[]): Item[] {
  const byId = new Map<string, Item>();
  const out: Item[] = [];
  messages.forEach((m, index) => {
    if (m.role !== "user" && m.role !== "assistant") return;
    const meta = m.metadata ?? null;
    for (const part of partsOf(m)) {
      const item: Item = { role: m.role, index, part, metadata: meta, options: m.options ?? null, children: [], source: m };
      const parent = meta?.parent_id != null ? byId.get(String(meta.parent_id)) : undefined;
      if (meta?.id != null && meta.title) byId.set(String(meta.id), item);
      if (parent) parent.children.push(item);
      else out.push(item);
    }
  });
  return out;
}

/** Consecutive items of one role share a bubble (unless grouping is off). */
export function groupItems(items: Item[], consecutive = true): Item[][] {
  const groups: Item[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (consecutive && last && last[0]!.role === item.role) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** Plain text of an item (copy buttons, edit boxes, like/retry values). */
export function itemText(item: Item): string {
  const p = item.part;
  if (p.type === "text") return p.text;
  if (p.type === "file") return p.file.orig_name || p.file.url || p.file.path;
  return typeof p.value === "string" ? p.value : JSON.stringify(p.value);
}

/** The value Gradio's frontend puts in like/retry/undo/select event data for an item. */
export function itemValue(item: Item): unknown {
  const p = item.part;
  if (p.type === "text") return p.text;
  if (p.type === "file") return { component: mediaKind(p.file), value: p.file, alt_text: p.alt_text ?? null };
  return p;
}

export function mediaKind(f: FileData): "image" | "audio" | "video" | "file" {
  const mime = f.mime_type ?? "";
  if (mime.includes("image")) return "image";
  if (mime.includes("audio")) return "audio";
  if (mime.includes("video")) return "video";
  const name = (f.orig_name || f.path || "").toLowerCase();
  if (/\.(png|jpe?g|gif|webp|svg|avif|bmp)$/.test(name)) return "image";
  if (/\.(mp3|wav|ogg|flac|m4a|aac)$/.test(name)) return "audio";
  if (/\.(mp4|webm|mov|ogv)$/.test(name)) return "video";
  return "file";
}

/** Index and value of the last user message (retry / undo event data). */
export function lastUserMessage(messages: WireMessage[]): { index: number; value: unknown } | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role === "user") {
      const parts = partsOf(m);
      const first = parts[0];
      return { index: i, value: first?.type === "text" ? first.text : first ?? null };
    }
  }
  return null;
}

/** All messages as plain text, "role: text" per message, for copy-all. */
export function conversationText(messages: WireMessage[]): string {
  return messages
    .map((m) => partsOf(m).map((p) => (p.type === "text" ? p.text : p.type === "file" ? (p.file.orig_name ?? p.file.path) : `[${p.component}]`)).join("\n"))
    .filter(Boolean)
    .join("\n\n");
}
