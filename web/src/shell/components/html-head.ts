/**
 * gr.HTML's `head=`: the app author's `<script>` / `<link>` / `<style>` tags,
 * added to the page's `<head>` before the component's `js_on_load` runs.
 *
 * As in Gradio: scripts are de-duplicated by `src` (a second component waits
 * for the first one's load instead of adding it again), links by `href`, inline
 * scripts by their text. A `<script src>` keeps the author's `async` choice, so
 * plain scripts run in document order (a created script is async by default).
 */

const loads = new Map<string, Promise<void>>();

function addScript(el: HTMLScriptElement, pending: Promise<void>[]): void {
  const src = el.src;
  if (!src) {
    const text = el.textContent ?? "";
    if (Array.from(document.scripts).some((s) => !s.src && s.textContent === text)) return;
    const script = document.createElement("script");
    script.textContent = text;
    document.head.appendChild(script);
    return;
  }
  const inFlight = loads.get(src);
  if (inFlight) {
    pending.push(inFlight);
    return;
  }
  if (Array.from(document.scripts).some((s) => s.src === src)) return;
  const script = document.createElement("script");
  script.async = el.hasAttribute("async");
  for (const attr of ["type", "crossorigin", "integrity", "nomodule", "referrerpolicy"]) {
    const v = el.getAttribute(attr);
    if (v !== null) script.setAttribute(attr, v);
  }
  script.src = src;
  const load = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Failed to load script: ${src}`));
  });
  loads.set(src, load);
  pending.push(load);
  document.head.appendChild(script);
}

/** Whether `parent` already holds a `<link>` to `href` or a `<style>` with this text. */
function holds(parent: ParentNode, el: Element): boolean {
  if (el.tagName === "LINK") {
    const href = (el as HTMLLinkElement).href;
    return !!href && Array.from(parent.querySelectorAll("link")).some((l) => l.href === href);
  }
  if (el.tagName === "STYLE") {
    return Array.from(parent.querySelectorAll("style")).some((s) => s.textContent === el.textContent);
  }
  return false;
}

/**
 * Adds `html` to the document head; resolves when its scripts have loaded (rejects if one
 * fails). The app is drawn in a shadow root, which the page's stylesheets do not reach, so
 * `<link rel=stylesheet>` and `<style>` go into `appRoot` too (when it is a shadow root).
 */
export async function loadHead(html: string, appRoot?: Node): Promise<void> {
  if (!html.trim()) return;
  const doc = new DOMParser().parseFromString(`<head>${html}</head>`, "text/html");
  const pending: Promise<void>[] = [];
  const shadow = appRoot instanceof ShadowRoot ? appRoot : null;
  for (const el of Array.from(doc.head.children)) {
    if (el.tagName === "SCRIPT") {
      addScript(el as HTMLScriptElement, pending);
      continue;
    }
    if (!holds(document.head, el)) document.head.appendChild(document.importNode(el, true));
    const isSheet = el.tagName === "STYLE" || (el.tagName === "LINK" && /\bstylesheet\b/i.test(el.getAttribute("rel") ?? ""));
    if (shadow && isSheet && !holds(shadow, el)) shadow.appendChild(document.importNode(el, true));
  }
  await Promise.all(pending);
}
