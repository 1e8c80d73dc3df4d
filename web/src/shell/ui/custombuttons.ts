/**
 * Custom `gr.Button`s in a component's `buttons=[...]` list (Gradio 6): Gradio
 * sends each button's config (with its id) inside the component's props and
 * leaves it out of the layout; a click fires that button's own `click` event.
 *
 * The mounting code provides them through `CustomButtonsContext`. A view's
 * `IconButtons` row shows them next to its built-in buttons; a view without such
 * a row gets them from `Block`, in a toolbar at the block's top-right corner
 * (hidden by CSS when the view's own row already shows them).
 */

import { createContext, h, type ComponentChild } from "preact";
import { useContext } from "preact/hooks";
import { useCss } from "./styles.js";

export type CustomButton = { id: number; value?: unknown; icon?: { url?: string } | null; variant?: string; interactive?: boolean; visible?: unknown };

type Provided = { buttons: CustomButton[]; click: (id: number) => void };

export const CustomButtonsContext = createContext<Provided>({ buttons: [], click: () => undefined });

/** The gr.Button configs among a component's `buttons` prop. */
export function customButtons(buttons: unknown): CustomButton[] {
  return Array.isArray(buttons)
    ? buttons.filter((b): b is CustomButton => !!b && typeof b === "object" && typeof (b as CustomButton).id === "number")
    : [];
}

const css = `
.custom-button { display: inline-flex; align-items: center; gap: 4px; height: 24px; padding: 2px 8px; border: 0;
  border-radius: var(--radius-sm, 4px); background: transparent; color: var(--body-text-color, inherit);
  font: inherit; font-size: var(--text-sm, 12px); cursor: pointer; }
.custom-button:hover { background: var(--secondary-bg, rgba(0,0,0,.06)); color: var(--body-text-color, inherit); }
.custom-button:disabled { opacity: .5; cursor: default; }
.custom-button img { width: 14px; height: 14px; }
.block-custom-buttons { position: absolute; top: 6px; right: 8px; z-index: 4; display: flex; gap: 4px; }
.block:has(.icon-buttons .custom-button) > .block-custom-buttons { display: none; }
`;

/** The custom buttons of the component being drawn, as `<button>`s. */
export function CustomButtonList(): ComponentChild[] {
  const { buttons, click } = useContext(CustomButtonsContext);
  useCss(css);
  return buttons
    .filter((b) => b.visible !== false)
    .map((b) => {
      const label = typeof b.value === "string" && b.value ? b.value : "Custom action";
      const icon = b.icon && typeof b.icon.url === "string" ? h("img", { src: b.icon.url, alt: "" }) : null;
      return h("button", {
        key: `custom-${b.id}`, type: "button", class: "custom-button", title: label, "aria-label": label,
        disabled: b.interactive === false, onClick: () => click(b.id),
      }, icon, typeof b.value === "string" ? b.value : "");
    });
}

/** Block's own toolbar for views that have no `IconButtons` row. */
export function BlockCustomButtons(): ComponentChild {
  const { buttons } = useContext(CustomButtonsContext);
  return buttons.length ? h("div", { class: "block-custom-buttons" }, h(CustomButtonList, null)) : null;
}
