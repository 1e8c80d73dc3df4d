/**
 * gr.Dataframe: a table with sticky headers that renders only the rows in
 * view (10,000 rows scroll like 10), sorting by header click, search and
 * column filters, copy / fullscreen, row numbers, pinned columns, and — when
 * interactive — cell editing (double-click, Enter or typing), bool toggles
 * and adding rows. markdown/html cells are sanitised by DOMPurify; pandas
 * Styler colours and display values come from `value.metadata`.
 *
 * Sorting and filtering only change the display order: event indices and
 * edits always refer to the row in the data Python holds.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { sanitizeHtml } from "../ui/sanitize.js";
import { renderMath, renderMessage, type Delimiter } from "../ui/richtext.js";
import { Block, classList } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { CopyButton, IconButtons, hasButton } from "../ui/buttons.js";
import { FullscreenButton } from "../ui/actionbuttons.js";
import { withReadableText } from "../ui/contrast.js";
import css from "./Dataframe.css?inline";
import { domId, num, str, type ViewModule, type ViewProps } from "./context.js";
import {
  NUMBER_FILTERS,
  TEXT_FILTERS,
  blankRow,
  castCell,
  cellText,
  columnTypes,
  nextSort,
  readValue,
  rowWindow,
  toTsv,
  visibleRows,
  widthOf,
  type Cell,
  type ColumnFilter,
  type Datatype,
  type SortState,
  type TableValue,
} from "./dataframe-table.js";

const DEFAULT_ROW_HEIGHT = 35;
type Coord = [number, number];

/** `[min, max]` of Gradio's row_limits / column_limits (null: no limit). */
function limits(raw: unknown): [number | null, number | null] {
  const at = (i: number): number | null => (Array.isArray(raw) && typeof raw[i] === "number" ? (raw[i] as number) : null);
  return [at(0), at(1)];
}

/** Gradio's `latex_delimiters` prop: the well-formed entries. */
function latexDelimiters(raw: unknown): Delimiter[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((d): d is Delimiter => !!d && typeof d.left === "string" && typeof d.right === "string" && d.left !== "")
    .map((d) => ({ left: d.left, right: d.right, display: d.display === true }));
}

/** Sanitised HTML of markdown/html cells, cached: scrolling re-mounts cells constantly. */
const richCache = new Map<string, string>();

function RichCell({ text, kind, lineBreaks, delimiters }: { text: string; kind: "markdown" | "html"; lineBreaks: boolean; delimiters: Delimiter[] }): ComponentChild {
  const math = kind === "markdown" ? delimiters : [];
  const key = `${kind}\u0000${lineBreaks ? 1 : 0}\u0000${JSON.stringify(math)}\u0000${text}`;
  const [html, setHtml] = useState<string | null>(richCache.get(key) ?? null);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (richCache.has(key)) return setHtml(richCache.get(key)!);
    let live = true;
    // Markdown cells keep their LaTeX out of the Markdown pass (as Gradio's latex_delimiters).
    const job = kind === "markdown" ? renderMessage(text, { markdown: true, lineBreaks, delimiters: math }) : sanitizeHtml(text);
    void job.then((out) => {
      if (richCache.size > 5000) richCache.clear();
      richCache.set(key, out);
      if (live) setHtml(out);
    });
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    if (html !== null && ref.current && math.length) void renderMath(ref.current, math);
  }, [html, key]);
  // Until the sanitiser has loaded, show the source as plain text (never as HTML).
  return html === null
    ? h("span", { class: "df-rich pending-render" }, text)
    : h("span", { ref, class: `df-rich df-${kind}`, dangerouslySetInnerHTML: { __html: html } });
}

/** The in-cell text input: focused on mount; Enter saves, Escape cancels, leaving saves. */
function Editor({ text, label, onText, onDone }: { text: string; label: string; onText: (t: string) => void; onDone: (save: boolean) => void }): ComponentChild {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return h("input", {
    ref,
    class: "df-editor",
    value: text,
    "aria-label": label,
    onInput: (e: Event) => onText((e.currentTarget as HTMLInputElement).value),
    onKeyDown: (e: KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === "Enter") onDone(true);
      else if (e.key === "Escape") onDone(false);
    },
    onBlur: () => onDone(true),
  });
}

/** An image cell: the cell's text is the image's URL (as Gradio shows it, no label, no buttons). */
function ImageCell({ url, resolve }: { url: string; resolve: (url: string) => Promise<string> }): ComponentChild {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSrc(null);
    // Only image sources: http(s), blob, data:image and scheme-less (site) paths.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    if (!url || (scheme && !["http", "https", "blob"].includes(scheme) && !/^data:image\//i.test(url))) return;
    void resolve(url).then((u) => live && setSrc(u), () => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [url]);
  return src ? h("img", { class: "df-image", src, alt: "", loading: "lazy", decoding: "async" }) : h("span", { class: "df-image-empty" });
}

type CellProps = {
  value: Cell;
  shown: string | null;
  type: Datatype;
  maxChars: number | null;
  lineBreaks: boolean;
  delimiters: Delimiter[];
  editable: boolean;
  onToggle: (v: boolean) => void;
  resolve: (url: string) => Promise<string>;
};

function CellContent({ value, shown, type, maxChars, lineBreaks, delimiters, editable, onToggle, resolve }: CellProps): ComponentChild {
  if (type === "bool" && (typeof value === "boolean" || value == null)) {
    return h("input", {
      type: "checkbox",
      class: "df-bool",
      checked: value === true,
      disabled: !editable,
      "aria-label": String(value === true),
      onClick: (e: Event) => e.stopPropagation(),
      onChange: (e: Event) => onToggle((e.currentTarget as HTMLInputElement).checked),
    });
  }
  const text = shown ?? cellText(value);
  if (type === "image") return h(ImageCell, { url: text.trim(), resolve });
  if (type === "markdown" || type === "html") return h(RichCell, { text, kind: type, lineBreaks, delimiters });
  if (maxChars != null && maxChars > 0 && text.length > maxChars) return h("span", { title: text }, `${text.slice(0, maxChars)}…`);
  return text;
}

/** The row/column menu of a cell (right click, or the context-menu key on the selected cell). */
function CellMenu({ x, y, items, onClose }: { x: number; y: number; items: readonly (readonly [string, () => void])[]; onClose: () => void }): ComponentChild {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.querySelector<HTMLButtonElement>("button")?.focus(), []);
  return h(
    "div",
    {
      ref,
      class: "df-menu",
      role: "menu",
      style: { left: `${x}px`, top: `${y}px` },
      onClick: (e: Event) => e.stopPropagation(),
      onKeyDown: (e: KeyboardEvent) => {
        const buttons = Array.from(ref.current?.querySelectorAll("button") ?? []);
        // Inside the shadow root, the focused element is the root's, not the document's.
        const root = ref.current?.getRootNode() as Document | ShadowRoot | undefined;
        const i = buttons.indexOf(root?.activeElement as HTMLButtonElement);
        if (e.key === "Escape") onClose();
        else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          buttons[(i + (e.key === "ArrowDown" ? 1 : buttons.length - 1)) % buttons.length]?.focus();
        }
        e.stopPropagation();
      },
    },
    items.map(([label, run]) =>
      h("button", { key: label, type: "button", role: "menuitem", onClick: () => { run(); onClose(); } }, label)),
  );
}

function FilterBar({
  headers,
  types,
  filters,
  setFilters,
}: {
  headers: string[];
  types: Datatype[];
  filters: ColumnFilter[];
  setFilters: (f: ColumnFilter[]) => void;
}): ComponentChild {
  const [col, setCol] = useState(0);
  const ops = types[col] === "number" ? NUMBER_FILTERS : TEXT_FILTERS;
  const [op, setOp] = useState<string>(ops[0] ?? "");
  const [val, setVal] = useState("");
  const opNow: string = ops.includes(op) ? op : (ops[0] ?? "");
  return h(
    "div",
    { class: "df-filters" },
    h("select", { "aria-label": "Filter column", value: String(col), onChange: (e: Event) => setCol(Number((e.currentTarget as HTMLSelectElement).value)) },
      headers.map((x, i) => h("option", { key: i, value: String(i) }, x))),
    h("select", { "aria-label": "Filter operator", value: opNow, onChange: (e: Event) => setOp((e.currentTarget as HTMLSelectElement).value) },
      ops.map((o) => h("option", { key: o, value: o }, o))),
    opNow.startsWith("Is ") && opNow.includes("empty")
      ? null
      : h("input", { class: "df-filter-value", "aria-label": "Filter value", value: val, onInput: (e: Event) => setVal((e.currentTarget as HTMLInputElement).value) }),
    h("button", { type: "button", class: "df-small-button", onClick: () => setFilters([...filters, { col, op: opNow, value: val }]) }, "Add filter"),
    filters.map((f, i) =>
      h("span", { key: i, class: "df-chip" }, `${headers[f.col] ?? f.col} ${f.op} ${f.value}`,
        h("button", { type: "button", "aria-label": "Remove filter", onClick: () => setFilters(filters.filter((_, j) => j !== i)) }, "×")),
    ),
  );
}

export function Dataframe({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const value: TableValue = useMemo(() => readValue(props.value), [props.value]);
  const width = Math.max(value.headers.length, value.data[0]?.length ?? 0);
  const headers = Array.from({ length: width }, (_, i) => value.headers[i] ?? String(i + 1));
  const types = columnTypes(props.datatype, width);
  const editable = props.interactive === true;
  const staticCols = new Set(Array.isArray(props.static_columns) ? (props.static_columns as number[]) : []);
  const rowCount = Array.isArray(props.row_count) ? props.row_count : [];
  const canAddRow = editable && rowCount[1] !== "fixed";
  const colCount = Array.isArray(props.column_count) ? props.column_count : [];
  // Gradio fixes the columns when some are static.
  const canAddCol = editable && colCount[1] !== "fixed" && staticCols.size === 0;
  // Gradio's row_limits / column_limits: [min, max], either may be null.
  const [rowMin, rowMax] = limits(props.row_limits);
  const [colMin, colMax] = limits(props.column_limits);
  const search = str(props.show_search, "none");
  const maxChars = num(props.max_chars);
  const lineBreaks = props.line_breaks !== false;
  const delimiters = useMemo(() => latexDelimiters(props.latex_delimiters), [props.latex_delimiters]);
  const pinned = Math.max(0, num(props.pinned_columns) ?? 0);
  const rowNumbers = props.show_row_numbers === true;
  const shown = (value.metadata?.display_value as string[][] | undefined) ?? null;
  const styling = (value.metadata?.styling as string[][] | undefined) ?? null;

  const [sort, setSort] = useState<SortState>(null);
  const [query, setQuery] = useState("");
  const [filters, setFilters] = useState<ColumnFilter[]>([]);
  const [selected, setSelected] = useState<Coord | null>(null);
  const [editing, setEditing] = useState<{ at: Coord; text: string } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(500);
  const [rowHeight, setRowHeight] = useState(DEFAULT_ROW_HEIGHT);
  const [pinLeft, setPinLeft] = useState<number[]>([]);
  const scroller = useRef<HTMLDivElement>(null);
  const headRow = useRef<HTMLTableRowElement>(null);
  const frame = useRef(0);

  const order = useMemo(
    () => visibleRows(value.data, types, sort, query, filters, shown),
    [value.data, sort, query, filters, shown, types.join()],
  );
  const { start, end } = rowWindow(order.length, scrollTop, viewport, rowHeight);

  // Measure the viewport and a real row once rendered (wrap / fonts change heights).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight || 500);
    const row = el.querySelector<HTMLElement>("tbody tr.df-row");
    if (row && row.offsetHeight > 0 && Math.abs(row.offsetHeight - rowHeight) > 1) setRowHeight(row.offsetHeight);
    // Pinned columns stick at the summed widths of the columns before them.
    if (pinned > 0 && headRow.current) {
      const cells = Array.from(headRow.current.children) as HTMLElement[];
      const lefts: number[] = [];
      let x = 0;
      for (const c of cells) {
        lefts.push(x);
        x += c.offsetWidth;
      }
      if (lefts.join() !== pinLeft.join()) setPinLeft(lefts);
    }
  });

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = (e: Event): void => {
    const el = e.currentTarget as HTMLDivElement;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(el.scrollTop));
  };

  const commit = (data: Cell[][], hdrs?: string[]): void => {
    const sameShape = hdrs === undefined && data.length === value.data.length;
    ctx.userInput(state.id, {
      headers: hdrs ?? (value.headers.length ? value.headers : headers),
      data,
      // Styler metadata is per cell: it only still fits when no row or column moved.
      metadata: sameShape ? value.metadata : null,
    });
  };

  /** The cell menu's structural edits (rows and columns), in data coordinates. */
  const rowsGrow = canAddRow && (rowMax == null || value.data.length < rowMax);
  const rowsShrink = canAddRow && value.data.length > (rowMin ?? 0);
  const colsGrow = canAddCol && (colMax == null || width < colMax);
  const colsShrink = canAddCol && width > Math.max(1, colMin ?? 1);
  const addRow = (at: number): void => commit([...value.data.slice(0, at), blankRow(types, width), ...value.data.slice(at)]);
  const deleteRow = (r: number): void => {
    commit(value.data.filter((_, i) => i !== r));
    setSelected(null);
  };
  const addColumn = (at: number): void => {
    const name = String(width + 1);
    commit(value.data.map((row) => [...row.slice(0, at), "", ...row.slice(at)]), [...headers.slice(0, at), name, ...headers.slice(at)]);
  };
  const deleteColumn = (c: number): void => {
    if (width <= 1) return;
    commit(value.data.map((row) => row.filter((_, j) => j !== c)), headers.filter((_, j) => j !== c));
    setSelected(null);
  };
  const [menu, setMenu] = useState<{ at: Coord; x: number; y: number } | null>(null);
  useEffect(() => {
    if (!menu) return;
    const close = (): void => setMenu(null);
    window.addEventListener("click", close);
    return () => window.removeEventListener("click", close);
  }, [menu]);
  const openMenu = (r: number, c: number, target: Element): void => {
    if (!canAddRow && !canAddCol) return;
    const block = scroller.current?.closest(".block")?.getBoundingClientRect();
    const cell = target.getBoundingClientRect();
    setSelected([r, c]);
    setMenu({ at: [r, c], x: cell.left - (block?.left ?? 0) + 8, y: cell.bottom - (block?.top ?? 0) });
  };

  const setCell = (r: number, c: number, v: Cell): void => {
    const prev = value.data[r]?.[c];
    if (prev === v || cellText(prev) === cellText(v)) return;
    const data = value.data.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));
    commit(data);
    ctx.trigger(state.id, "edit", { index: [r, c], value: v, previous_value: cellText(prev) });
  };

  const canEdit = (c: number): boolean => editable && !staticCols.has(c);

  const select = (r: number, c: number): void => {
    setSelected([r, c]);
    const row = value.data[r] ?? [];
    ctx.trigger(state.id, "select", {
      index: [r, c],
      value: row[c] ?? null,
      row_value: row,
      col_value: value.data.map((x) => x[c] ?? null),
      selected: true,
    });
  };

  const startEdit = (r: number, c: number, text?: string): void => {
    if (!canEdit(c) || types[c] === "bool") return;
    setEditing({ at: [r, c], text: text ?? cellText(value.data[r]?.[c]) });
  };

  // Enter then the input's removal can both end one edit: only the first counts.
  const doneFor = useRef<object | null>(null);
  const finishEdit = (save: boolean): void => {
    if (!editing || doneFor.current === editing) return;
    doneFor.current = editing;
    const [r, c] = editing.at;
    setEditing(null);
    if (save) setCell(r, c, castCell(editing.text, types[c] ?? "str"));
    scroller.current?.focus();
  };

  /** Keyboard: arrows move the selection in display order, Enter / typing edits. */
  const onKeyDown = (e: KeyboardEvent): void => {
    if (editing || !selected) return;
    const [r, c] = selected;
    if (e.key === "ContextMenu" || (e.key === "F10" && e.shiftKey)) {
      e.preventDefault();
      const cell = scroller.current?.querySelector(`tr[data-row="${r}"] td[data-col="${c}"]`);
      if (cell) openMenu(r, c, cell);
      return;
    }
    const pos = order.indexOf(r);
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const mv = moves[e.key];
    if (mv) {
      e.preventDefault();
      const nr = order[Math.min(order.length - 1, Math.max(0, pos + mv[0]))];
      const nc = Math.min(width - 1, Math.max(0, c + mv[1]));
      if (nr != null) select(nr, nc);
      return;
    }
    if (e.key === "Enter") {
      e.preventDefault();
      startEdit(r, c);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(r, c, e.key);
    }
  };

  const stickyStyle = (c: number): Record<string, string> | undefined => {
    const slot = c + (rowNumbers ? 1 : 0);
    return c < pinned && pinLeft[slot] != null ? { left: `${pinLeft[slot]}px` } : undefined;
  };

  const header = h(
    "tr",
    { ref: headRow },
    rowNumbers ? h("th", { class: classList("df-rownum", pinned > 0 && "df-pinned"), style: pinned > 0 ? { left: "0px" } : undefined, scope: "col" }, "") : null,
    headers.map((name, c) => {
      const dir = sort?.col === c ? sort.dir : null;
      return h(
        "th",
        {
          key: c,
          scope: "col",
          class: classList(c < pinned && "df-pinned", types[c] === "number" && "df-num"),
          style: stickyStyle(c),
          "aria-sort": dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none",
        },
        h(
          "button",
          { type: "button", class: "df-sort", title: `Sort by ${name}`, onClick: () => setSort(nextSort(sort, c)) },
          h("span", { class: "df-head-text" }, name),
          h("span", { class: classList("df-sort-icon", dir && "active"), "aria-hidden": "true" }, dir === "desc" ? "▼" : dir === "asc" ? "▲" : "⇅"),
        ),
      );
    }),
  );

  const rows = order.slice(start, end).map((r) => {
    const row = value.data[r];
    return h(
      "tr",
      { key: r, class: "df-row", "data-row": r },
      rowNumbers ? h("td", { class: classList("df-rownum", pinned > 0 && "df-pinned"), style: pinned > 0 ? { left: "0px" } : undefined }, String(r + 1)) : null,
      Array.from({ length: width }, (_, c) => {
        const isSel = selected?.[0] === r && selected[1] === c;
        const isEdit = editing?.at[0] === r && editing.at[1] === c;
        const css = withReadableText(styling?.[r]?.[c] || "");
        return h(
          "td",
          {
            key: c,
            class: classList("df-cell", isSel && "selected", c < pinned && "df-pinned", types[c] === "number" && "df-num", !canEdit(c) && editable && "df-static"),
            style: css ? `${css}; ${stickyStyle(c) ? `left: ${stickyStyle(c)!.left}` : ""}` : stickyStyle(c),
            "data-col": c,
            "aria-selected": isSel ? "true" : undefined,
            onClick: () => select(r, c),
            onDblClick: () => startEdit(r, c),
            onContextMenu: (e: MouseEvent) => {
              if (!canAddRow && !canAddCol) return;
              e.preventDefault();
              openMenu(r, c, e.currentTarget as Element);
            },
          },
          isEdit
            ? h(Editor, {
                text: editing!.text,
                label: `Edit ${headers[c]} row ${r + 1}`,
                onText: (text: string) => setEditing({ at: [r, c], text }),
                onDone: finishEdit,
              })
            : h(CellContent, {
                value: row?.[c],
                shown: shown?.[r]?.[c] != null ? String(shown[r]?.[c]) : null,
                type: types[c] ?? "str",
                maxChars,
                lineBreaks,
                delimiters,
                editable: canEdit(c),
                onToggle: (v: boolean) => setCell(r, c, v),
                resolve: ctx.resolveUrl,
              }),
        );
      }),
    );
  });

  const cols = width + (rowNumbers ? 1 : 0);
  const spacer = (px: number, key: string): ComponentChild =>
    px > 0 ? h("tr", { key, class: "df-spacer", "aria-hidden": "true" }, h("td", { colSpan: cols, style: { height: `${px}px` } })) : null;
  const maxHeight = typeof props.max_height === "number" ? `${props.max_height}px` : str(props.max_height) || "500px";
  const hasWidths = Array.isArray(props.column_widths) && props.column_widths.length > 0;
  // With every column in px the table is exactly their sum (scrolling sideways when wider
  // than the block); a fixed-layout table at 100% would squeeze them instead.
  const pxWidths = headers.map((_, c) => widthOf(props.column_widths, c));
  const tableWidth = hasWidths && pxWidths.every((w) => w?.endsWith("px"))
    ? `calc(${pxWidths.map((w) => w ?? "0px").join(" + ")}${rowNumbers ? " + 3.5em" : ""})`
    : undefined;

  return h(
    Block,
    { state, class: "dataframe" },
    h(
      "div",
      { class: "df-top" },
      h(BlockTitle, { props }),
      h(
        "div",
        { class: "df-toolbar" },
        search !== "none"
          ? h("input", {
              type: "search",
              class: "df-search",
              placeholder: "Search…",
              "aria-label": "Search the table",
              value: query,
              onInput: (e: Event) => setQuery((e.currentTarget as HTMLInputElement).value),
            })
          : null,
        h(
          IconButtons,
          null,
          hasButton(props, "copy") ? h(CopyButton, { text: toTsv(headers, value.data, order), label: "Copy table" }) : null,
          hasButton(props, "fullscreen") ? h(FullscreenButton, { target: () => scroller.current?.closest(".block") ?? null }) : null,
        ),
      ),
    ),
    search === "filter" ? h(FilterBar, { headers, types, filters, setFilters }) : null,
    h(
      "div",
      {
        ref: scroller,
        class: classList("df-scroll", props.wrap === true ? "df-wrap" : "df-nowrap"),
        style: { maxHeight },
        tabIndex: 0,
        role: "grid",
        "aria-rowcount": order.length + 1,
        "aria-label": str(props.label, "Dataframe"),
        id: domId(state.id, "table"),
        onScroll,
        onKeyDown,
      },
      h(
        "table",
        { class: classList("df-table", hasWidths && "df-fixed"), style: tableWidth ? { width: tableWidth } : undefined },
        hasWidths
          ? h("colgroup", null, rowNumbers ? h("col", { style: { width: "3.5em" } }) : null,
              headers.map((_, c) => h("col", { key: c, style: { width: widthOf(props.column_widths, c) } })))
          : null,
        h("thead", null, header),
        h(
          "tbody",
          null,
          spacer(start * rowHeight, "top"),
          rows,
          spacer((order.length - end) * rowHeight, "bottom"),
          order.length === 0 ? h("tr", { class: "df-empty" }, h("td", { colSpan: cols }, value.data.length ? "No matching rows" : "No data")) : null,
        ),
      ),
    ),
    rowsGrow
      ? h(
          "button",
          { type: "button", class: "df-small-button df-add-row", onClick: () => addRow(value.data.length) },
          "+ Add row",
        )
      : null,
    menu ? h(CellMenu, {
      x: menu.x,
      y: menu.y,
      items: [
        ...(rowsGrow ? [["Add row above", () => addRow(menu.at[0])], ["Add row below", () => addRow(menu.at[0] + 1)]] as const : []),
        ...(rowsShrink ? [["Delete row", () => deleteRow(menu.at[0])]] as const : []),
        ...(colsGrow ? [["Add column left", () => addColumn(menu.at[1])], ["Add column right", () => addColumn(menu.at[1] + 1)]] as const : []),
        ...(colsShrink ? [["Delete column", () => deleteColumn(menu.at[1])]] as const : []),
      ],
      onClose: () => {
        setMenu(null);
        scroller.current?.focus();
      },
    }) : null,
  );
}

export default { view: Dataframe, css } satisfies ViewModule;
