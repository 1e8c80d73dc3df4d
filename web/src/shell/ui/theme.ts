/**
 * The default theme, injected into the shadow root (so host-page CSS cannot
 * reach it). Colours are CSS variables; dark mode applies with
 * prefers-color-scheme (unless the host has `.light`) or a `.dark` class on
 * the host / page. The app's own `css` config is appended after this sheet.
 */

const LIGHT = `
  --accent: #f97316; --accent-hover: #ea580c; --accent-soft: #fff7ed; --accent-text: #ffffff;
  --accent-strong: #c2410c; --primary-bg: #ea580c; --primary-hover: #c2410c;
  --bg-page: #ffffff; --bg-block: #ffffff; --bg-subtle: #f9fafb; --bg-input: #ffffff;
  --border: #e5e7eb; --border-strong: #d1d5db; --text: #1f2937; --text-muted: #6b7280;
  --secondary-bg: #f3f4f6; --secondary-hover: #e5e7eb; --secondary-text: #1f2937;
  --stop-bg: #ef4444; --stop-hover: #dc2626; --focus-ring: rgba(249, 115, 22, 0.35);
  --error: #dc2626; --error-bg: #fef2f2; --warning: #d97706; --warning-bg: #fffbeb;
  --info: #2563eb; --info-bg: #eff6ff; --success: #16a34a; --success-bg: #f0fdf4;
  --shadow: 0 1px 2px rgba(0,0,0,0.05); --shadow-lg: 0 10px 25px -5px rgba(0,0,0,0.15);
  --json-key: #7c3aed; --json-string: #15803d; --json-number: #c2410c; --overlay: rgba(255,255,255,0.8);
  color-scheme: light;`;

const DARK = `
  --accent: #f97316; --accent-hover: #fb923c; --accent-soft: #431407; --accent-text: #ffffff;
  --accent-strong: #fdba74; --primary-bg: #ea580c; --primary-hover: #f97316;
  --bg-page: #0b0f19; --bg-block: #111827; --bg-subtle: #1f2937; --bg-input: #0f172a;
  --border: #374151; --border-strong: #4b5563; --text: #f3f4f6; --text-muted: #9ca3af;
  --secondary-bg: #374151; --secondary-hover: #4b5563; --secondary-text: #f3f4f6;
  --stop-bg: #dc2626; --stop-hover: #ef4444; --focus-ring: rgba(251, 146, 60, 0.45);
  --error: #f87171; --error-bg: #3b1515; --warning: #fbbf24; --warning-bg: #3a2a0a;
  --info: #60a5fa; --info-bg: #132340; --success: #4ade80; --success-bg: #0f2e1a;
  --shadow: 0 1px 2px rgba(0,0,0,0.4); --shadow-lg: 0 10px 25px -5px rgba(0,0,0,0.6);
  --json-key: #c4b5fd; --json-string: #86efac; --json-number: #fdba74; --overlay: rgba(17,24,39,0.8);
  color-scheme: dark;`;

/**
 * Accent palettes for Gradio's built-in theme names (config.theme). Only the
 * accent changes; layout and neutrals stay those of the default theme.
 * [accent, hover, strong text (light), soft bg (light), soft bg (dark)]
 */
const ACCENTS: Record<string, [string, string, string, string, string]> = {
  soft: ["#6366f1", "#4f46e5", "#4338ca", "#eef2ff", "#1e1b4b"],
  ocean: ["#0284c7", "#0369a1", "#0369a1", "#f0f9ff", "#082f49"],
  citrus: ["#65a30d", "#4d7c0f", "#3f6212", "#f7fee7", "#1a2e05"],
  glass: ["#57534e", "#44403c", "#44403c", "#f5f5f4", "#292524"],
  monochrome: ["#111827", "#374151", "#111827", "#f3f4f6", "#1f2937"],
};

const ACCENT_CSS = Object.entries(ACCENTS)
  .map(
    ([name, [a, hover, strong, soft, softDark]]) => `
.wasmui[data-theme="${name}"] { --accent: ${a}; --accent-hover: ${hover}; --primary-bg: ${a}; --primary-hover: ${hover};
  --accent-strong: ${strong}; --accent-soft: ${soft}; --focus-ring: ${a}59; }
.wasmui.dark[data-theme="${name}"] { --accent-soft: ${softDark}; --accent-strong: ${name === "monochrome" ? "#e5e7eb" : a}; }
@media (prefers-color-scheme: dark) { .wasmui:not(.light)[data-theme="${name}"] { --accent-soft: ${softDark}; --accent-strong: ${name === "monochrome" ? "#e5e7eb" : a}; } }`,
  )
  .join("");

export const THEME_CSS = `
:host { all: initial; display: block; }
.wasmui { ${LIGHT}
  --radius: 10px; --radius-sm: 6px; --gap: 16px;
  --font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-family: var(--font); font-size: 15px; line-height: 1.5; color: var(--text);
  background: var(--bg-page); min-height: 100%; box-sizing: border-box;
  -webkit-font-smoothing: antialiased; text-align: left;
}
@media (prefers-color-scheme: dark) { .wasmui:not(.light) { ${DARK} } }
.wasmui.dark { ${DARK} }
.wasmui *, .wasmui *::before, .wasmui *::after { box-sizing: border-box; }
.wasmui.fill-page { min-height: 100vh; }
.wasmui [hidden], .wasmui .hidden { display: none !important; }
.app { max-width: 1280px; margin: 0 auto; padding: 24px 20px 32px; display: flex; flex-direction: column; gap: var(--gap); }
.app.fill-width { max-width: none; }
/* fill_height: the app takes the viewport; top-level blocks grow by their scale */
.app.fill-height { min-height: 100vh; }
.app.fill-height > .root-column { flex: 1; }
.app.fill-height > .root-column > * { flex-grow: var(--scale, 0); }
.app-title { margin: 0; font-size: 1.6rem; font-weight: 650; }
/* multipage apps (demo.route): the navbar */
.navbar { display: flex; flex-wrap: wrap; gap: 4px; padding-bottom: 8px; border-bottom: 1px solid var(--border); }
.navbar a { color: var(--text-muted); text-decoration: none; padding: 6px 12px; border-radius: var(--radius-sm); font-weight: 500; }
.navbar a:hover { color: var(--text); background: var(--bg-subtle); }
.navbar a.current { color: var(--accent-strong); background: var(--accent-soft); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); white-space: nowrap; border: 0; }

/* layouts */
.column, .root-column { display: flex; flex-direction: column; gap: var(--gap); min-width: 0; }
.row { display: flex; flex-wrap: wrap; gap: var(--gap); align-items: flex-start; width: 100%; }
.row.equal-height { align-items: stretch; }
.row > * { flex: var(--scale, 1) 1 0%; min-width: min(var(--min-width, 160px), 100%); }
.row > .column { min-width: min(var(--min-width, 320px), 100%); }
.row-panel { background: var(--bg-subtle); border: 1px solid var(--border); border-radius: var(--radius); padding: 12px; }
.row-compact, .row-compact > * { gap: 0; }
.column-panel { background: var(--bg-subtle); border: 1px solid var(--border); border-radius: var(--radius); padding: 12px; }
.form, .group { display: flex; flex-direction: column; gap: 1px; background: var(--border); border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; box-shadow: var(--shadow); }
.form > .block, .group > .block, .group > * { border: none !important; border-radius: 0 !important; box-shadow: none !important; }
.form > .block.bare, .group > .block.bare { background: var(--bg-block); padding: 12px 14px; }
.row > .form { align-self: stretch; }
/* like Gradio's form: its direction is its parent's, so fields in a Row sit side by side */
.row > .form { flex-direction: row; flex-wrap: wrap; }
.row > .form > * { flex: var(--scale, 1) 1 0%; min-width: min(var(--min-width, 160px), 100%); }
.form:has(> :only-child.hidden) { display: none; }

/* blocks */
.block { position: relative; min-width: 0; }
.block.container { background: var(--bg-block); border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 14px; box-shadow: var(--shadow); }
.block.padded { padding: 12px 14px; }
.block.generating { outline: 2px solid var(--accent); outline-offset: -1px; animation: pulse 1.6s ease-in-out infinite; }
@keyframes pulse { 50% { outline-color: transparent; } }
.block.invalid { border-color: var(--error) !important; }
.validation-error { margin-top: 6px; font-size: 0.85rem; color: var(--error); }

/* inputs */
.input-wrap { position: relative; }
.text-input { display: block; width: 100%; font: inherit; color: var(--text); background: var(--bg-input);
  border: 1px solid var(--border-strong); border-radius: var(--radius-sm); padding: 8px 10px; resize: none; outline: none;
  transition: border-color .15s, box-shadow .15s; }
textarea.text-input { line-height: 1.5; }
.text-input:focus { border-color: var(--accent); box-shadow: 0 0 0 3px var(--focus-ring); }
.text-input[readonly], .text-input:disabled { background: var(--bg-subtle); }
.text-input::placeholder { color: var(--text-muted); opacity: .8; }
.wasmui :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.text-input:focus-visible { outline: none; }

/* loading status */
.status { position: absolute; z-index: 5; font-size: 0.75rem; color: var(--text-muted); font-variant-numeric: tabular-nums; }
.status-minimal { top: 6px; right: 8px; background: var(--bg-block); border-radius: 4px; padding: 0 4px; }
.status-error { top: 6px; right: 8px; padding: 0 6px; border-radius: 4px; font-weight: 600; color: var(--error); background: var(--error-bg); }
.block.container.errored { border-color: var(--error); }
.status-full { inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 8px;
  background: var(--overlay); border-radius: inherit; backdrop-filter: blur(1px); }
.status-full .status-timer { position: absolute; top: 6px; right: 10px; }
.eta-bar { position: absolute; top: 0; left: 0; right: 0; height: 3px; background: var(--accent); transform-origin: left; opacity: .7; transition: transform .1s linear; }
.spinner { width: 22px; height: 22px; border: 3px solid var(--secondary-bg); border-top-color: var(--accent); border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  .wasmui *, .wasmui *::before, .wasmui *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition: none !important; }
  .spinner { border-top-color: var(--secondary-bg); }
}
.progress-list { width: min(80%, 360px); display: flex; flex-direction: column; gap: 6px; }
.progress-desc { font-size: 0.75rem; text-align: center; }
.progress-bar { height: 6px; border-radius: 999px; background: var(--secondary-bg); overflow: hidden; }
.progress-fill { height: 100%; background: var(--accent); transition: width .15s; }

${ACCENT_CSS}
`;
