/**
 * Syntax highlighting for fenced code blocks: highlight.js core plus the
 * languages Gradio documents for Markdown (bash, c, cpp, go, java,
 * javascript, json, php, python, rust, sql, yaml) and a few common ones,
 * loaded with import() as its own chunk the first time a code block shows.
 *
 * highlight.js works on the element's textContent and writes escaped
 * <span class="hljs-*"> markup, so it cannot reintroduce HTML the sanitiser
 * removed.
 */

type HLJS = {
  highlightElement(el: HTMLElement): void;
  getLanguage(name: string): unknown;
};

let hljs: Promise<HLJS> | null = null;

function load(): Promise<HLJS> {
  hljs ??= (async () => {
    const [core, ...langs] = await Promise.all([
      import("highlight.js/lib/core"),
      import("highlight.js/lib/languages/python"),
      import("highlight.js/lib/languages/javascript"),
      import("highlight.js/lib/languages/typescript"),
      import("highlight.js/lib/languages/json"),
      import("highlight.js/lib/languages/bash"),
      import("highlight.js/lib/languages/c"),
      import("highlight.js/lib/languages/cpp"),
      import("highlight.js/lib/languages/go"),
      import("highlight.js/lib/languages/java"),
      import("highlight.js/lib/languages/php"),
      import("highlight.js/lib/languages/rust"),
      import("highlight.js/lib/languages/sql"),
      import("highlight.js/lib/languages/yaml"),
      import("highlight.js/lib/languages/xml"),
      import("highlight.js/lib/languages/css"),
      import("highlight.js/lib/languages/markdown"),
    ]);
    const names = ["python", "javascript", "typescript", "json", "bash", "c", "cpp", "go", "java", "php", "rust", "sql", "yaml", "xml", "css", "markdown"];
    const h = core.default;
    names.forEach((n, i) => h.registerLanguage(n, langs[i]!.default));
    h.configure({ ignoreUnescapedHTML: true });
    return h as unknown as HLJS;
  })();
  return hljs;
}

/** Highlights every `pre > code` under `root` that names a known language (or guesses none). */
export async function highlightCode(root: HTMLElement): Promise<void> {
  const blocks = Array.from(root.querySelectorAll<HTMLElement>("pre > code"));
  if (blocks.length === 0) return;
  const h = await load();
  for (const code of blocks) {
    if (code.dataset.highlighted) continue;
    const lang = Array.from(code.classList).find((c) => c.startsWith("language-"))?.slice(9);
    if (lang && h.getLanguage(lang)) h.highlightElement(code);
    else code.classList.add("hljs");
  }
}
