/**
 * gr.ImageSlider: two images on top of each other; a divider (a real range
 * input, so keyboard and screen readers can move it) shows the first image
 * left of it and the second right of it. `slider_position` (0–100) is the
 * start, `max_height` caps the height. When interactive, an empty slot takes
 * an upload (upload + input + change), and the pair can be cleared.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import css from "./ImageSlider.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { BlockLabel } from "../ui/label.js";
import { UploadZone } from "../ui/upload.js";
import { Empty } from "../ui/empty.js";
import { fileName, useResolvedUrl } from "../ui/files.js";
import { IconButtons, buttonsCss, hasButton } from "../ui/buttons.js";
import { ClearButton, DownloadButton, FullscreenButton } from "../ui/actionbuttons.js";
import { useCss } from "../ui/styles.js";
import { ImageIcon, looksLikeImage } from "./Image.js";
import { domId, num, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";

function Img({ file, ctx, cls }: { file: FileData; ctx: ShellContext; cls: string }): ComponentChild {
  const url = useResolvedUrl(ctx, file);
  return url ? h("img", { src: url, class: cls, alt: fileName(file) }) : null;
}

function Download({ file, ctx }: { file: FileData; ctx: ShellContext }): ComponentChild {
  return h(DownloadButton, { href: useResolvedUrl(ctx, file), filename: fileName(file) });
}

export function ImageSliderView({ state, ctx }: ViewProps): ComponentChild {
  useCss(css, buttonsCss);
  const props = state.props.value;
  const raw = Array.isArray(props.value) ? props.value : [null, null];
  const pair: (FileData | null)[] = [isFileData(raw[0]) ? raw[0] : null, isFileData(raw[1]) ? raw[1] : null];
  const editable = props.interactive === true;
  const start = num(props.slider_position) ?? 50;
  const [pos, setPos] = useState(start);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const block = useRef<HTMLDivElement>(null);
  useEffect(() => setPos(start), [start]);
  const maxH = num(props.max_height) ?? 500;

  const put = async (slot: 0 | 1, file: File): Promise<void> => {
    if (!looksLikeImage(file)) {
      setError(`"${file.name}" is not an image.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const [up] = await ctx.client.upload([file]);
      if (!up) return;
      const next = [...pair];
      next[slot] = up;
      ctx.userInput(state.id, next);
      ctx.trigger(state.id, "upload", null);
    } catch (e) {
      setError(`Upload failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const both = pair[0] && pair[1];
  let body: ComponentChild;
  if (both) {
    body = h(
      "div",
      { class: "slider-stage", style: { "--max-h": `${maxH}px`, "--pos": `${pos}%` } },
      h(Img, { file: pair[1] as FileData, ctx, cls: "slider-under" }),
      h(Img, { file: pair[0] as FileData, ctx, cls: "slider-over" }),
      h("div", { class: "slider-divider", "aria-hidden": "true" }),
      h("input", {
        type: "range",
        class: "slider-range",
        min: 0,
        max: 100,
        step: 0.5,
        value: pos,
        "aria-label": "Slider position",
        onInput: (e: Event) => setPos(Number((e.currentTarget as HTMLInputElement).value)),
      }),
    );
  } else if (editable) {
    body = h(
      "div",
      { class: "slider-uploads" },
      ([0, 1] as const).map((slot) =>
        pair[slot]
          ? h(Img, { key: slot, file: pair[slot] as FileData, ctx, cls: "slider-single" })
          : h(UploadZone, {
              key: slot,
              id: domId(state.id, `slot${slot}`),
              label: `${str(props.label, "Image slider")} ${slot ? "second" : "first"} image`,
              multiple: false,
              fileTypes: ["image"],
              busy,
              text: slot ? "Drop the second image" : "Drop the first image",
              onFiles: (f: File[]) => {
                if (f[0]) void put(slot, f[0]);
              },
            }),
      ),
    );
  } else if (pair[0] || pair[1]) {
    body = h(Img, { file: (pair[0] ?? pair[1]) as FileData, ctx, cls: "slider-single" });
  } else {
    body = h(Empty, { large: true, icon: h(ImageIcon, null) });
  }

  const any = pair[0] ?? pair[1];
  return h(
    Block,
    { state, class: "imageslider-block" },
    h(
      "div",
      { ref: block, class: "slider-container" },
      h(BlockLabel, { props, icon: h(ImageIcon, null), fallback: "Image Slider" }),
      h(IconButtons, {
        floating: true,
        children: [
          any && hasButton(props, "download") ? h(Download, { file: (pair[1] ?? pair[0]) as FileData, ctx }) : null,
          any && hasButton(props, "fullscreen") ? h(FullscreenButton, { target: () => block.current }) : null,
          any && editable
            ? h(ClearButton, {
                label: "Clear images",
                onClear: () => {
                  ctx.userInput(state.id, null);
                  ctx.trigger(state.id, "clear");
                },
              })
            : null,
        ],
      }),
      body,
    ),
    error ? h("div", { class: "image-error", role: "alert" }, error) : null,
  );
}

const module: ViewModule = { view: ImageSliderView, css };
export default module;
