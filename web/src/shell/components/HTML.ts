/**
 * gr.HTML (a lazy chunk): Gradio 6's templated HTML block.
 *
 * - `html_template` / `css_template` rendered from the value and the `props`
 *   (html-template.ts); the HTML is sanitised (DOMPurify) and morphed into
 *   place, so elements — and the listeners `js_on_load` put on them — survive
 *   re-renders; the CSS is nested under the block's root (scoped).
 * - `js_on_load` runs once, after `head` scripts have loaded (html-head.ts),
 *   with `element`, `trigger`, `props`, `server`, `upload` and `watch` in scope.
 *   Setting `props.value` (or `label`, `visible`) stores it and fires `change`;
 *   other props only re-render. `watch` callbacks run when Python changes a prop.
 * - `@children` in the template is where `with gr.HTML(...)` children go.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import morphdom from "morphdom";
import { loadPurifier, type Purifier } from "../ui/sanitize.js";
import { Block, heightStyle } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import type { Props } from "../types.js";
import type { ComponentState } from "../engine/store.js";
import { str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";
import { loadHandlebars, needsHandlebars, renderTemplate, splitChildren, templateReady } from "./html-template.js";
import { loadHead } from "./html-head.js";
import prose from "../ui/prose.css?inline";
import css from "./HTML.css?inline";

type Watch = { props: string[]; callback: () => void };
type Parts = { root: HTMLElement; pre: HTMLElement | null; post: HTMLElement | null; style: HTMLStyleElement };

// DOMPurify's id/name clobbering guard protects `document`; the app lives in a shadow
// root, and authors' ids such as "title" or "submit" must reach js_on_load.
const PURIFY = { ADD_ATTR: ["target"], SANITIZE_DOM: false, FORCE_BODY: true };

/** The props the templates and `js_on_load` see: value, label, visible and the `props` dict. */
function templateProps(p: Props): Record<string, unknown> {
  const extra = p.props && typeof p.props === "object" ? (p.props as Record<string, unknown>) : {};
  return { value: p.value ?? "", label: p.label, visible: p.visible, ...extra };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One mounted gr.HTML: its live props, its render loop and its `js_on_load` API. */
class HtmlRuntime {
  private readonly target: Record<string, unknown>;
  readonly props: Record<string, unknown>;
  private synced: Record<string, unknown>;
  private watchers: Watch[] = [];
  private scheduled = false;
  private purify: Purifier | null = null;

  constructor(
    private readonly state: ComponentState,
    private readonly ctx: ShellContext,
    private readonly parts: Parts,
    private readonly onError: (msg: string | null) => void,
  ) {
    this.synced = templateProps(state.props.peek());
    this.target = { ...this.synced };
    this.props = new Proxy(this.target, {
      set: (t, key, value) => {
        const name = String(key);
        const old = t[name];
        t[name] = value;
        if (old !== value) {
          this.schedule();
          if (name === "value" || name === "label" || name === "visible") this.publish(name, value);
        }
        return true;
      },
    });
  }

  private get config(): Props {
    return this.state.props.peek();
  }

  /** A prop set from JS that the rest of the app sees (the value is an input of events). */
  private publish(name: string, value: unknown): void {
    this.synced = { ...this.synced, [name]: value };
    if (name === "value") this.ctx.store.setValue(this.state.id, value, "output");
    else this.ctx.store.applyUpdate(this.state.id, { [name]: value });
  }

  async start(): Promise<void> {
    const templates = `${str(this.config.html_template, "${value}")}${str(this.config.css_template)}`;
    const [purify] = await Promise.all([loadPurifier(), needsHandlebars(templates) ? loadHandlebars() : null]);
    this.purify = purify;
    this.render();
    const head = str(this.config.head);
    if (head) await loadHead(head, this.parts.root.getRootNode());
    this.runOnLoad();
  }

  private runOnLoad(): void {
    const js = this.config.js_on_load;
    if (typeof js !== "string" || !js.trim()) return;
    const id = this.state.id;
    const trigger = (event: string, data: unknown = {}): void => this.ctx.trigger(id, event, data);
    const server: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const fn of Array.isArray(this.config.server_fns) ? (this.config.server_fns as string[]) : []) {
      // Gradio sends one argument as itself and several as a list.
      server[fn] = (...args) => this.ctx.client.componentServer(id, fn, args.length === 1 ? args[0] : args);
    }
    const upload = async (file: File): Promise<{ path: string; url: string }> => {
      const [fd] = await this.ctx.client.upload([file]);
      if (!fd) throw new Error("Upload failed");
      return { path: fd.path, url: fd.url ?? "" };
    };
    const watch = (names: string | string[], callback: () => void): void => {
      this.watchers.push({ props: Array.isArray(names) ? names : [names], callback });
    };
    try {
      // The app author's code, run like their js= functions.
      const fn = new Function("element", "trigger", "props", "server", "upload", "watch", js);
      fn(this.parts.root, trigger, this.props, server, upload, watch);
    } catch (e) {
      console.error(`Error executing js_on_load of ${str(this.config.component_class_name, "HTML")}:`, e);
    }
  }

  /** Python changed the component's props: take the changed ones, re-render, run watchers. */
  sync(): void {
    const next = templateProps(this.config);
    if (same(next, this.synced)) return;
    const changed: string[] = [];
    for (const key of Object.keys(next)) {
      if (!same(this.target[key], next[key])) changed.push(key);
      this.target[key] = next[key];
    }
    this.synced = next;
    this.render();
    for (const w of this.watchers.filter((w) => w.props.some((p) => changed.includes(p)))) {
      try {
        w.callback();
      } catch (e) {
        console.error("Error in watch callback:", e);
      }
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.render();
    });
  }

  render(): void {
    if (!this.purify) return; // start() renders once the sanitiser is there
    const template = str(this.config.html_template, "${value}");
    const cssTemplate = str(this.config.css_template);
    if (!templateReady(template + cssTemplate)) {
      void loadHandlebars().then(() => this.render());
      return;
    }
    try {
      const { pre, post, root, style } = this.parts;
      const split = pre && post ? splitChildren(template) : null;
      if (split && pre && post) {
        this.morph(pre, renderTemplate(split[0], this.target));
        this.morph(post, renderTemplate(split[1], this.target));
      } else {
        this.morph(root, renderTemplate(template, this.target));
      }
      const rules = renderTemplate(cssTemplate, this.target);
      const text = rules.trim() ? `#${root.id} { ${rules} }` : "";
      if (style.textContent !== text) style.textContent = text;
      this.onError(null);
    } catch (e) {
      console.error("Error evaluating template:", e);
      this.onError(e instanceof Error ? e.message : String(e));
    }
    if (this.config.autoscroll === true) scrollToEnd(this.parts.root);
  }

  private morph(el: HTMLElement, html: string): void {
    const clean = this.purify!.sanitize(html, PURIFY);
    morphdom(el, `<div>${clean}</div>`, {
      childrenOnly: true,
      onBeforeElUpdated: (from, to) => !from.isEqualNode(to),
    });
  }
}

/** `autoscroll`: keep the nearest scrolling box at the end when it already was near it (Gradio). */
function scrollToEnd(el: HTMLElement): void {
  let box: HTMLElement | null = el.parentElement;
  while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
  const target = box ?? document.scrollingElement;
  if (target && target.scrollTop + target.clientHeight >= target.scrollHeight - 100) {
    requestAnimationFrame(() => target.scrollTo(0, target.scrollHeight));
  }
}

function HtmlBody({ state, ctx, children }: { state: ComponentState; ctx: ShellContext; children: ComponentChild[] }): ComponentChild {
  const props = state.props.value;
  const rootRef = useRef<HTMLDivElement>(null);
  const preRef = useRef<HTMLDivElement>(null);
  const postRef = useRef<HTMLDivElement>(null);
  const styleRef = useRef<HTMLStyleElement>(null);
  const runtime = useRef<HtmlRuntime | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hasChildren = children.length > 0 && splitChildren(str(props.html_template, "${value}")) !== null;
  const defaultCss = props.apply_default_css !== false;

  useEffect(() => {
    const root = rootRef.current;
    const style = styleRef.current;
    if (!root || !style) return;
    const rt = new HtmlRuntime(state, ctx, { root, pre: preRef.current, post: postRef.current, style }, setError);
    runtime.current = rt;
    rt.start().catch((e: unknown) => console.error(`gr.HTML ${state.id}:`, e));
    return () => {
      runtime.current = null;
    };
  }, []);
  // Props from Python (an event's output or update) reach the template.
  useLayoutEffect(() => runtime.current?.sync(), [props]);

  const scope = `wasmui-html-${state.id}`;
  return h(
    "div",
    { class: "html-body" },
    h("style", { ref: styleRef }),
    error
      ? h(
          "div",
          { class: "html-error", role: "alert" },
          h("strong", null, "Error rendering ", h("code", null, str(props.component_class_name, "HTML")), ":"),
          h("code", { class: "html-error-message" }, error),
        )
      : null,
    // The root's content is not Preact's: the runtime morphs the rendered template into it.
    h(
      "div",
      {
        ref: rootRef,
        id: scope,
        class: [defaultCss && !hasChildren ? "prose gradio-style" : "", hasChildren ? "has-children" : ""].join(" ").trim(),
        hidden: error !== null || undefined,
      },
      hasChildren ? h("div", { ref: preRef, class: defaultCss ? "prose gradio-style" : undefined }) : null,
      hasChildren ? children : null,
      hasChildren ? h("div", { ref: postRef, class: defaultCss ? "prose gradio-style" : undefined }) : null,
    ),
  );
}

export function HTML({ state, ctx, node }: ViewProps): ComponentChild {
  const props = state.props.value;
  const children = (node.children ?? []).map((c) => ctx.renderNode(c));
  return h(
    Block,
    { state, padded: props.container === true, class: props.padding ? "padded" : undefined },
    props.show_label === true ? h(BlockTitle, { props }) : null,
    h(
      "div",
      { class: "html-container", style: heightStyle(props) },
      // js_on_load runs once per mount: a new block (a @gr.render run) gets a new body.
      h(HtmlBody, { key: state.id, state, ctx, children }),
    ),
  );
}

export default { view: HTML, css: prose + css } satisfies ViewModule;
