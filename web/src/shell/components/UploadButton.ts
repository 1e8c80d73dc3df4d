/**
 * gr.UploadButton: a button over a hidden file picker (`file_count`,
 * `file_types` as `accept`, directories). The picked files are uploaded and
 * become the value (FileData or a list), firing click, upload and change.
 * A wrong type is refused by the Python side with a readable error.
 */

import { h, type ComponentChild } from "preact";
import { useRef, useState } from "preact/hooks";
import { classList, sizing } from "./block.js";
import { acceptAttr } from "../ui/upload.js";
import { str, type ViewModule, type ViewProps } from "./context.js";
import { buttonsCss } from "../ui/buttons.js";
import css from "./UploadButton.css?inline";

export function UploadButtonView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const count = str(props.file_count, "single");
  const multiple = count !== "single";
  const cls = Array.isArray(props.elem_classes) ? props.elem_classes.join(" ") : "";

  const take = async (files: File[]): Promise<void> => {
    if (input.current) input.current.value = "";
    if (!files.length) return;
    setBusy(true);
    try {
      const uploaded = await ctx.client.upload(multiple ? files : files.slice(0, 1));
      ctx.userInput(state.id, multiple ? uploaded : (uploaded[0] ?? null));
      ctx.trigger(state.id, "upload");
    } catch (e) {
      ctx.toasts.push({ level: "error", title: "Upload failed", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return h(
    "span",
    { class: classList("upload-button-wrap", props.visible === "hidden" && "hidden"), style: sizing(props) },
    h("input", {
      ref: input,
      type: "file",
      class: "visually-hidden",
      tabIndex: -1,
      multiple,
      accept: acceptAttr(props.file_types),
      ...(count === "directory" ? { webkitdirectory: true } : {}),
      "aria-hidden": "true",
      onChange: (e: Event) => void take(Array.from((e.currentTarget as HTMLInputElement).files ?? [])),
    }),
    h(
      "button",
      {
        type: "button",
        id: str(props.elem_id) || undefined,
        class: classList("btn", `btn-${str(props.variant, "secondary")}`, `btn-${str(props.size, "lg")}`, cls),
        disabled: props.interactive === false || busy,
        "aria-busy": busy ? "true" : undefined,
        onClick: () => {
          ctx.trigger(state.id, "click");
          input.current?.click();
        },
      },
      busy ? "Uploading…" : str(props.label, "Upload a File"),
    ),
  );
}

export default { view: UploadButtonView, css: buttonsCss + css } satisfies ViewModule;
