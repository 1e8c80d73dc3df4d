/**
 * gr.SimpleImage (Gradio's `gradio._simple_templates.SimpleImage`): the
 * smallest image component. Interactive: an upload drop zone (images only)
 * and a clear button once there is an image. Static: the image, with a
 * download button unless `show_download_button` is false.
 *
 * An upload becomes the FileData value and fires upload (and change through
 * the store), a clear fires clear. A file that is not an image, or an upload
 * that fails, is a message at the component; the value already there stays.
 */

import { h, type ComponentChild } from "preact";
import { useState } from "preact/hooks";
import css from "./Image.css?inline";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { BlockLabel } from "../ui/label.js";
import { UploadZone } from "../ui/upload.js";
import { Empty } from "../ui/empty.js";
import { fileName, useResolvedUrl } from "../ui/files.js";
import { IconButtons, buttonsCss } from "../ui/buttons.js";
import { ClearButton, DownloadButton } from "../ui/actionbuttons.js";
import { useCss } from "../ui/styles.js";
import { ImageIcon, useImageUpload } from "./Image.js";
import { domId, str, type ViewModule, type ViewProps } from "./context.js";

export function SimpleImageView({ state, ctx }: ViewProps): ComponentChild {
  useCss(css, buttonsCss);
  const props = state.props.value;
  const editable = props.interactive !== false;
  const value = isFileData(props.value) ? props.value : null;
  const url = useResolvedUrl(ctx, value);
  const { busy, error, put, clear } = useImageUpload(state, ctx);
  const [broken, setBroken] = useState<string | null>(null);


  let body: ComponentChild;
  if (value && broken === value.path) {
    body = h("div", { class: "image-broken", role: "alert" },
      `"${fileName(value)}" could not be displayed: the file is not an image the browser can show.`);
  } else if (value) {
    body = h("div", { class: "image-frame" },
      url ? h("img", { src: url, alt: str(props.label, "Image"), "data-testid": "simpleimage-display", onError: () => setBroken(value.path) }) : null);
  } else if (editable) {
    body = h("div", { class: "image-upload" }, h(UploadZone, {
      id: domId(state.id),
      label: str(props.label, "Image"),
      multiple: false,
      fileTypes: ["image"],
      busy,
      text: "Drop Image Here",
      onFiles: (files: File[]) => {
        if (files[0]) void put(files[0]);
      },
    }));
  } else {
    body = h(Empty, { large: true, icon: h(ImageIcon, null) });
  }

  return h(
    Block,
    { state, class: "image-block simpleimage-block" },
    h(
      "div",
      { class: value ? "image-container has-value" : "image-container" },
      h(BlockLabel, { props, icon: h(ImageIcon, null), fallback: "Image" }),
      h(IconButtons, {
        floating: true,
        children: [
          value && url && !editable && props.show_download_button !== false ? h(DownloadButton, { href: url, filename: fileName(value) }) : null,
          value && editable ? h(ClearButton, { onClear: clear, label: "Clear image" }) : null,
        ],
      }),
      body,
    ),
    error ? h("div", { class: "image-error", role: "alert" }, error) : null,
  );
}

const module: ViewModule = { view: SimpleImageView, css };
export default module;
