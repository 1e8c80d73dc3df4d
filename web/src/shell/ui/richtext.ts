/**
 * Message text for gr.Chatbot: Markdown (marked → DOMPurify, always
 * sanitised), then, once the HTML is in the DOM, fenced code highlighted
 * with a copy button (highlight.js, lazy chunk) and LaTeX typeset with KaTeX
 * (lazy chunk). LaTeX is cut out before Markdown runs (so `_` and `*` in
 * formulas are not read as emphasis) and put back as escaped text that KaTeX's
 * auto-render finds in text nodes; KaTeX runs with `trust: false`, so
 * `\href{javascript:…}` and friends render as text.
 */

import { renderMarkdown } from "./sanitize.js";
import { highlightCode } from "./highlight.js";

export type Delimiter = { left: string; right: string; display: boolean };

const TOKEN = "WASMUIMATH";
const FORBIDDEN_IN_MESSAGES = ["form", "input", "button", "textarea", "select", "option", "style"];

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces every delimited formula by a token; returns the text and the formulas. */
export function protectMath(src: string, delimiters: Delimiter[]): { text: string; math: string[] } {
  const math: string[] = [];
  if (delimiters.length === 0) return { text: src, math };
  // Longest delimiters first so `$$` wins over `$`.
  const sorted = [...delimiters].sort((a, b) => b.left.length - a.left.length);
  const re = new RegExp(sorted.map((d) => `${escapeRe(d.left)}[\\s\\S]+?${escapeRe(d.right)}`).join("|"), "g");
  const text = src.replace(re, (m) => {
    math.push(m);
    return `${TOKEN}${math.length - 1}X`;
  });
  return { text, math };
}

export function restoreMath(html: string, math: string[]): string {
  if (math.length === 0) return html;
  return html.replace(new RegExp(`${TOKEN}(\\d+)X`, "g"), (_, i: string) => escapeHtml(math[Number(i)] ?? ""));
}

// Tag names of HTML and SVG: `allow_tags=True` shows every other tag (<thinking>, <tool>...) as text.
const STANDARD_TAGS = new Set(
  ("a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col " +
    "colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 " +
    "h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta " +
    "meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script " +
    "search section select slot small source span strong style sub summary sup table tbody td template textarea " +
    "tfoot th thead time title tr track u ul var video wbr center font strike tt big " +
    "svg animate animatemotion animatetransform circle clippath defs desc ellipse feblend fecolormatrix " +
    "fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight " +
    "fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode femorphology " +
    "feoffset fepointlight fespecularlighting fespotlight fetile feturbulence filter foreignobject g image line " +
    "lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient rect set stop switch " +
    "symbol text textpath tspan use view math mi mn mo ms mtext mrow msup msub mfrac msqrt").split(" "),
);

/**
 * Gradio's `allow_tags`: tags that would otherwise be stripped by the sanitiser are shown as text.
 * `true`: every non-standard tag; a list: those tags. Escaping only makes the HTML more inert.
 */
export function escapeTags(html: string, allow: true | string[]): string {
  const esc = (m: string): string => m.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (allow === true) {
    return html.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>/g, (m, name: string) =>
      STANDARD_TAGS.has(name.toLowerCase()) ? m : esc(m));
  }
  const names = allow.map((t) => t.toLowerCase());
  return html.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>/g, (m, name: string) =>
    names.includes(name.toLowerCase()) ? esc(m) : m);
}

/** Sanitised HTML for one message text. */
export async function renderMessage(src: string, opts: { markdown: boolean; lineBreaks: boolean; delimiters: Delimiter[]; allowTags?: true | string[] | false }): Promise<string> {
  if (!opts.markdown) {
    // No Markdown: the text is shown as text (HTML in it is never interpreted).
    return `<p class="plain">${escapeHtml(src).replace(/\n/g, "<br>")}</p>`;
  }
  const { text, math } = protectMath(src, opts.delimiters);
  // Messages are user-controlled: no forms or inputs that could submit or navigate the app away.
  const allow = opts.allowTags;
  const html = await renderMarkdown(text, {
    lineBreaks: opts.lineBreaks, forbidTags: FORBIDDEN_IN_MESSAGES,
    transform: allow ? (out) => escapeTags(out, allow) : undefined,
  });
  return restoreMath(html, math);
}

type AutoRender = (el: HTMLElement, opts: Record<string, unknown>) => void;
let katexLib: Promise<AutoRender> | null = null;

function loadKatex(root: Node): Promise<AutoRender> {
  katexLib ??= Promise.all([
    import("katex/dist/contrib/auto-render.mjs"),
    import("katex/dist/katex.min.css?inline"),
  ]).then(([ar, css]) => {
    // @font-face only works in the document, not inside a shadow root.
    const style = document.createElement("style");
    style.dataset.wasmui = "katex";
    style.textContent = css.default;
    document.head.appendChild(style);
    return ar.default as unknown as AutoRender;
  });
  return katexLib.then((render) => {
    const sr = root instanceof ShadowRoot ? root : null;
    if (sr && !sr.querySelector("style[data-wasmui=katex]")) {
      const copy = document.head.querySelector("style[data-wasmui=katex]");
      if (copy) sr.appendChild(copy.cloneNode(true));
    }
    return render;
  });
}

/** Copy buttons on code blocks, highlighting, LaTeX: DOM work after the HTML is shown. */
export async function enhance(el: HTMLElement, opts: { delimiters: Delimiter[]; onCopy?: (text: string) => void }): Promise<void> {
  for (const pre of Array.from(el.querySelectorAll("pre"))) {
    if (pre.querySelector(":scope > .code-copy")) continue;
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "code-copy";
    btn.textContent = "Copy";
    btn.setAttribute("aria-label", "Copy code");
    btn.addEventListener("click", () => {
      const text = pre.querySelector("code")?.textContent ?? "";
      void navigator.clipboard.writeText(text).then(
        () => {
          btn.textContent = "Copied";
          opts.onCopy?.(text);
          setTimeout(() => (btn.textContent = "Copy"), 1500);
        },
        () => undefined,
      );
    });
    pre.appendChild(btn);
  }
  await Promise.all([highlightCode(el), renderMath(el, opts.delimiters)]);
}

/** Typesets the LaTeX between `delimiters` inside `el` (KaTeX loads only when some is there). */
export async function renderMath(el: HTMLElement, delimiters: Delimiter[]): Promise<void> {
  if (!delimiters.some((d) => (el.textContent ?? "").includes(d.left))) return;
  const render = await loadKatex(el.getRootNode());
  render(el, { delimiters, throwOnError: false, trust: false, output: "htmlAndMathml" });
}
