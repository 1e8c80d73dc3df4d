/**
 * The shell's base stylesheet, injected into the shadow root (host-page CSS
 * cannot reach it). Colours, radii, spacing and fonts come from the app's
 * Gradio theme: its CSS variables (`--body-background-fill`,
 * `--button-primary-background-fill`, `--color-accent`, … Gradio's names) are
 * declared on `.wasmui-theme` (see `scopeThemeCss`), with the dark values under
 * `.wasmui-theme.dark`. The shell's shorter names (`--accent`, `--border`,
 * `--text`, …) are aliases of Gradio's, kept for the views' CSS; new CSS should
 * read Gradio's names directly. The app's own `css` comes after this sheet.
 */

/** Gradio-named variables → the shell's aliases (fallbacks: Gradio's Default theme, light). */
const ALIASES = `
  --accent: var(--color-accent, #f97316); --accent-hover: var(--button-primary-background-fill-hover, #ea580c);
  --accent-soft: var(--color-accent-soft, #fff7ed); --accent-text: var(--button-primary-text-color, #fff);
  --accent-strong: var(--color-accent, #f97316);
  --primary-bg: var(--button-primary-background-fill, #f97316); --primary-hover: var(--button-primary-background-fill-hover, #ea580c);
  --bg-page: var(--body-background-fill, #fff); --bg-block: var(--block-background-fill, #fff);
  --bg-subtle: var(--background-fill-secondary, #fafafa); --bg-input: var(--input-background-fill, #fff);
  --border: var(--border-color-primary, #e4e4e7); --border-strong: var(--input-border-color, #e4e4e7);
  --text: var(--body-text-color, #27272a); --text-muted: var(--body-text-color-subdued, #71717a);
  --secondary-bg: var(--button-secondary-background-fill, #e4e4e7); --secondary-hover: var(--button-secondary-background-fill-hover, #d4d4d8);
  --secondary-text: var(--button-secondary-text-color, #000);
  --stop-bg: var(--button-cancel-background-fill, #ef4444); --stop-hover: var(--button-cancel-background-fill-hover, #dc2626);
  --focus-ring: color-mix(in srgb, var(--color-accent, #f97316) 35%, transparent);
  --error: var(--error-text-color, #b91c1c); --error-bg: var(--error-background-fill, #fef2f2);
  --shadow: var(--block-shadow, none); --shadow-lg: var(--shadow-drop-lg, 0 10px 25px -5px rgba(0,0,0,.15));
  --radius: var(--block-radius, 4px); --gap: var(--layout-gap, 16px); --mono: var(--font-mono, ui-monospace, monospace);
  --overlay: color-mix(in srgb, var(--block-background-fill, #fff) 80%, transparent);`;

/** Colours Gradio's themes do not name (toasts, JSON tokens), light and dark. */
const EXTRA_LIGHT = `
  --warning: #d97706; --warning-bg: #fffbeb; --info: #2563eb; --info-bg: #eff6ff; --success: #16a34a; --success-bg: #f0fdf4;
  --json-key: #7c3aed; --json-string: #15803d; --json-number: #c2410c; color-scheme: light;`;
const EXTRA_DARK = `
  --warning: #fbbf24; --warning-bg: #3a2a0a; --info: #60a5fa; --info-bg: #132340; --success: #4ade80; --success-bg: #0f2e1a;
  --json-key: #c4b5fd; --json-string: #86efac; --json-number: #fdba74; color-scheme: dark;`;

/**
 * A Gradio theme stylesheet (`/theme.css`: `:root { … }` and
 * `:root.dark, :root .dark { … }`) scoped to the app's theme root in the
 * shadow root. `:where()` keeps the specificity at zero, so the app's `css`
 * (`:root`, `.dark`, `.gradio-container` rules) overrides the theme as in Gradio.
 */
export function scopeThemeCss(css: string): string {
  return css
    .replace(/:root\.dark\s*,\s*:root\s+\.dark\s*\{/g, ":where(.wasmui-theme.dark) {")
    .replace(/:root\s*\{/g, ":where(.wasmui-theme) {");
}

/** The app's `css=` in the shadow root: `:root` (Gradio's usual target for variables) is the theme root. */
export function scopeAppCss(css: string): string {
  return css.replace(/:root\b/g, ".wasmui-theme");
}

export const THEME_CSS = `
:host { all: initial; display: block; }
.wasmui-theme { background: var(--body-background-fill); color: var(--body-text-color); min-height: 100%; ${EXTRA_LIGHT} }
.wasmui-theme.dark { ${EXTRA_DARK} }
.wasmui { ${ALIASES}
  font-family: var(--font, ui-sans-serif, system-ui, sans-serif); font-size: var(--body-text-size, 14px);
  font-weight: var(--body-text-weight, 400); line-height: 1.5; color: var(--body-text-color);
  min-height: 100%; box-sizing: border-box; -webkit-font-smoothing: antialiased; text-align: left;
}
.wasmui *, .wasmui *::before, .wasmui *::after { box-sizing: border-box; }
.wasmui-theme.fill-page, .wasmui.fill-page { min-height: 100vh; }
/* the app is the page: <html> paints the background (one layer, so patterns line up) */
.wasmui-theme.fill-page { background: none; }
.wasmui [hidden], .wasmui .hidden { display: none !important; }
.app { max-width: 1280px; margin: 0 auto; padding: 24px 20px 32px; display: flex; flex-direction: column; gap: var(--gap); }
.app.fill-width { max-width: none; }
/* fill_height: the app takes the viewport; top-level blocks grow by their scale */
.app.fill-height { min-height: 100vh; }
.app.fill-height > .root-column { flex: 1; }
.app.fill-height > .root-column > * { flex-grow: var(--scale, 0); }
.app-title { margin: 0; font-size: var(--text-xxl); font-weight: var(--prose-header-text-weight); }
/* multipage apps (demo.route): the navbar */
.navbar { display: flex; flex-wrap: wrap; gap: 4px; padding-bottom: 8px; border-bottom: 1px solid var(--border); }
.navbar a { color: var(--text-muted); text-decoration: none; padding: 6px 12px; border-radius: var(--radius-sm); font-weight: 500; }
.navbar a:hover { color: var(--text); background: var(--bg-subtle); }
.navbar a.current { color: var(--body-text-color); background: var(--color-accent-soft); box-shadow: inset 0 -2px 0 var(--color-accent); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); white-space: nowrap; border: 0; }

/* layouts */
.column, .root-column { display: flex; flex-direction: column; gap: var(--gap); min-width: 0; }
.row { display: flex; flex-wrap: wrap; gap: var(--gap); align-items: flex-start; width: 100%; }
.row.equal-height { align-items: stretch; }
.row > * { flex: var(--scale, 1) 1 0%; min-width: min(var(--min-width, 160px), 100%); }
.row > .column { min-width: min(var(--min-width, 320px), 100%); }
.row-panel, .column-panel { background: var(--panel-background-fill); border: var(--panel-border-width) solid var(--panel-border-color);
  border-radius: var(--container-radius); padding: var(--spacing-xl); }
.row-compact, .row-compact > * { gap: 0; }
.form, .group { display: flex; flex-direction: column; gap: 1px; background: var(--block-border-color); border: var(--block-border-width) solid var(--block-border-color);
  border-radius: var(--block-radius); overflow: hidden; box-shadow: var(--block-shadow); }
.form > .block, .group > .block, .group > * { border: none !important; border-radius: 0 !important; box-shadow: none !important; }
.form > .block.bare, .group > .block.bare { background: var(--block-background-fill); padding: var(--block-padding); }
.row > .form { align-self: stretch; }
/* like Gradio's form: its direction is its parent's, so fields in a Row sit side by side */
.row > .form { flex-direction: row; flex-wrap: wrap; }
.row > .form > * { flex: var(--scale, 1) 1 0%; min-width: min(var(--min-width, 160px), 100%); }
.form:has(> :only-child.hidden) { display: none; }

/* blocks */
.block { position: relative; min-width: 0; }
.block.container { background: var(--block-background-fill); border: var(--block-border-width) solid var(--block-border-color);
  border-radius: var(--block-radius); padding: var(--block-padding); box-shadow: var(--block-shadow); }
.block.padded { padding: var(--block-padding); }
.block.generating { outline: 2px solid var(--accent); outline-offset: -1px; animation: pulse 1.6s ease-in-out infinite; }
@keyframes pulse { 50% { outline-color: transparent; } }
.block.invalid { border-color: var(--error) !important; }
.validation-error { margin-top: 6px; font-size: var(--block-info-text-size); color: var(--error-text-color); }

/* inputs */
.input-wrap { position: relative; }
.text-input { display: block; width: 100%; font: inherit; font-size: var(--input-text-size); font-weight: var(--input-text-weight);
  color: var(--body-text-color); background: var(--input-background-fill); box-shadow: var(--input-shadow);
  border: var(--input-border-width) solid var(--input-border-color); border-radius: var(--input-radius); padding: var(--input-padding);
  resize: none; outline: none; transition: border-color .15s, box-shadow .15s; }
.text-input:hover:not(:focus) { border-color: var(--input-border-color-hover); background: var(--input-background-fill-hover); }
textarea.text-input { line-height: 1.5; }
.text-input:focus { border-color: var(--input-border-color-focus); background: var(--input-background-fill-focus); box-shadow: var(--input-shadow-focus); }
.text-input[readonly], .text-input:disabled { background: var(--bg-subtle); }
.text-input::placeholder { color: var(--input-placeholder-color); }
.wasmui :focus-visible { outline: 2px solid var(--color-accent); outline-offset: 2px; }
.text-input:focus-visible { outline: none; }

/* loading status */
.status { position: absolute; z-index: 5; font-size: 0.75rem; color: var(--text-muted); font-variant-numeric: tabular-nums; }
.status-minimal { top: 6px; right: 8px; background: var(--bg-block); border-radius: 4px; padding: 0 4px; }
.status-error { top: 6px; right: 8px; padding: 0 6px; border-radius: var(--radius-sm); font-weight: 600; color: var(--error-text-color);
  background: var(--error-background-fill); border: var(--error-border-width) solid var(--error-border-color); }
.block.container.errored { border-color: var(--error-border-color); }
.status-full { inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 8px;
  background: var(--overlay); border-radius: inherit; }
/* No backdrop-filter on it: behind an 80% opaque overlay a blur does not show, but it made the
   compositor blur the block again for every frame of the spinner (traced on a repeat visit with a
   pending click, software compositing: ~200 ms of the compositor's CPU, taken from the boot). */
.status-full .status-timer { position: absolute; top: 6px; right: 10px; }
.eta-bar { position: absolute; top: 0; left: 0; right: 0; height: 3px; background: var(--loader-color); transform-origin: left; opacity: .7; transition: transform .1s linear; }
.spinner { width: 22px; height: 22px; border: 3px solid var(--border-color-primary); border-top-color: var(--loader-color); border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  .wasmui *, .wasmui *::before, .wasmui *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition: none !important; }
  .spinner { border-top-color: var(--border-color-primary); }
}
.progress-list { width: min(80%, 360px); display: flex; flex-direction: column; gap: 6px; }
.progress-desc { font-size: 0.75rem; text-align: center; }
.progress-bar { height: 6px; border-radius: 999px; background: var(--border-color-primary); overflow: hidden; }
.progress-fill { height: 100%; background: var(--loader-color); transition: width .15s; }

`;
