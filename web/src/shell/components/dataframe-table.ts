/**
 * The pure parts of gr.Dataframe's view: datatypes per column, casting an
 * edited cell, sorting and searching into a list of row indices (the data is
 * never reordered, so event indices always point at the value Python holds),
 * the visible window of a scrolled table, and TSV for the copy button.
 */

export type Cell = unknown;
export type Datatype = "str" | "number" | "bool" | "date" | "markdown" | "html" | "image";
export type TableValue = { headers: string[]; data: Cell[][]; metadata: Record<string, string[][] | null> | null };
export type SortState = { col: number; dir: "asc" | "desc" } | null;

/** The payload the server sent, made safe to index (missing parts become empty). */
export function readValue(v: unknown): TableValue {
  const o = (v && typeof v === "object" ? v : {}) as Partial<TableValue>;
  const data = Array.isArray(o.data) ? o.data.map((r) => (Array.isArray(r) ? r : [r])) : [];
  const headers = Array.isArray(o.headers) ? o.headers.map((x) => (x == null ? "" : String(x))) : [];
  const metadata = o.metadata && typeof o.metadata === "object" ? o.metadata : null;
  return { headers, data, metadata };
}

/** `datatype` is one name for every column or a list (missing columns are "str"). */
export function columnTypes(datatype: unknown, n: number): Datatype[] {
  const list = Array.isArray(datatype) ? datatype : Array.from({ length: n }, () => datatype);
  return Array.from({ length: n }, (_, i) => {
    const t = list[i];
    return typeof t === "string" && t !== "auto" ? (t as Datatype) : "str";
  });
}

/** An edited cell's text → the value stored for that column's datatype (as Gradio casts). */
export function castCell(text: string, type: Datatype): Cell {
  if (type === "number") {
    if (text.trim() === "") return null;
    const n = Number(text);
    return Number.isNaN(n) ? text : n;
  }
  if (type === "bool") {
    const s = text.trim().toLowerCase();
    if (s === "true" || s === "1") return true;
    if (s === "false" || s === "0") return false;
    return text;
  }
  return text;
}

/** The text a cell shows (display values from a pandas Styler win). */
export function cellText(v: Cell): string {
  if (v == null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const isEmpty = (v: Cell): boolean => v == null || v === "";

/** Natural order of two non-empty cells of a column. */
function compare(a: Cell, b: Cell, type: Datatype): number {
  if (type === "number" || (typeof a === "number" && typeof b === "number")) {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  if (type === "date") {
    const x = Date.parse(String(a));
    const y = Date.parse(String(b));
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

/** Clicking a header cycles ascending → descending → unsorted. */
export function nextSort(cur: SortState, col: number): SortState {
  if (!cur || cur.col !== col) return { col, dir: "asc" };
  return cur.dir === "asc" ? { col, dir: "desc" } : null;
}

export type ColumnFilter = { col: number; op: string; value: string };

export const TEXT_FILTERS = ["Contains", "Does not contain", "Starts with", "Ends with", "Is", "Is not", "Is empty", "Is not empty"];
export const NUMBER_FILTERS = ["=", "≠", ">", "<", "≥", "≤", "Is empty", "Is not empty"];

/** One column filter against one cell (the operators of Gradio's filter menu). */
export function passesFilter(cell: Cell, f: ColumnFilter, type: Datatype): boolean {
  const text = cellText(cell);
  if (f.op === "Is empty") return text.trim() === "";
  if (f.op === "Is not empty") return text.trim() !== "";
  if (type === "number") {
    const x = parseFloat(text);
    const y = parseFloat(f.value);
    if (Number.isNaN(x) || Number.isNaN(y)) return true;
    switch (f.op) {
      case "=": return x === y;
      case "≠": return x !== y;
      case ">": return x > y;
      case "<": return x < y;
      case "≥": return x >= y;
      case "≤": return x <= y;
      default: return true;
    }
  }
  const a = text.toLowerCase();
  const b = f.value.toLowerCase();
  switch (f.op) {
    case "Contains": return a.includes(b);
    case "Does not contain": return !a.includes(b);
    case "Starts with": return a.startsWith(b);
    case "Ends with": return a.endsWith(b);
    case "Is": return a === b;
    case "Is not": return a !== b;
    default: return true;
  }
}

/**
 * Row indices to show, in display order: rows matching the search text (any
 * cell contains it, case-insensitive) and every column filter, then sorted.
 */
export function visibleRows(
  data: Cell[][],
  types: Datatype[],
  sort: SortState,
  search: string,
  filters: ColumnFilter[] = [],
  shown?: string[][] | null,
): number[] {
  const q = search.trim().toLowerCase();
  const text = (r: number, c: number): string => {
    const s = shown?.[r]?.[c];
    return s != null ? String(s) : cellText(data[r]?.[c]);
  };
  let rows = data.map((_, i) => i);
  if (q) rows = rows.filter((r) => (data[r] ?? []).some((_, c) => text(r, c).toLowerCase().includes(q)));
  for (const f of filters) rows = rows.filter((r) => passesFilter(data[r]?.[f.col], f, types[f.col] ?? "str"));
  if (sort) {
    const sign = sort.dir === "asc" ? 1 : -1;
    const t = types[sort.col] ?? "str";
    // Stable: ties keep the data order.
    rows.sort((a, b) => {
      const x = data[a]?.[sort.col];
      const y = data[b]?.[sort.col];
      // Empty cells go last in both directions.
      if (isEmpty(x) || isEmpty(y)) return Number(isEmpty(x)) - Number(isEmpty(y)) || a - b;
      return sign * compare(x, y, t) || a - b;
    });
  }
  return rows;
}

/** The slice of rows to render for a scroll position, with `overscan` extra rows either side. */
export function rowWindow(
  total: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  overscan = 8,
): { start: number; end: number } {
  if (rowHeight <= 0) return { start: 0, end: total };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(viewport, rowHeight) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + count + overscan);
  return { start, end };
}

/** Tab-separated text of the headers and the given rows (what spreadsheets paste). */
export function toTsv(headers: string[], data: Cell[][], rows: number[]): string {
  const clean = (s: string): string => s.replace(/[\t\r\n]+/g, " ");
  const lines = [headers.map(clean).join("\t")];
  for (const r of rows) lines.push((data[r] ?? []).map((v) => clean(cellText(v))).join("\t"));
  return lines.join("\n");
}

/** An empty row for "add row": numbers and bools start empty, text starts "". */
export function blankRow(types: Datatype[], width: number): Cell[] {
  return Array.from({ length: width }, (_, c) => (types[c] === "number" || types[c] === "bool" ? null : ""));
}

/** `column_widths` entries ("100px", "30%", "auto") for a <col> element. */
export function widthOf(widths: unknown, c: number): string | undefined {
  if (!Array.isArray(widths)) return undefined;
  const w = widths[c];
  if (typeof w === "number") return `${w}px`;
  return typeof w === "string" && w ? w : undefined;
}
