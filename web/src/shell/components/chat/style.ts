/**
 * The chat views' CSS, added once to the shadow root (or document) that
 * shows them, so it ships in the chat chunk and not in the first-paint shell.
 */

import { useLayoutEffect } from "preact/hooks";
import { HIGHLIGHT_CSS } from "../../ui/highlight.js";

export function useCss(ref: { current: Element | null }, key: string, css: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = el.getRootNode() as ShadowRoot | Document;
    const host = root instanceof ShadowRoot ? root : document.head;
    if (host.querySelector(`style[data-wasmui-css="${key}"]`)) return;
    const style = document.createElement("style");
    style.dataset.wasmuiCss = key;
    style.textContent = css;
    // Before the app's own css= so authors can still override chat styles.
    const appStyle = root instanceof ShadowRoot ? root.querySelector("style:nth-of-type(2)") : null;
    host.insertBefore(style, appStyle);
  }, []);
}

export const CHAT_CSS = `
.chatbot { position: relative; display: flex; flex-direction: column; gap: 6px; }
.chat-toolbar { position: absolute; top: 4px; right: 4px; z-index: 2; display: flex; gap: 4px;
  background: var(--bg-block); border: 1px solid var(--border); border-radius: var(--radius-sm); padding: 2px; }
.chat-log { overflow-y: auto; display: flex; flex-direction: column; gap: 12px; padding: 12px 8px;
  scroll-behavior: auto; }
.chat-log.resizable { resize: vertical; }
.message-row { display: flex; gap: 8px; align-items: flex-start; max-width: 100%; }
.layout-bubble .user-row { flex-direction: row-reverse; }
.message-col { display: flex; flex-direction: column; gap: 4px; min-width: 0; max-width: 85%; }
.layout-bubble .user-row .message-col { align-items: flex-end; }
.layout-panel .message-col { max-width: 100%; flex: 1; }
.message { border-radius: var(--radius); padding: 8px 12px; line-height: 1.5; overflow-wrap: anywhere;
  display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.layout-bubble .message.user { background: var(--accent-soft); border: 1px solid var(--accent); color: var(--text); }
.layout-bubble .message.bot { background: var(--bg-subtle); border: 1px solid var(--border); }
.layout-panel .message { border-radius: 0; padding: 8px 0; }
.layout-panel .user-row { background: var(--bg-subtle); border-radius: var(--radius-sm); padding: 0 8px; }
.message.editing { width: min(600px, 100%); }
.message-part.selectable { cursor: pointer; }
.message .md > :first-child { margin-top: 0; } .message .md > :last-child { margin-bottom: 0; }
.message .md pre { position: relative; background: var(--bg-input); border: 1px solid var(--border);
  border-radius: var(--radius-sm); padding: 10px 12px; overflow-x: auto; font-family: var(--mono); font-size: 0.9em; }
.message .md code { font-family: var(--mono); }
.message .md :not(pre) > code { background: var(--secondary-bg); padding: 1px 4px; border-radius: 4px; }
.message .md table { border-collapse: collapse; } .message .md th, .message .md td { border: 1px solid var(--border); padding: 4px 8px; }
.message .md img { max-width: 100%; }
.code-copy { position: absolute; top: 6px; right: 6px; font-size: 12px; padding: 2px 8px; border-radius: 4px;
  border: 1px solid var(--border); background: var(--bg-block); color: var(--text-muted); cursor: pointer; opacity: 0.8; }
.code-copy:hover { opacity: 1; color: var(--text); }
.message-actions { display: flex; gap: 2px; opacity: 0.75; }
.message-row:hover .message-actions { opacity: 1; }
.message-actions .icon-button, .chat-toolbar .icon-button { min-width: 26px; height: 26px; font-size: 14px; }
.icon-button.feedback.selected { background: var(--accent-soft); border-color: var(--accent); }
.avatar { flex: 0 0 36px; width: 36px; height: 36px; border-radius: 50%; overflow: hidden; border: 1px solid var(--border); }
.avatar img { width: 100%; height: 100%; object-fit: cover; }
.thought { border: 1px solid var(--border); border-radius: var(--radius-sm); background: var(--bg-block); }
.thought .thought { margin: 6px 0 0 0; }
.thought-header { display: flex; align-items: center; gap: 6px; width: 100%; text-align: start; background: none;
  border: 0; padding: 6px 10px; color: var(--text); cursor: pointer; font: inherit; font-weight: 600; }
.thought-log { color: var(--text-muted); font-weight: 400; font-size: 0.9em; }
.thought-body { padding: 4px 10px 8px 22px; border-top: 1px solid var(--border); color: var(--text); }
.thought-spinner { width: 12px; height: 12px; border: 2px solid var(--border-strong); border-top-color: var(--accent);
  border-radius: 50%; animation: wasmui-spin 0.8s linear infinite; display: inline-block; }
@keyframes wasmui-spin { to { transform: rotate(360deg); } }
.typing { flex-direction: row; gap: 4px; padding: 12px 14px; }
.typing span { width: 6px; height: 6px; border-radius: 50%; background: var(--text-muted); animation: wasmui-blink 1.2s infinite; }
.typing span:nth-child(2) { animation-delay: 0.2s; } .typing span:nth-child(3) { animation-delay: 0.4s; }
@keyframes wasmui-blink { 0%, 80%, 100% { opacity: 0.2; } 40% { opacity: 1; } }
.chat-empty { margin: auto; display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px; text-align: center; }
.chat-placeholder { color: var(--text-muted); }
.chat-examples { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 8px; width: 100%; max-width: 720px; }
.chat-example { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; padding: 10px 12px; text-align: start;
  border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg-block); color: var(--text); cursor: pointer; font: inherit; }
.chat-example:hover { border-color: var(--accent); background: var(--accent-soft); }
.example-icon { width: 24px; height: 24px; object-fit: cover; border-radius: 4px; }
.example-files { color: var(--text-muted); font-size: 0.85em; }
.chat-options { display: flex; flex-wrap: wrap; gap: 8px; }
.chat-option { padding: 6px 12px; border: 1px solid var(--border); border-radius: 999px; background: var(--bg-block); color: var(--text); cursor: pointer; font: inherit; }
.chat-option:hover { border-color: var(--accent); }
.chat-media { position: relative; max-width: 100%; }
.chat-image { max-width: 100%; max-height: 320px; border-radius: var(--radius-sm); display: block; }
.chat-video { max-width: 100%; max-height: 320px; }
.media-download { position: absolute; top: 4px; right: 4px; text-decoration: none; background: var(--bg-block); }
.chat-file { display: inline-flex; gap: 6px; align-items: center; color: var(--accent-strong); }
.chat-json { font-family: var(--mono); font-size: 0.85em; white-space: pre-wrap; margin: 0; }
.edit-box { display: flex; flex-direction: column; gap: 6px; }
.edit-input { width: 100%; min-height: 60px; font: inherit; color: var(--text); background: var(--bg-input);
  border: 1px solid var(--border-strong); border-radius: var(--radius-sm); padding: 6px; box-sizing: border-box; }
.edit-actions { display: flex; gap: 6px; justify-content: flex-end; }
.scroll-down { position: absolute; bottom: 12px; left: 50%; transform: translateX(-50%); border-radius: 50%;
  width: 32px; height: 32px; background: var(--bg-block); box-shadow: var(--shadow-lg); }
.md.pending-render { white-space: pre-wrap; }
${HIGHLIGHT_CSS}
`;

export const CHAT_INPUT_CSS = `
.mm-box { display: flex; flex-direction: column; gap: 6px; border: 1px solid var(--border-strong); border-radius: var(--radius-sm);
  background: var(--bg-input); padding: 6px; }
.mm-box.over { border-color: var(--accent); box-shadow: 0 0 0 3px var(--focus-ring); }
.mm-box:focus-within { border-color: var(--accent); }
.mm-row { display: flex; gap: 6px; align-items: flex-end; }
.mm-text { flex: 1; border: 0 !important; box-shadow: none !important; resize: none; background: transparent; padding: 6px 4px; }
.mm-upload { flex: 0 0 auto; height: 32px; min-width: 32px; }
.mm-files { display: flex; flex-wrap: wrap; gap: 6px; }
.mm-chip { position: relative; display: flex; align-items: center; max-width: 180px; height: 56px; padding: 0 8px;
  border: 1px solid var(--border); border-radius: var(--radius-sm); background: var(--bg-subtle); overflow: hidden; }
.mm-chip img { height: 100%; margin: 0 -8px; object-fit: cover; }
.mm-chip-name { font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mm-chip-remove { position: absolute; top: 2px; right: 2px; width: 18px; height: 18px; line-height: 16px; padding: 0;
  border-radius: 50%; border: 1px solid var(--border); background: var(--bg-block); color: var(--text); cursor: pointer; }
`;
