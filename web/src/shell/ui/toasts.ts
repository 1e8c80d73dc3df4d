/**
 * Toast notifications: gr.Error (failed events), gr.Warning / gr.Info /
 * gr.Success (`log` messages) and connection errors. A toast with a Python
 * traceback shows it in a collapsible <details>. `duration` is in seconds;
 * null or 0 keeps the toast until closed (Gradio's semantics). The list lives
 * here; its view (`toastview.ts`) is a lazy chunk, loaded with the first toast.
 */

import { signal } from "@preact/signals";

export type ToastInput = {
  level: string;
  title?: string | null;
  message: string;
  duration?: number | null;
  traceback?: string | null;
};

type Toast = ToastInput & { id: number };

export class Toasts {
  readonly list = signal<Toast[]>([]);
  private _next = 1;
  private readonly _timers = new Set<ReturnType<typeof setTimeout>>();

  push(t: ToastInput): void {
    const id = this._next++;
    this.list.value = [...this.list.value, { ...t, id }];
    const seconds = t.duration === undefined ? 10 : t.duration;
    if (seconds && seconds > 0) {
      const timer = setTimeout(() => {
        this._timers.delete(timer);
        this.dismiss(id);
      }, seconds * 1000);
      this._timers.add(timer);
    }
  }

  dismiss(id: number): void {
    this.list.value = this.list.value.filter((t) => t.id !== id);
  }

  close(): void {
    for (const t of this._timers) clearTimeout(t);
    this._timers.clear();
  }
}
