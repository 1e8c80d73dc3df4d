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
.form:has(> :only-child.hidden) { display: none; }

/* blocks */
.block { position: relative; min-width: 0; }
.block.container { background: var(--bg-block); border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 14px; box-shadow: var(--shadow); }
.block.padded { padding: 12px 14px; }
.block.generating { outline: 2px solid var(--accent); outline-offset: -1px; animation: pulse 1.6s ease-in-out infinite; }
@keyframes pulse { 50% { outline-color: transparent; } }
.block-title { margin-bottom: 8px; }
.block.invalid { border-color: var(--error) !important; }
.validation-error { margin-top: 6px; font-size: 0.85rem; color: var(--error); }
.block-title .label { display: inline-block; font-size: 0.85rem; font-weight: 600; color: var(--text-muted); }
.block-title .info { font-size: 0.8rem; color: var(--text-muted); margin-top: 2px; }
.empty { color: var(--text-muted); font-size: 0.9rem; padding: 6px 0; }
.unsupported { border-style: dashed !important; color: var(--text-muted); font-size: 0.9rem; }

/* inputs */
.input-wrap { position: relative; }
.text-input { display: block; width: 100%; font: inherit; color: var(--text); background: var(--bg-input);
  border: 1px solid var(--border-strong); border-radius: var(--radius-sm); padding: 8px 10px; resize: none; outline: none;
  transition: border-color .15s, box-shadow .15s; }
textarea.text-input { line-height: 1.5; }
.text-input:focus { border-color: var(--accent); box-shadow: 0 0 0 3px var(--focus-ring); }
.text-input[readonly], .text-input:disabled { background: var(--bg-subtle); }
.text-input::placeholder { color: var(--text-muted); opacity: .8; }
.input-wrap .copy-button { position: absolute; top: 6px; right: 6px; }
.input-wrap.with-button { display: flex; gap: 8px; align-items: flex-end; }
.input-wrap.with-button .copy-button { right: calc(6px + 5.5em); }
.inline-btn { flex: none; }
.icon-button { display: inline-flex; align-items: center; justify-content: center; font: inherit; font-size: 0.9rem; line-height: 1; border: 1px solid var(--border); background: var(--bg-block); color: var(--text-muted);
  border-radius: var(--radius-sm); padding: 4px 7px; cursor: pointer; }
.icon-button:hover { color: var(--text); border-color: var(--border-strong); }
.wasmui :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.text-input:focus-visible { outline: none; }

/* slider */
.slider-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.slider-head .block-title { flex: 1; }
.slider-number { width: 5.5em; font: inherit; font-size: 0.9rem; color: var(--text); background: var(--bg-input);
  border: 1px solid var(--border-strong); border-radius: var(--radius-sm); padding: 3px 6px; }
.slider-row { display: flex; align-items: center; gap: 10px; }
.slider-bound { font-size: 0.75rem; color: var(--text-muted); min-width: 1.5em; text-align: center; }
.slider-range { flex: 1; appearance: none; -webkit-appearance: none; height: 6px; border-radius: 999px; cursor: pointer;
  background: linear-gradient(to right, var(--accent) var(--pct), var(--secondary-bg) var(--pct)); }
.slider-range::-webkit-slider-thumb { -webkit-appearance: none; width: 18px; height: 18px; border-radius: 50%; background: var(--bg-block);
  border: 2px solid var(--accent); box-shadow: var(--shadow); }
.slider-range::-moz-range-thumb { width: 16px; height: 16px; border-radius: 50%; background: var(--bg-block); border: 2px solid var(--accent); }
.slider-range:disabled { cursor: default; opacity: .6; }

/* checkbox */
.checkbox-label { display: inline-flex; align-items: center; gap: 10px; cursor: pointer; font-weight: 500; }
.checkbox-label input { width: 18px; height: 18px; accent-color: var(--accent); margin: 0; cursor: pointer; }

/* buttons */
.btn { font: inherit; font-weight: 600; border-radius: var(--radius-sm); border: 1px solid transparent; cursor: pointer;
  padding: 10px 18px; transition: background .15s, border-color .15s, transform .05s; min-width: 0; box-shadow: var(--shadow); }
.btn:active:not(:disabled) { transform: translateY(1px); }
.btn-sm { padding: 4px 10px; font-size: 0.85rem; } .btn-md { padding: 7px 14px; font-size: 0.92rem; }
.btn-primary { background: var(--primary-bg); color: var(--accent-text); }
.btn-primary:hover:not(:disabled) { background: var(--primary-hover); }
.btn-secondary, .btn-huggingface { background: var(--secondary-bg); color: var(--secondary-text); border-color: var(--border); }
.btn-secondary:hover:not(:disabled), .btn-huggingface:hover:not(:disabled) { background: var(--secondary-hover); }
.btn-stop { background: var(--stop-bg); color: #fff; }
.btn-stop:hover:not(:disabled) { background: var(--stop-hover); }
.btn:disabled { opacity: .5; cursor: not-allowed; }

/* markdown / html */
.prose { overflow-wrap: anywhere; }
.prose.pending-render { white-space: pre-wrap; opacity: 0; }
.prose > :first-child { margin-top: 0; } .prose > :last-child { margin-bottom: 0; }
.prose h1 { font-size: 1.75rem; margin: .4em 0; } .prose h2 { font-size: 1.35rem; margin: .8em 0 .4em; } .prose h3 { font-size: 1.1rem; }
.prose a { color: var(--accent-strong); }
.prose code { font-family: var(--mono); font-size: .88em; background: var(--bg-subtle); border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; }
.prose pre { background: var(--bg-subtle); border: 1px solid var(--border); border-radius: var(--radius-sm); padding: 10px 12px; overflow: auto; }
.prose pre code { border: 0; padding: 0; background: none; }
.prose table { border-collapse: collapse; } .prose th, .prose td { border: 1px solid var(--border); padding: 4px 8px; }
.prose blockquote { margin: 0; padding-left: 12px; border-left: 3px solid var(--border-strong); color: var(--text-muted); }
.prose img { max-width: 100%; }

/* json */
.json-view { position: relative; font-family: var(--mono); font-size: 0.85rem; overflow: auto; }
.json-copy { position: absolute; top: 0; right: 0; }
.json-node > summary { cursor: pointer; list-style: none; }
.json-node > summary::before { content: "▸"; display: inline-block; width: 1em; color: var(--text-muted); }
.json-node[open] > summary::before { content: "▾"; }
.json-node:not([open]) > .json-close { display: none; }
.json-children { padding-left: 1.4em; border-left: 1px dashed var(--border); margin-left: .35em; }
.json-row { padding-left: 1em; }
.json-close { padding-left: 1em; }
.json-count { color: var(--text-muted); font-size: .8em; }
.json-node[open] > summary .json-count { display: none; }
.json-key { color: var(--json-key); } .json-string { color: var(--json-string); } .json-number { color: var(--json-number); }
.json-bool, .json-null { color: var(--info); }

/* label */
.label-top { font-size: 1.6rem; font-weight: 700; text-align: center; padding: 6px 0 10px; }
.label-confidences { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.label-select { width: 100%; font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
.label-conf-text { display: flex; justify-content: space-between; font-size: 0.9rem; margin-bottom: 3px; }
.label-bar { height: 8px; border-radius: 999px; background: var(--secondary-bg); overflow: hidden; }
.label-fill { height: 100%; background: var(--accent); border-radius: 999px; transition: width .3s; }

/* choices */
.choice-group { border: 0; margin: 0; padding: 0; min-width: 0; }
.choice-group > legend { padding: 0; margin-bottom: 8px; font-size: 0.85rem; font-weight: 600; color: var(--text-muted); }
.choice-group .info { font-size: 0.8rem; color: var(--text-muted); margin: -4px 0 8px; }
.choice-options { display: flex; flex-wrap: wrap; gap: 8px; }
.choice { display: inline-flex; align-items: center; gap: 8px; padding: 6px 12px; border: 1px solid var(--border); border-radius: var(--radius-sm);
  background: var(--bg-subtle); cursor: pointer; transition: border-color .15s, background .15s; }
.choice:hover:not(.disabled) { border-color: var(--border-strong); }
.choice.selected { border-color: var(--accent); background: var(--accent-soft); }
.choice.disabled { cursor: not-allowed; opacity: .7; }
.choice input { margin: 0; accent-color: var(--accent); width: 16px; height: 16px; }
select.text-input { appearance: auto; cursor: pointer; }
.multiselect { display: flex; flex-direction: column; gap: 8px; }
.chips { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; }
.chip { display: inline-flex; align-items: center; gap: 4px; padding: 2px 4px 2px 10px; border-radius: 999px; background: var(--accent-soft); border: 1px solid var(--accent); font-size: .88rem; }
.chip-remove { font: inherit; line-height: 1; border: 0; background: none; color: var(--text-muted); cursor: pointer; padding: 0 4px; }
.chip-remove:hover { color: var(--text); }

/* dataset (examples) */
.dataset { overflow-x: auto; }
.dataset-table { width: 100%; border-collapse: collapse; font-size: .9rem; }
.dataset-table th { text-align: left; font-weight: 600; color: var(--text-muted); font-size: .8rem; padding: 6px 10px; border-bottom: 1px solid var(--border); }
.dataset-table td { padding: 7px 10px; border-bottom: 1px solid var(--border); max-width: 360px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.dataset-row { cursor: pointer; }
.dataset-row:hover, .dataset-row.selected { background: var(--accent-soft); }
.dataset-pick { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.dataset-pages { display: flex; gap: 4px; margin-top: 8px; }
.dataset-pages .page { font: inherit; font-size: .8rem; min-width: 28px; padding: 3px 6px; border: 1px solid var(--border); border-radius: var(--radius-sm); background: var(--bg-block); color: var(--text); cursor: pointer; }
.dataset-pages .page.selected { border-color: var(--accent); color: var(--accent-strong); }

/* file */
.drop-zone { border: 2px dashed var(--border-strong); border-radius: var(--radius-sm); background: var(--bg-subtle); transition: border-color .15s, background .15s; }
.drop-zone.over { border-color: var(--accent); background: var(--accent-soft); }
.drop-button { display: flex; flex-direction: column; align-items: center; gap: 4px; width: 100%; padding: 22px 12px; font: inherit; color: var(--text-muted); background: none; border: 0; cursor: pointer; }
.drop-button:hover { color: var(--text); }
.drop-or { font-size: .8rem; opacity: .8; }
.file-icon { display: inline-flex; color: var(--text-muted); }
.file-list { list-style: none; margin: 0 0 8px; padding: 0; border: 1px solid var(--border); border-radius: var(--radius-sm); }
.file-row { display: flex; align-items: center; gap: 10px; padding: 8px 10px; }
.file-row + .file-row { border-top: 1px solid var(--border); }
.file-name { flex: 1; color: var(--accent-strong); text-decoration: none; overflow-wrap: anywhere; }
.file-name:hover { text-decoration: underline; }
.file-size { font-size: 0.8rem; color: var(--text-muted); }

/* tabs / accordion */
.tabs { display: flex; flex-direction: column; gap: 12px; }
.tab-list { display: flex; flex-wrap: wrap; gap: 2px; border-bottom: 1px solid var(--border); }
.tab { font: inherit; font-weight: 500; color: var(--text-muted); background: none; border: 0; border-bottom: 2px solid transparent;
  padding: 8px 14px; margin-bottom: -1px; cursor: pointer; }
.tab:hover:not(:disabled) { color: var(--text); }
.tab.selected { color: var(--accent-strong); border-bottom-color: var(--accent); }
.tab:disabled { opacity: .5; cursor: not-allowed; }
.tab-panel { display: flex; flex-direction: column; gap: var(--gap); }
.accordion { border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg-block); box-shadow: var(--shadow); }
.accordion-header { display: flex; width: 100%; justify-content: space-between; align-items: center; font: inherit; font-weight: 600;
  color: var(--text); background: none; border: 0; padding: 12px 14px; cursor: pointer; }
.accordion .chevron { transition: transform .2s; transform: rotate(-90deg); color: var(--text-muted); }
.accordion.open .chevron { transform: none; }
.accordion-body { padding: 0 14px 14px; display: flex; flex-direction: column; gap: var(--gap); }

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

/* toasts */
.toasts { position: fixed; top: 16px; right: 16px; z-index: 1000; display: flex; flex-direction: column; gap: 10px; width: min(380px, calc(100vw - 32px)); }
.toast { display: flex; gap: 10px; align-items: flex-start; background: var(--bg-block); border: 1px solid var(--border);
  border-left: 4px solid var(--info); border-radius: var(--radius); padding: 10px 12px; box-shadow: var(--shadow-lg); animation: toast-in .2s ease-out; }
@keyframes toast-in { from { opacity: 0; transform: translateY(-6px); } }
.toast-icon { flex: none; width: 22px; height: 22px; border-radius: 50%; display: grid; place-items: center; font-weight: 700; font-size: .8rem; color: #fff; background: var(--info); }
.toast-body { flex: 1; min-width: 0; }
.toast-title { font-weight: 650; }
.toast-message { font-size: 0.9rem; color: var(--text); white-space: pre-wrap; overflow-wrap: anywhere; }
.toast-traceback summary { cursor: pointer; font-size: .8rem; color: var(--text-muted); margin-top: 4px; }
.toast-traceback pre { font-family: var(--mono); font-size: .72rem; max-height: 220px; overflow: auto; background: var(--bg-subtle); padding: 6px; border-radius: 4px; white-space: pre; }
.toast-close { flex: none; font: inherit; font-size: 1.1rem; line-height: 1; background: none; border: 0; color: var(--text-muted); cursor: pointer; padding: 0 2px; }
.toast-error { border-left-color: var(--error); } .toast-error .toast-icon { background: var(--error); } .toast-error .toast-title { color: var(--error); }
.toast-warning { border-left-color: var(--warning); } .toast-warning .toast-icon { background: var(--warning); } .toast-warning .toast-title { color: var(--warning); }
.toast-success { border-left-color: var(--success); } .toast-success .toast-icon { background: var(--success); } .toast-success .toast-title { color: var(--success); }
.toast-info .toast-title { color: var(--info); }
${ACCENT_CSS}
`;
