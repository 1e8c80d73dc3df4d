/**
 * gr.Chatbot: messages grouped into bubbles (or panel rows), thoughts as
 * collapsible nested blocks with a spinner while pending, Markdown + code +
 * LaTeX through the sanitiser, files and components in messages, avatars,
 * placeholder and examples, and the chat events (like, retry, undo, edit,
 * clear, copy, select, option_select, example_select) with Gradio's event data.
 *
 * Streaming: the client's diffs keep unchanged messages' identity, messages
 * are keyed by index and memoised, so only the growing message re-renders.
 * Autoscroll follows new content while the reader is at the bottom and stops
 * once they scroll up.
 */

import { h, type ComponentChild } from "preact";
import { memo } from "preact/compat";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { FileData } from "../types.js";
import { Block } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { classList } from "../values.js";
import { str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { CopyButton, buttonsCss } from "../ui/buttons.js";
import { useResolvedUrl } from "../ui/files.js";
import { useCss } from "../ui/styles.js";
import css from "./Chatbot.css?inline";
import { RichText, PartView, safeUrl, type TextOpts } from "./chat/parts.js";
import {
  conversationText, groupItems, isThought, itemText, itemValue, lastUserMessage, toItems,
  type Item, type WireMessage,
} from "./chat/messages.js";
import type { Delimiter } from "../ui/richtext.js";
import { ArrowDownIcon, ClipIcon, EditIcon, FlagIcon, RetryIcon, ThumbDownIcon, ThumbUpIcon, TrashIcon, UndoIcon } from "./chat/icons.js";

type Actions = {
  ctx: ShellContext;
  id: number;
  opts: TextOpts;
  download: boolean;
  copy: (text: string) => void;
};

function Spinner(): ComponentChild {
  return h("span", { class: "thought-spinner", role: "img", "aria-label": "pending" });
}

/** A thought: title, log and duration in the header, body collapsible, children nested. */
function Thought({ item, a }: { item: Item; a: Actions }): ComponentChild {
  const meta = item.metadata!;
  const pending = meta.status === "pending";
  const [open, setOpen] = useState(meta.status !== "done");
  const lastStatus = useRef(meta.status);
  // pending → done closes the block, as in Gradio; the reader's own toggles are kept otherwise.
  if (lastStatus.current !== meta.status) {
    if (meta.status === "done" && lastStatus.current === "pending") setOpen(false);
    if (meta.status === "pending") setOpen(true);
    lastStatus.current = meta.status;
  }
  const extra = [meta.log, typeof meta.duration === "number" ? `${meta.duration.toFixed(meta.duration < 10 ? 1 : 0)}s` : null]
    .filter(Boolean)
    .join(" · ");
  return h(
    "div",
    { class: classList("thought", pending && "thought-pending", open && "open"), "data-status": meta.status ?? "" },
    h(
      "button",
      {
        type: "button",
        class: "thought-header",
        "aria-expanded": open ? "true" : "false",
        // Toggling a thought is not a message select.
        onClick: (e: Event) => {
          e.stopPropagation();
          setOpen(!open);
        },
      },
      h("span", { class: "thought-arrow", "aria-hidden": "true" }, open ? "▾" : "▸"),
      // Titles are Markdown (e.g. `_Thinking_`), through the same sanitiser as message bodies.
      h("span", { class: "thought-title" }, h(RichText, { text: String(meta.title ?? ""), opts: a.opts })),
      pending ? h(Spinner, null) : null,
      extra ? h("span", { class: "thought-log" }, extra) : null,
    ),
    open
      ? h(
          "div",
          { class: "thought-body" },
          h(PartView, { part: item.part, ctx: a.ctx, opts: a.opts, download: a.download, onCopy: a.copy }),
          item.children.map((c, i) => h(ItemView, { key: i, item: c, a })),
        )
      : null,
  );
}

function ItemViewImpl({ item, a }: { item: Item; a: Actions }): ComponentChild {
  if (isThought(item)) return h(Thought, { item, a });
  return h(PartView, { part: item.part, ctx: a.ctx, opts: a.opts, download: a.download, onCopy: a.copy });
}
// Items whose source message and part did not change are not re-rendered while streaming.
const ItemView = memo(ItemViewImpl, (p, n) => p.item.part === n.item.part && p.item.metadata === n.item.metadata &&
  p.item.children.length === n.item.children.length && p.item.children.every((c, i) => c.part === n.item.children[i]!.part && c.metadata === n.item.children[i]!.metadata) && p.a === n.a);

function Avatar({ file, ctx }: { file: FileData | null; ctx: ShellContext }): ComponentChild {
  const url = safeUrl(useResolvedUrl(ctx, file));
  if (!file) return null;
  return h("div", { class: "avatar" }, url ? h("img", { src: url, alt: "" }) : null);
}

const FEEDBACK_ICONS: Record<string, () => ComponentChild> = { Like: ThumbUpIcon, Dislike: ThumbDownIcon };

type GroupProps = {
  group: Item[];
  gi: number;
  a: Actions;
  props: Record<string, unknown>;
  isLast: boolean;
  feedback: string | null;
  onFeedback: (gi: number, option: string) => void;
  onAction: (kind: "retry" | "undo") => void;
  onEdit: (group: Item[], texts: string[]) => void;
  avatar: FileData | null;
};

function Group({ group, gi, a, props, isLast, feedback, onFeedback, onAction, onEdit, avatar }: GroupProps): ComponentChild {
  const role = group[0]!.role;
  const bot = role === "assistant";
  const [editing, setEditing] = useState<string[] | null>(null);
  const buttons = Array.isArray(props.buttons) ? (props.buttons as unknown[]) : [];
  const showCopy = buttons.includes("copy");
  const likeable = props.likeable === true && (bot || props.like_user_message === true);
  const editable = props.editable === "all" || (props.editable === "user" && !bot && group.every((i) => i.part.type === "text"));
  const options = Array.isArray(props.feedback_options) ? (props.feedback_options as string[]) : [];
  const text = group.map(itemText).join("\n");
  const selectable = props._selectable === true;
  const watermark = str(props.watermark);

  const body = editing
    ? h(
        "div",
        { class: "edit-box" },
        editing.map((t, i) =>
          h("textarea", {
            key: i,
            class: "edit-input",
            value: t,
            "aria-label": "Edit message",
            onInput: (e: Event) => {
              const next = editing.slice();
              next[i] = (e.currentTarget as HTMLTextAreaElement).value;
              setEditing(next);
            },
          }),
        ),
        h(
          "div",
          { class: "edit-actions" },
          h("button", { type: "button", class: "btn btn-primary btn-sm", onClick: () => { onEdit(group, editing); setEditing(null); } }, "Submit"),
          h("button", { type: "button", class: "btn btn-secondary btn-sm", onClick: () => setEditing(null) }, "Cancel"),
        ),
      )
    : group.map((item, i) =>
        h(
          "div",
          {
            key: i,
            class: classList("message-part", isThought(item) && "has-thought", selectable && "selectable"),
            "data-index": item.index,
            onClick: selectable ? () => a.ctx.trigger(a.id, "select", { index: item.index, value: itemValue(item), selected: true }) : undefined,
          },
          h(ItemView, { item, a }),
        ),
      );

  const actions: ComponentChild[] = [];
  if (!editing) {
    if (showCopy) actions.push(h(CopyButton, { key: "copy", text: watermark ? `${text}\n\n${watermark}` : text, label: "Copy message", onCopy: () => a.copy(text) }));
    if (isLast && bot && props._retryable === true)
      actions.push(h("button", { key: "retry", type: "button", class: "icon-button", "aria-label": "Retry", title: "Retry", onClick: () => onAction("retry") }, h(RetryIcon, null)));
    if (isLast && bot && props._undoable === true)
      actions.push(h("button", { key: "undo", type: "button", class: "icon-button", "aria-label": "Undo", title: "Undo", onClick: () => onAction("undo") }, h(UndoIcon, null)));
    if (editable)
      actions.push(h("button", { key: "edit", type: "button", class: "icon-button", "aria-label": "Edit", title: "Edit", onClick: () => setEditing(group.map(itemText)) }, h(EditIcon, null)));
    if (likeable)
      for (const opt of options)
        actions.push(
          h(
            "button",
            {
              key: `fb-${opt}`,
              type: "button",
              class: classList("icon-button", "feedback", feedback === opt && "selected"),
              "aria-label": opt,
              "aria-pressed": feedback === opt ? "true" : "false",
              title: opt,
              onClick: () => onFeedback(gi, opt),
            },
            FEEDBACK_ICONS[opt] ? h(FEEDBACK_ICONS[opt]!, null) : h("span", { class: "feedback-option" }, h(FlagIcon, null), opt),
          ),
        );
  }

  return h(
    "div",
    { class: classList("message-row", bot ? "bot-row" : "user-row"), "data-role": role, "data-testid": bot ? "bot" : "user" },
    h(Avatar, { file: avatar, ctx: a.ctx }),
    h(
      "div",
      { class: "message-col" },
      h("div", { class: classList("message", bot ? "bot" : "user", editing && "editing"), role: "group", "aria-label": `${bot ? "bot" : "user"}'s message` }, body),
      actions.length ? h("div", { class: "message-actions" }, actions) : null,
    ),
  );
}

function Examples({ props, a }: { props: Record<string, unknown>; a: Actions }): ComponentChild {
  const examples = Array.isArray(props.examples) ? (props.examples as Record<string, unknown>[]) : [];
  const placeholder = str(props.placeholder);
  if (!placeholder && examples.length === 0) return null;
  return h(
    "div",
    { class: "chat-empty" },
    placeholder ? h("div", { class: "chat-placeholder" }, h(RichText, { text: placeholder, opts: a.opts })) : null,
    examples.length
      ? h(
          "div",
          { class: "chat-examples" },
          examples.map((ex, i) =>
            h(
              "button",
              {
                key: i,
                type: "button",
                class: "chat-example",
                onClick: () => a.ctx.trigger(a.id, "example_select", { index: i, value: { text: ex.text, files: ex.files } }),
              },
              ex.icon && typeof ex.icon === "object" && (ex.icon as FileData).path
                ? h(ExampleIcon, { file: ex.icon as FileData, ctx: a.ctx })
                : null,
              h("span", { class: "example-text" }, str(ex.display_text) || str(ex.text)),
              Array.isArray(ex.files) && ex.files.length
                ? h("span", { class: "example-files" }, h(ClipIcon, null), String(ex.files.length))
                : null,
            ),
          ),
        )
      : null,
  );
}

function ExampleIcon({ file, ctx }: { file: FileData; ctx: ShellContext }): ComponentChild {
  const url = safeUrl(useResolvedUrl(ctx, file));
  return url ? h("img", { class: "example-icon", src: url, alt: "" }) : null;
}

function useAutoscroll(enabled: boolean, dep: unknown): { ref: { current: HTMLDivElement | null }; onScroll: () => void; atBottom: boolean; toBottom: () => void } {
  const ref = useRef<HTMLDivElement | null>(null);
  const stick = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const onScroll = (): void => {
    const el = ref.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    stick.current = bottom;
    if (bottom !== atBottom) setAtBottom(bottom);
  };
  const toBottom = (): void => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    stick.current = true;
    setAtBottom(true);
  };
  useLayoutEffect(() => {
    const el = ref.current;
    if (enabled && el && stick.current) el.scrollTop = el.scrollHeight;
  }, [dep]);
  // Content also grows after rendering (highlighting, KaTeX, images loading): keep following it.
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    const follow = (): void => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    };
    const mo = new MutationObserver(follow);
    mo.observe(el, { childList: true, subtree: true, characterData: true });
    el.addEventListener("load", follow, true);
    return () => {
      mo.disconnect();
      el.removeEventListener("load", follow, true);
    };
  }, [enabled]);
  return { ref, onScroll, atBottom, toBottom };
}

function cssSize(v: unknown): string | undefined {
  return typeof v === "number" ? `${v}px` : typeof v === "string" && v ? v : undefined;
}

export function Chatbot({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  useCss(buttonsCss);
  const messages = (Array.isArray(props.value) ? props.value : []) as WireMessage[];
  const items = useMemo(() => toItems(messages), [messages]);
  const groups = useMemo(() => groupItems(items, props.group_consecutive_messages !== false), [items, props.group_consecutive_messages]);
  const delimiters = (Array.isArray(props.latex_delimiters) ? props.latex_delimiters : []) as Delimiter[];
  const allowTags = props.allow_tags === true || Array.isArray(props.allow_tags) ? (props.allow_tags as true | string[]) : false;
  const opts = useMemo<TextOpts>(
    () => ({ markdown: props.render_markdown !== false, lineBreaks: props.line_breaks !== false, delimiters, allowTags }),
    [props.render_markdown, props.line_breaks, JSON.stringify(delimiters), JSON.stringify(allowTags)],
  );
  const a = useMemo<Actions>(
    () => ({ ctx, id: state.id, opts, download: props.allow_file_downloads !== false, copy: (text) => ctx.trigger(state.id, "copy", { value: text }) }),
    [opts, props.allow_file_downloads],
  );
  // Feedback per bot group, seeded from feedback_value (one entry per assistant group).
  const [feedback, setFeedback] = useState<Record<number, string | null>>({});
  const status = state.status.value;
  const busy = !!status && (status.stage === "pending" || status.stage === "generating") && status.show !== "hidden";
  const lastGroup = groups[groups.length - 1];
  const waiting = busy && (!lastGroup || lastGroup[0]!.role === "user");
  const scroll = useAutoscroll(props.autoscroll !== false, [messages, waiting]);

  const avatars = (Array.isArray(props.avatar_images) ? props.avatar_images : [null, null]) as (FileData | null)[];
  const buttons = Array.isArray(props.buttons) ? (props.buttons as unknown[]) : [];
  const layout = props.layout === "panel" ? "panel" : "bubble";
  const botIndexOf = (gi: number): number => groups.slice(0, gi).filter((g) => g[0]!.role === "assistant").length;
  const feedbackValue = Array.isArray(props.feedback_value) ? (props.feedback_value as (string | null)[]) : [];

  const onFeedback = (gi: number, option: string): void => {
    const group = groups[gi]!;
    const current = gi in feedback ? feedback[gi] : feedbackValue[botIndexOf(gi)] ?? null;
    setFeedback({ ...feedback, [gi]: current === option ? null : option });
    const liked = option === "Like" ? true : option === "Dislike" ? false : option;
    ctx.trigger(state.id, "like", { index: group[0]!.index, value: group.map(itemValue), liked });
  };
  const onAction = (kind: "retry" | "undo"): void => {
    const last = lastUserMessage(messages);
    if (last) ctx.trigger(state.id, kind, last);
  };
  const onEdit = (group: Item[], texts: string[]): void => {
    const next = messages.slice();
    group.forEach((item, i) => {
      const text = texts[i] ?? "";
      const previous = itemText(item);
      next[item.index] = { ...next[item.index]!, content: [{ type: "text", text }] };
      ctx.userInput(state.id, next);
      ctx.trigger(state.id, "edit", { index: item.index, value: text, previous_value: previous, _dispatch_value: [{ type: "text", text }] });
    });
  };
  const onClear = (): void => {
    setFeedback({});
    ctx.userInput(state.id, []);
    ctx.trigger(state.id, "clear");
  };

  const hasMessages = groups.length > 0;
  const height = cssSize(props.height);
  const style: Record<string, string> = {};
  if (height) style.height = height;
  const max = cssSize(props.max_height);
  const min = cssSize(props.min_height);
  if (max) style.maxHeight = max;
  if (min) style.minHeight = min;

  return h(
    Block,
    { state, class: "chatbot-block" },
    h(
      "div",
      { class: "chatbot" },
      props.show_label !== false && str(props.label) ? h(BlockTitle, { props }) : null,
      hasMessages
        ? h(
            "div",
            { class: "chat-toolbar" },
            buttons.includes("copy_all")
              ? h(CopyButton, { text: conversationText(messages), label: "Copy conversation", onCopy: () => ctx.trigger(state.id, "copy", { value: conversationText(messages) }) })
              : null,
            h("button", { type: "button", class: "icon-button", "aria-label": "Clear", title: "Clear", onClick: onClear }, h(TrashIcon, null)),
          )
        : null,
      h(
        "div",
        {
          class: classList("chat-log", `layout-${layout}`, props.resizable === true && "resizable"),
          ref: scroll.ref,
          onScroll: scroll.onScroll,
          role: "log",
          "aria-label": "chatbot conversation",
          "aria-live": "polite",
          dir: props.rtl ? "rtl" : undefined,
          style,
        },
        hasMessages
          ? groups.map((group, gi) =>
              h(Group, {
                key: `${gi}-${group[0]!.role}`,
                group,
                gi,
                a,
                props,
                isLast: gi === groups.length - 1,
                feedback: gi in feedback ? feedback[gi]! : group[0]!.role === "assistant" ? feedbackValue[botIndexOf(gi)] ?? null : null,
                onFeedback,
                onAction,
                onEdit,
                avatar: avatars[group[0]!.role === "user" ? 0 : 1] ?? null,
              }),
            )
          : h(Examples, { props, a }),
        waiting ? h("div", { class: "message-row bot-row pending-row" }, h("div", { class: "message typing", "aria-label": "waiting for the answer" }, h("span", null), h("span", null), h("span", null))) : null,
        hasMessages && !busy ? h(Options, { messages, ctx, id: state.id }) : null,
      ),
      !scroll.atBottom && hasMessages
        ? h("button", { type: "button", class: "scroll-down icon-button", "aria-label": "Scroll to the newest message", onClick: scroll.toBottom }, h(ArrowDownIcon, null))
        : null,
    ),
  );
}

/** Options of the last assistant message: clickable suggestions (option_select). */
function Options({ messages, ctx, id }: { messages: WireMessage[]; ctx: ShellContext; id: number }): ComponentChild {
  const last = messages[messages.length - 1];
  const options = last && last.role === "assistant" && Array.isArray(last.options) ? last.options : [];
  if (!options.length) return null;
  return h(
    "div",
    { class: "chat-options" },
    options.map((o, i) =>
      h("button", { key: i, type: "button", class: "chat-option", onClick: () => ctx.trigger(id, "option_select", { index: i, value: o.value }) }, o.label || o.value),
    ),
  );
}

export default { view: Chatbot, css } satisfies ViewModule;
