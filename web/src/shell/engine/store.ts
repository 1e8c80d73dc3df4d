/**
 * Component state: one signal of props (including `value`) and one signal of
 * loading status per block. Views read the signals; only the store writes them.
 *
 * The store detects value changes so the engine can fire `change` (from user
 * input or from an event output) and `input` (user input only), matching
 * Gradio's event semantics (gradio-api-inventory.md §4.4).
 */

import { signal, batch, type Signal } from "@preact/signals";
import type { ComponentConfig, DependencyConfig, LayoutNode, LoadingStatus, Props } from "../types.js";

export type ValueSource = "user" | "output";

/**
 * What the store and the engine need to know about a component type. They
 * never test type names: the shell registry (components/registry.ts) answers
 * these for each type.
 */
export type TypeRules = {
  /** The value a view starts from when the config has none (Textbox: ""). */
  emptyValue?: unknown;
  /**
   * An output (or update) of null also leaves `emptyValue`, as Gradio's view does: its
   * Textbox then sends "", its ImageEditor an empty EditorValue (its Number sends null).
   */
  nullIsEmpty?: boolean;
  /**
   * The value never leaves Python (gr.State): inputs send null (the server
   * substitutes its copy), outputs are not stored, no loading status is shown.
   */
  serverValue?: boolean;
  /** Draws nothing (State, Timer): a layout ignores it when deciding whether to show a frame. */
  noView?: boolean;
  /** Computes the starting value from the props (gr.BrowserState reads localStorage). */
  initialValue?: (props: Props) => unknown;
};

export type RulesFor = (type: string) => TypeRules;

export class ComponentState {
  readonly id: number;
  readonly type: string;
  readonly rules: TypeRules;
  readonly props: Signal<Props>;
  readonly status = signal<LoadingStatus | null>(null);
  /** Message from a listener's `validator=` about this input, until edited or re-run. */
  readonly validation = signal<string | null>(null);
  /** Which dependency owns `status`, so a finishing job clears only its own. */
  statusOwner: number | null = null;
  /** The `@gr.render` whose run mounted this block (null for the app's own blocks). */
  renderedIn: number | null = null;

  constructor(cfg: ComponentConfig, rules: TypeRules = {}) {
    this.id = cfg.id;
    this.type = cfg.type;
    this.rules = rules;
    this.props = signal({ ...cfg.props });
  }

  get value(): unknown {
    return this.props.value.value;
  }
}

type ChangeListener = (id: number, source: ValueSource) => void;

const plain = (v: object): boolean => Array.isArray(v) || [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * `next` with every part deep-equal to the same part of `prev` replaced by `prev`'s own
 * object, or `prev` itself when the two are equal. A server answer is a fresh JSON tree
 * each time (a chat's whole history, say): sharing the unchanged parts lets views memoised
 * on identity skip them (only the new message renders), and tells "no change" without
 * serialising both values. Plain objects and arrays only; anything else (File, Blob, Date)
 * is compared by identity. Neither argument is mutated.
 */
export function shareEqual(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev; // (NaN is the one scalar not === to itself)
  if (!prev || !next || typeof prev != "object" || typeof next != "object" || Array.isArray(prev) != Array.isArray(next)
    || !plain(prev) || !plain(next)) return next;
  const a = prev as Record<string, unknown>, b = next as Record<string, unknown>;
  const keys = Object.keys(b);
  let same = keys.length == Object.keys(a).length;
  const out: Record<string, unknown> = Array.isArray(b) ? ([] as unknown as Record<string, unknown>) : {};
  for (const k of keys) {
    const had = Object.hasOwn(a, k);
    const v = had ? shareEqual(a[k], b[k]) : b[k];
    out[k] = v;
    same &&= had && Object.is(v, a[k]);
  }
  return same ? prev : out;
}

/**
 * Gradio's rule (js/core init_utils `determine_interactivity`): explicit
 * `interactive` wins; otherwise a component is interactive if it is an input
 * of some dependency, or if it is not an output and has no default value.
 */
function resolveInteractive(
  id: number,
  props: Props,
  inputs: Set<number>,
  outputs: Set<number>,
): boolean {
  if (props.interactive === false) return false;
  if (props.interactive === true) return true;
  const v = props.value;
  const noDefault = (Array.isArray(v) && v.length === 0) || v === "" || v === 0 || !v;
  return inputs.has(id) || (!outputs.has(id) && noDefault);
}

export class Store {
  private readonly _map = new Map<number, ComponentState>();
  private _onChange: ChangeListener = () => {};
  /** Change notifications held back while a whole output set is applied. */
  private _held: [number, ValueSource][] | null = null;
  private readonly _rulesFor: RulesFor;
  /** Children of containers a `@gr.render` run filled, replacing the config layout's. */
  private readonly _children = signal<ReadonlyMap<number, LayoutNode[]>>(new Map());

  /** Replaces `gr.I18n` markers in props coming from Python (`ui/i18n.ts`); identity without tables. */
  private readonly _translate: (value: unknown) => unknown;

  constructor(components: ComponentConfig[], deps: DependencyConfig[], rulesFor: RulesFor = () => ({}),
    translate?: (value: unknown) => unknown) {
    this._rulesFor = rulesFor;
    this._translate = translate ?? ((v) => v);
    this._add(components, deps);
  }

  private _add(components: ComponentConfig[], deps: DependencyConfig[]): void {
    const inputs = new Set<number>();
    const outputs = new Set<number>();
    for (const d of deps) {
      d.inputs.forEach((i) => inputs.add(i));
      d.outputs.forEach((o) => outputs.add(o));
    }
    for (const c of components) {
      const st = new ComponentState(c, this._rulesFor(c.type));
      const p = this._translate(st.props.peek()) as Props;
      const interactive = resolveInteractive(c.id, p, inputs, outputs);
      // Gradio's views start from their own empty value when the config has
      // none (an untouched textbox sends "", not null).
      const empty = st.rules.emptyValue;
      const value = st.rules.initialValue
        ? st.rules.initialValue(p)
        : p.value == null && empty !== undefined ? structuredClone(empty) : p.value;
      st.props.value = { ...p, value, interactive };
      this._map.set(c.id, st);
    }
  }

  /** The children a render put in container `id` (reading subscribes), or undefined. */
  childrenOf(id: number): LayoutNode[] | undefined {
    return this._children.value.get(id);
  }

  /**
   * Mounts the result of a `@gr.render` run: drops the blocks of its previous
   * run, adds the new ones and lays them out in the render's container. A
   * block that comes back with the same id and a `key` (Gradio keeps its id
   * across renders) keeps the current values of its `preserved_by_key` props,
   * so what the user typed survives the re-render.
   */
  mountRender(renderId: number, layout: LayoutNode, components: ComponentConfig[], deps: DependencyConfig[]): void {
    const kept = new Map<number, Props>();
    for (const c of components) {
      const old = this._map.get(c.id);
      if (!old || c.props.key == null) continue;
      const names = Array.isArray(c.props.preserved_by_key) ? (c.props.preserved_by_key as string[]) : [];
      const cur = old.props.peek();
      kept.set(c.id, Object.fromEntries(names.filter((n) => n in cur).map((n) => [n, cur[n]])));
    }
    for (const [id, st] of this._map) if (st.renderedIn === renderId) this._map.delete(id);
    batch(() => {
      this._add(components, deps);
      for (const c of components) {
        const st = this._map.get(c.id)!;
        st.renderedIn = c.rendered_in ?? null;
        const preserved = kept.get(c.id);
        if (preserved) st.props.value = { ...st.props.peek(), ...preserved };
      }
      const next = new Map(this._children.peek());
      next.set(layout.id, layout.children ?? []);
      this._children.value = next;
    });
  }

  setChangeListener(fn: ChangeListener): void {
    this._onChange = fn;
  }

  get(id: number): ComponentState | undefined {
    return this._map.get(id);
  }

  all(): IterableIterator<ComponentState> {
    return this._map.values();
  }

  value(id: number): unknown {
    return this._map.get(id)?.value;
  }

  /** Sets a value; fires change (and input for user edits) when it differs. */
  setValue(id: number, value: unknown, source: ValueSource): void {
    const st = this._map.get(id);
    if (!st) return;
    const old = st.props.peek();
    if (source !== "user") value = this._translate(value);
    if (value == null && st.rules.nullIsEmpty && st.rules.emptyValue !== undefined) value = structuredClone(st.rules.emptyValue);
    const shared = shareEqual(old.value, value);
    if (shared === old.value) return;
    // A view's own value keeps its identity: views (the image editor) tell their own value
    // from one that came from Python by identity. Only server answers share parts.
    if (source !== "user") value = shared;
    st.props.value = { ...old, value };
    if (source === "user") st.validation.value = null;
    if (this._held) this._held.push([id, source]);
    else this._onChange(id, source);
  }

  /**
   * Runs `fn` (which sets several values) and only then fires the change
   * notifications, so listeners see every output of one event applied.
   */
  transaction(fn: () => void): void {
    if (this._held) return fn();
    this._held = [];
    try {
      batch(fn);
    } finally {
      const held = this._held;
      this._held = null;
      for (const [id, source] of held) this._onChange(id, source);
    }
  }

  /** Applies a `__type__: "update"` object (value handled like an output). */
  applyUpdate(id: number, update: Props): void {
    const st = this._map.get(id);
    if (!st) return;
    const { __type__: _t, value, ...rest } = update;
    batch(() => {
      if (Object.keys(rest).length) st.props.value = { ...st.props.peek(), ...(this._translate(rest) as Props) };
      if ("value" in update) this.setValue(id, value, "output");
    });
  }
}
