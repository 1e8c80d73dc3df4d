/**
 * Markdown rendering and HTML sanitising. marked and DOMPurify are loaded
 * with dynamic import() so they stay out of the shell's core bundle; the
 * first Markdown/HTML block pays for them once.
 *
 * Every string that becomes HTML goes through DOMPurify, whatever the
 * component's `sanitize_html` says: the server's strings are never trusted.
 */

export type Purifier = { sanitize(html: string, cfg?: Record<string, unknown>): string };
type Libs = { parse: (src: string, opts: Record<string, unknown>) => string; purify: Purifier };

let libs: Promise<Libs> | null = null;

function load(): Promise<Libs> {
  libs ??= Promise.all([import("marked"), import("dompurify")]).then(([m, d]) => {
    const purify = d.default;
    // Links open in a new tab and cannot reach back into the app.
    purify.addHook("afterSanitizeAttributes", (node: Element) => {
      if (node.tagName === "A" && node.hasAttribute("href")) {
        const href = node.getAttribute("href") ?? "";
        if (!href.startsWith("#")) {
          node.setAttribute("target", "_blank");
          node.setAttribute("rel", "noopener noreferrer");
        }
      }
    });
    return {
      parse: (src, opts) => m.marked.parse(src, { ...opts, async: false }) as string,
      purify,
    };
  });
  return libs;
}

/** The DOMPurify instance (with the shell's hooks), for views that sanitise synchronously once loaded. */
export async function loadPurifier(): Promise<Purifier> {
  return (await load()).purify;
}

export async function sanitizeHtml(html: string): Promise<string> {
  const { purify } = await load();
  return purify.sanitize(html, { ADD_ATTR: ["target"] });
}

export async function renderMarkdown(
  src: string,
  opts: { lineBreaks?: boolean; forbidTags?: string[]; transform?: (html: string) => string } = {},
): Promise<string> {
  const { parse, purify } = await load();
  let html = parse(src, { gfm: true, breaks: opts.lineBreaks === true });
  // A rewrite of the HTML before it is sanitised (it can only add escaping, never trust).
  if (opts.transform) html = opts.transform(html);
  return purify.sanitize(html, { ADD_ATTR: ["target"], FORBID_TAGS: opts.forbidTags ?? [] });
}

/** Starts loading marked + DOMPurify early (called at mount when the app has Markdown/HTML). */
export function preloadSanitizer(): void {
  void load().catch(() => {
    /* reported when a view actually renders */
  });
}
