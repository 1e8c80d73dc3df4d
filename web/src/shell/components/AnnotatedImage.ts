/**
 * gr.AnnotatedImage: the base image with one coloured overlay per
 * annotation (the PNG masks Python drew), and a legend. Hovering or focusing
 * a legend entry highlights its overlay; clicking it fires `select` with
 * `{index, value: label}` as Gradio does.
 */

import { h, type ComponentChild } from "preact";
import { useRef, useState } from "preact/hooks";
import css from "./AnnotatedImage.css?inline";
import type { FileData } from "../types.js";
import { isFileData } from "../types.js";
import { Block } from "./block.js";
import { BlockLabel } from "../ui/label.js";
import { Empty } from "../ui/empty.js";
import { useResolvedUrl } from "../ui/files.js";
import { IconButtons, buttonsCss, hasButton } from "../ui/buttons.js";
import { FullscreenButton } from "../ui/actionbuttons.js";
import { useCss } from "../ui/styles.js";
import { ImageIcon } from "./Image.js";
import type { ShellContext, ViewModule, ViewProps } from "./context.js";

type Annotation = { image: FileData; label: string };

function Layer({ file, ctx, cls, alt }: { file: FileData; ctx: ShellContext; cls: string; alt: string }): ComponentChild {
  const url = useResolvedUrl(ctx, file);
  return url ? h("img", { src: url, class: cls, alt }) : null;
}

export function AnnotatedImageView({ state, ctx }: ViewProps): ComponentChild {
  useCss(css, buttonsCss);
  const props = state.props.value;
  const value = props.value as { image?: unknown; annotations?: unknown } | null;
  const base = value && isFileData(value.image) ? value.image : null;
  const anns: Annotation[] = Array.isArray(value?.annotations)
    ? (value.annotations as Annotation[]).filter((a) => a && isFileData(a.image))
    : [];
  const [active, setActive] = useState<number | null>(null);
  const block = useRef<HTMLDivElement>(null);
  const colors = (props.color_map ?? {}) as Record<string, string>;
  const size = (v: unknown): string | undefined => (typeof v === "number" ? `${v}px` : typeof v === "string" ? v : undefined);

  return h(
    Block,
    { state, class: "annotated-block" },
    h(
      "div",
      { ref: block, class: "annotated-container", style: { height: size(props.height), width: size(props.width) } },
      h(BlockLabel, { props, icon: h(ImageIcon, null), fallback: "Annotated Image" }),
      base && hasButton(props, "fullscreen") ? h(IconButtons, { floating: true, children: h(FullscreenButton, { target: () => block.current }) }) : null,
      base
        ? h(
            "div",
            { class: "annotated-stack" },
            h(Layer, { file: base, ctx, cls: "annotated-base", alt: "" }),
            anns.map((a, i) =>
              h(Layer, {
                key: i,
                file: a.image,
                ctx,
                alt: a.label,
                cls: active === null ? "annotated-mask" : active === i ? "annotated-mask active" : "annotated-mask dimmed",
              }),
            ),
          )
        : h(Empty, { large: true, icon: h(ImageIcon, null) }),
    ),
    base && props.show_legend !== false && anns.length
      ? h(
          "div",
          { class: "annotated-legend", role: "list" },
          anns.map((a, i) =>
            h(
              "button",
              {
                type: "button",
                key: i,
                class: "legend-item",
                style: { "--legend-color": colors[a.label] ?? "#ff0000" },
                onMouseEnter: () => setActive(i),
                onMouseLeave: () => setActive(null),
                onFocus: () => setActive(i),
                onBlur: () => setActive(null),
                onClick: () => ctx.trigger(state.id, "select", { index: i, value: a.label }),
              },
              a.label,
            ),
          ),
        )
      : null,
  );
}

const module: ViewModule = { view: AnnotatedImageView, css };
export default module;
