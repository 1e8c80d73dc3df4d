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

/** Adds `html` to the document head; resolves when its scripts have loaded (rejects if one fails). */
export async function loadHead(html: string): Promise<void> {
  if (!html.trim()) return;
  const doc = new DOMParser().parseFromString(`<head>${html}</head>`, "text/html");
  const pending: Promise<void>[] = [];
  for (const el of Array.from(doc.head.children)) {
    if (el.tagName === "SCRIPT") {
      addScript(el as HTMLScriptElement, pending);
    } else {
      const href = el.tagName === "LINK" ? (el as HTMLLinkElement).href : "";
      const known = href && Array.from(document.querySelectorAll("link")).some((l) => l.href === href);
      if (!known) document.head.appendChild(document.importNode(el, true));
    }
  }
  await Promise.all(pending);
}
