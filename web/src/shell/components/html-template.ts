/**
 * gr.HTML templates, rendered as Gradio 6 renders them: Handlebars first
 * (`{{value}}`, `{{#each value}}…{{/each}}`), then the result is evaluated as a
 * JavaScript template literal with every prop in scope (`${value.length}`,
 * `${Array.from(...)}`).
 *
 * The template is the app author's code (like `js=`), so evaluating it is
 * fine; the *values* are not. Gradio pastes Handlebars output into the literal
 * unchanged, so a value such as "${alert(1)}" shown with `{{value}}` would be
 * evaluated. Here every Handlebars output is made inert for the literal step
 * (`$`, backtick and backslash become HTML character references, which read
 * the same once parsed as HTML). `{{value}}` is HTML-escaped as in Handlebars;
 * what `${value}` inserts is raw, and the view sanitises the final HTML.
 */

type HB = typeof import("handlebars");
type Node = { type: string; [k: string]: unknown };

let hbLoad: Promise<HB> | null = null;
let hb: HB | null = null;

/** Loads Handlebars (its own chunk) the first time a template uses `{{`. */
export function loadHandlebars(): Promise<HB> {
  hbLoad ??= import("handlebars").then((m) => {
    const lib = ((m as unknown as { default?: HB }).default ?? m) as HB;
    const env = lib.create();
    env.registerHelper(ESC, (v: unknown) => new env.SafeString(literalSafe(env.escapeExpression(asText(v)))));
    env.registerHelper(RAW, (v: unknown) => new env.SafeString(literalSafe(asText(v))));
    hb = env;
    return env;
  });
  return hbLoad;
}

export const needsHandlebars = (template: string): boolean => template.includes("{{");

/** Whether `renderTemplate` can run now for this template (Handlebars loaded if needed). */
export const templateReady = (template: string): boolean => hb !== null || !needsHandlebars(template);

const ESC = "__wasmui_esc";
const RAW = "__wasmui_raw";

function asText(v: unknown): string {
  // Handlebars prints null/undefined as nothing and everything else with String().
  return v == null ? "" : String(v as string);
}

/** Characters that would end or escape the template literal, or start a `${…}`. */
export function literalSafe(s: string): string {
  return s.replace(/[\\`$]/g, (c) => (c === "\\" ? "&#92;" : c === "`" ? "&#96;" : "&#36;"));
}

/**
 * Rewrites every `{{x}}` / `{{{x}}}` into a call of our escaping helper, so no
 * Handlebars output (whatever the author's escaping choice) reaches the literal raw.
 */
function guardMustaches(node: unknown): void {
  if (!node || typeof node !== "object") return;
  const n = node as Node;
  if (n.type === "MustacheStatement") {
    const params = (n.params as unknown[]) ?? [];
    const hash = n.hash;
    const inner =
      params.length === 0 && !hash
        ? n.path
        : { type: "SubExpression", path: n.path, params, hash, loc: n.loc };
    n.params = [inner];
    n.hash = undefined;
    const name = n.escaped === false ? RAW : ESC;
    n.path = { type: "PathExpression", data: false, depth: 0, parts: [name], original: name, loc: n.loc };
    return;
  }
  for (const key of ["body", "program", "inverse"]) {
    const child = n[key];
    if (Array.isArray(child)) child.forEach(guardMustaches);
    else guardMustaches(child);
  }
}

const hbCache = new Map<string, (ctx: unknown) => string>();

function handlebars(template: string, props: Record<string, unknown>): string {
  if (!needsHandlebars(template)) return template;
  if (!hb) throw new Error("Handlebars is not loaded yet");
  let fn = hbCache.get(template);
  if (!fn) {
    const ast = hb.parse(template);
    guardMustaches(ast);
    fn = hb.compile(ast) as (ctx: unknown) => string;
    hbCache.set(template, fn);
  }
  return fn(props);
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const litCache = new Map<string, (...args: unknown[]) => unknown>();

/** Evaluates `text` as a template literal with `props` as its variables. */
function literal(text: string, props: Record<string, unknown>): string {
  const keys = Object.keys(props).filter((k) => IDENT.test(k));
  const cacheKey = `${keys.join(",")}\u0000${text}`;
  let fn = litCache.get(cacheKey);
  if (!fn) {
    // The app author's template, compiled like their js= code (see the module comment).
    fn = new Function(...keys, `return \`${text}\`;`) as (...args: unknown[]) => unknown;
    if (litCache.size > 200) litCache.clear();
    litCache.set(cacheKey, fn);
  }
  return String(fn(...keys.map((k) => props[k])));
}

/** Handlebars, then the template literal (Gradio's order). Throws on a template error. */
export function renderTemplate(template: string, props: Record<string, unknown>): string {
  if (!template) return "";
  return literal(handlebars(template, props), props);
}

/** `html_template` around `@children`: the HTML before and after the children (Gradio splits on the first). */
export function splitChildren(template: string): [string, string] | null {
  const at = template.indexOf("@children");
  if (at < 0) return null;
  return [template.slice(0, at), template.slice(at + "@children".length)];
}
