/**
 * The upload drop zone shared by every view that takes files: a visible
 * button (the keyboard stop) over a hidden `<input type=file>`, drag and drop,
 * Gradio's `file_types` as the `accept` filter. It only hands over `File`
 * objects; the view uploads them (`ctx.client.upload`) and sets its value.
 */

import { h, type ComponentChild } from "preact";
import { useRef, useState } from "preact/hooks";
import css from "./upload.css?inline";
import { useCss } from "./styles.js";
import { UploadIcon } from "./icons.js";
import { classList } from "../values.js";

const KIND_TO_ACCEPT: Record<string, string> = {
  image: "image/*",
  audio: "audio/*",
  video: "video/*",
  text: "text/*",
};

/** Gradio `file_types` (kinds like "image" or extensions like ".pdf") → the `accept` attribute. */
export function acceptAttr(types: unknown): string | undefined {
  if (!Array.isArray(types) || !types.length) return undefined;
  if (types.includes("file")) return undefined;
  return types.map((t) => KIND_TO_ACCEPT[String(t)] ?? String(t)).join(",");
}

export type UploadZoneProps = {
  /** id of the hidden file input (the view's `domId`). */
  id: string;
  /** Accessible name of the file input. */
  label: string;
  multiple: boolean;
  /** Gradio `file_types`. */
  fileTypes?: unknown;
  busy?: boolean;
  /** Main line of text, e.g. "Drop an image here". */
  text?: string;
  onFiles: (files: File[]) => void;
};

export function UploadZone({ id, label, multiple, fileTypes, busy = false, text, onFiles }: UploadZoneProps): ComponentChild {
  useCss(css);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null | undefined): void => {
    const files = Array.from(list ?? []);
    if (input.current) input.current.value = "";
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };
  return h(
    "div",
    {
      class: classList("drop-zone", over && "over", busy && "busy"),
      onDragOver: (e: DragEvent) => {
        e.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setOver(false);
        if (!busy) take(e.dataTransfer?.files);
      },
    },
    h("input", {
      ref: input,
      id,
      type: "file",
      class: "visually-hidden",
      // The visible button below is the keyboard stop; skip the hidden input.
      tabIndex: -1,
      multiple,
      accept: acceptAttr(fileTypes),
      "aria-label": label,
      onChange: (e: Event) => take((e.currentTarget as HTMLInputElement).files),
    }),
    h(
      "button",
      { type: "button", class: "drop-button", disabled: busy, onClick: () => input.current?.click() },
      h(UploadIcon, null),
      h("span", null, busy ? "Uploading…" : (text ?? (multiple ? "Drop files here" : "Drop a file here"))),
      busy ? null : h("span", { class: "drop-or" }, "or click to upload"),
    ),
  );
}
