/**
 * Deep links (`gr.DeepLinkButton`): a page opened with `?deep_link=w1.<base64url JSON>`
 * shows the values the link carries (`[[component id, payload], ...]`, made by the app's
 * `/gradio_api/deep_link`, see wasmui/deep_links.py). Applied to the config before the first
 * paint, so they show before Python is ready and the page-load events see them, as Gradio's
 * `/config?deep_link=` does. A link that is not one of ours (a Gradio hash, a cut-off URL)
 * leaves the config as it is and says why in the console.
 */

import type { GradioConfig } from "./types.js";

const PREFIX = "w1.";

/** The values in a link token, or null when it is not one. */
export function decodeDeepLink(token: string): Map<number, unknown> | null {
  if (!token.startsWith(PREFIX)) return null;
  try {
    const b64 = token.slice(PREFIX.length).replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const items: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(items)) return null;
    const values = new Map<number, unknown>();
    for (const item of items) {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== "number") return null;
      values.set(item[0], item[1]);
    }
    return values;
  } catch {
    return null;
  }
}

/** `config` with the values of the page URL's `deep_link` applied (the same object when there is none). */
export function applyDeepLink(config: GradioConfig, search: string): GradioConfig {
  const token = new URLSearchParams(search).get("deep_link");
  if (!token) return config;
  const values = decodeDeepLink(token);
  if (values === null) {
    console.warn("wasmui: this page's deep_link is not a link made by a wasmui app; showing the app as it starts");
    return { ...config, deep_link_state: "invalid" };
  }
  const components = config.components.map((c) =>
    values.has(c.id) ? { ...c, props: { ...c.props, value: values.get(c.id) } } : c);
  return { ...config, components, deep_link_state: "valid" };
}
