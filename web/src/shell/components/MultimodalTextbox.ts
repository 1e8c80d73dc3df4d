/**
 * gr.MultimodalTextbox: a growing textarea plus attached files ({text, files}).
 * Files come from the paperclip button, drag and drop or paste, are uploaded
 * at once and shown as removable chips (image thumbnails). Enter submits,
 * Shift+Enter adds a line; submit / stop buttons as in Gradio. Pasting more
 * than `max_plain_text_length` characters attaches the text as a .txt file.
 * With "microphone" in `sources`, a mic button records (16-bit WAV, as
 * gr.Audio does) until "Stop recording"; the clip is attached like a file.
 * As Gradio's, with more than one microphone it first offers the input-device
 * picker and "Start recording" (the mic button again closes them).
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { Block, ariaLabel } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { classList } from "../values.js";
import { domId, num, str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { acceptAttr } from "../ui/upload.js";
import { useResolvedUrl } from "../ui/files.js";
import css from "./MultimodalTextbox.css?inline";
import { isFileData, type FileData } from "../types.js";
import { mediaKind } from "./chat/messages.js";
import { safeUrl } from "./chat/parts.js";
import { ClipIcon } from "./chat/icons.js";
import { MicIcon } from "../ui/mediaicons.js";
import { deviceErrorMessage, recordMicrophone, type MicRecording } from "../ui/capture.js";
import { MicSelect, useMicPicker } from "../ui/micselect.js";
import { useFitTextarea } from "../ui/autosize.js";
import { clock } from "../ui/mediaview.js";

type Value = { text: string; files: FileData[] };

function asValue(v: unknown): Value {
  if (typeof v === "string") return { text: v, files: [] };
  const o = (v && typeof v === "object" ? v : {}) as Partial<Value>;
  return { text: typeof o.text === "string" ? o.text : "", files: Array.isArray(o.files) ? o.files.filter(isFileData) : [] };
}

function Chip({ f, ctx, onRemove }: { f: FileData; ctx: ShellContext; onRemove?: () => void }): ComponentChild {
  const url = safeUrl(useResolvedUrl(ctx, f));
  const name = f.orig_name || f.path.split(/[\\/]/).pop() || "file";
  return h(
    "div",
    { class: "mm-chip", title: name },
    mediaKind(f) === "image" && url ? h("img", { src: url, alt: name }) : h("span", { class: "mm-chip-name" }, name),
    onRemove ? h("button", { type: "button", class: "mm-chip-remove", "aria-label": `Remove ${name}`, onClick: onRemove }, "×") : null,
  );
}

export function MultimodalTextbox({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = domId(state.id);
  const value = asValue(props.value);
  const editable = props.interactive !== false;
  const multiple = str(props.file_count, "single") !== "single";
  const sources = Array.isArray(props.sources) ? props.sources : ["upload"];
  const lines = Math.max(1, num(props.lines) ?? 1);
  const maxLines = num(props.max_lines) ?? 20;
  const maxPlain = num(props.max_plain_text_length) ?? 1000;
  const area = useRef<HTMLTextAreaElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  useFitTextarea(area, value.text, lines, maxLines);

  const set = (next: Value): void => ctx.userInput(state.id, next);
  const upload = async (list: File[]): Promise<void> => {
    if (!list.length || !editable) return;
    setBusy(true);
    try {
      const uploaded = await ctx.client.upload(multiple ? list : list.slice(0, 1));
      const current = asValue(state.props.value.value);
      set({ text: current.text, files: multiple ? [...current.files, ...uploaded] : uploaded.slice(0, 1) });
    } catch (e) {
      ctx.toasts.push({ level: "error", title: "Upload failed", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  // Microphone: recording -> a WAV file uploaded and attached like any other file.
  const [rec, setRec] = useState<MicRecording | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!rec) return;
    const t = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(t);
  }, [rec]);
  const recRef = useRef<MicRecording | null>(null);
  useEffect(() => () => recRef.current?.cancel(), []); // leaving the page stops the devices
  const [granted, setGranted] = useState(false);
  const { mics, micId, pick } = useMicPicker(granted);
  const [picking, setPicking] = useState(false);
  const startRecording = async (): Promise<void> => {
    try {
      recRef.current = await recordMicrophone(48000, micId || null);
      setGranted(true); // the microphones now have names: list them again
      setPicking(false);
      setRec(recRef.current);
    } catch (e) {
      ctx.toasts.push({ level: "error", title: "Microphone", message: deviceErrorMessage(e, "microphone") });
    }
  };
  // Gradio's recorder lists the microphones when it opens: more than one, the picker comes
  // first; one (or none named yet, before access was granted) records at once.
  const micButton = (): void => {
    if (picking) setPicking(false);
    else if ((mics?.length ?? 0) > 1) setPicking(true);
    else void startRecording();
  };
  const stopRecording = async (): Promise<void> => {
    if (!rec) return;
    recRef.current = null;
    const file = await rec.stop();
    setRec(null);
    await upload([file]);
  };

  const submit = (): void => {
    if (!editable || busy) return;
    ctx.trigger(state.id, "submit");
  };

  return h(
    Block,
    { state },
    h(
      "div",
      { class: "mm-wrap" },
      h(BlockTitle, { props, forId: id }),
      h(
        "div",
        {
          class: classList("mm-box", over && "over", !editable && "disabled"),
          onDragOver: (e: DragEvent) => {
            e.preventDefault();
            if (editable) setOver(true);
          },
          onDragLeave: () => setOver(false),
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            setOver(false);
            void upload(Array.from(e.dataTransfer?.files ?? []));
          },
        },
        value.files.length
          ? h(
              "div",
              { class: "mm-files" },
              value.files.map((f, i) =>
                h(Chip, {
                  key: f.path,
                  f,
                  ctx,
                  onRemove: editable ? () => set({ text: value.text, files: value.files.filter((_, j) => j !== i) }) : undefined,
                }),
              ),
            )
          : null,
        h(
          "div",
          { class: "mm-row" },
          sources.includes("upload")
            ? h(
                "button",
                { type: "button", class: "icon-button mm-upload", "aria-label": "Upload file", title: "Upload file", disabled: !editable || busy, onClick: () => input.current?.click() },
                busy ? "…" : h(ClipIcon, null),
              )
            : null,
          sources.includes("microphone")
            ? rec
              ? h("div", { class: "mm-recording", role: "status" },
                  h("span", { class: "mm-rec-dot", "aria-hidden": "true" }),
                  h("span", { class: "mm-rec-time" }, clock(rec.elapsed())),
                  h("button", { type: "button", class: "btn btn-stop btn-sm", onClick: () => void stopRecording() }, "Stop recording"))
              : [
                  h("button", { type: "button", class: classList("icon-button mm-mic", picking && "active"), "aria-label": "Record audio",
                    title: "Record audio", "aria-expanded": picking, disabled: !editable || busy, onClick: micButton }, h(MicIcon, null)),
                  picking && mics
                    ? h("div", { class: "mm-recording mm-pick" },
                        h(MicSelect, { mics, value: micId, disabled: false, onChange: pick }),
                        h("button", { type: "button", class: "btn btn-stop btn-sm", disabled: !editable || busy,
                          onClick: () => void startRecording() }, "Start recording"))
                    : null,
                ]
            : null,
          h("input", {
            ref: input,
            type: "file",
            class: "visually-hidden",
            tabIndex: -1,
            multiple,
            accept: acceptAttr(props.file_types),
            "aria-hidden": "true",
            onChange: (e: Event) => void upload(Array.from((e.currentTarget as HTMLInputElement).files ?? [])),
          }),
          h("textarea", {
            ref: area,
            id,
            class: "text-input mm-text",
            rows: lines,
            value: value.text,
            placeholder: str(props.placeholder) || undefined,
            readOnly: !editable,
            autoFocus: props.autofocus === true,
            dir: props.rtl ? "rtl" : undefined,
            style: typeof props.text_align === "string" ? { textAlign: props.text_align } : undefined,
            "aria-label": ariaLabel(props, "Message"),
            onInput: (e: Event) => set({ text: (e.currentTarget as HTMLTextAreaElement).value, files: value.files }),
            onFocus: () => ctx.trigger(state.id, "focus"),
            onBlur: () => ctx.trigger(state.id, "blur"),
            onKeyDown: (e: KeyboardEvent) => {
              if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                submit();
              }
            },
            onPaste: (e: ClipboardEvent) => {
              const files = Array.from(e.clipboardData?.files ?? []);
              if (files.length) {
                e.preventDefault();
                void upload(files);
                return;
              }
              const text = e.clipboardData?.getData("text/plain") ?? "";
              if (text.length > maxPlain && editable) {
                e.preventDefault();
                void upload([new File([text], "pasted_text.txt", { type: "text/plain" })]);
              }
            },
          }),
          props.submit_btn
            ? h("button", { type: "button", class: "btn btn-primary btn-sm mm-submit", disabled: !editable || busy, onClick: submit },
                typeof props.submit_btn === "string" ? props.submit_btn : "Submit")
            : null,
          props.stop_btn
            ? h("button", { type: "button", class: "btn btn-stop btn-sm mm-stop", onClick: () => ctx.trigger(state.id, "stop") },
                typeof props.stop_btn === "string" ? props.stop_btn : "Stop")
            : null,
        ),
      ),
    ),
  );
}

export default { view: MultimodalTextbox, css } satisfies ViewModule;
