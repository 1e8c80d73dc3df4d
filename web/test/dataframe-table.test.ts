/** gr.Dataframe's pure table logic: casting, sorting, search/filters, windowing, TSV. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  castCell, columnTypes, nextSort, passesFilter, readValue, rowWindow, toTsv, visibleRows,
} from "../src/shell/components/dataframe-table.js";

const data = [[3, "cherry", "2024-03-01"], [1, "apple", "2023-12-31"], [null, "Banana", "2024-01-15"], [10, "date", ""]];
const types = columnTypes(["number", "str", "date"], 3);

test("datatype list and single name", () => {
  assert.deepEqual(columnTypes("number", 2), ["number", "number"]);
  assert.deepEqual(columnTypes(["bool"], 2), ["bool", "str"]);
});

test("edited text is cast by datatype", () => {
  assert.equal(castCell("42", "number"), 42);
  assert.equal(castCell("", "number"), null);
  assert.equal(castCell("4x", "number"), "4x");
  assert.equal(castCell("TRUE", "bool"), true);
  assert.equal(castCell("0", "bool"), false);
  assert.equal(castCell("7", "str"), "7");
});

test("sorting orders indices, numbers numerically, empties last, data untouched", () => {
  assert.deepEqual(visibleRows(data, types, { col: 0, dir: "asc" }, ""), [1, 0, 3, 2]);
  assert.deepEqual(visibleRows(data, types, { col: 0, dir: "desc" }, ""), [3, 0, 1, 2]);
  assert.deepEqual(visibleRows(data, types, { col: 1, dir: "asc" }, ""), [1, 2, 0, 3]); // case-insensitive
  assert.deepEqual(visibleRows(data, types, { col: 2, dir: "asc" }, ""), [1, 2, 0, 3]);
  assert.equal(data[0]?.[1], "cherry");
  assert.deepEqual(nextSort(null, 1), { col: 1, dir: "asc" });
  assert.deepEqual(nextSort({ col: 1, dir: "asc" }, 1), { col: 1, dir: "desc" });
  assert.equal(nextSort({ col: 1, dir: "desc" }, 1), null);
});

test("search matches any cell (or its display value); filters combine", () => {
  assert.deepEqual(visibleRows(data, types, null, "AN"), [2]);
  assert.deepEqual(visibleRows(data, types, null, "shown", [], [["", "", ""], ["", "shown", ""]]), [1]);
  assert.deepEqual(visibleRows(data, types, null, "", [{ col: 0, op: ">", value: "2" }]), [0, 2, 3]);
  assert.equal(passesFilter(null, { col: 0, op: "Is empty", value: "" }, "number"), true);
  assert.equal(passesFilter("apple", { col: 1, op: "Starts with", value: "AP" }, "str"), true);
  assert.equal(passesFilter("apple", { col: 1, op: "Does not contain", value: "pl" }, "str"), false);
});

test("the window covers the viewport plus overscan, clamped", () => {
  assert.deepEqual(rowWindow(10_000, 0, 350, 35, 5), { start: 0, end: 15 });
  assert.deepEqual(rowWindow(10_000, 35_000, 350, 35, 5), { start: 995, end: 1015 });
  assert.deepEqual(rowWindow(10_000, 349_650, 350, 35, 5), { start: 9985, end: 10_000 });
  assert.deepEqual(rowWindow(3, 0, 500, 35, 8), { start: 0, end: 3 });
});

test("TSV of the shown rows, tabs and newlines in cells flattened", () => {
  assert.equal(toTsv(["a", "b"], [[1, "x\ty"], [2, "z\nw"]], [1, 0]), "a\tb\n2\tz w\n1\tx y");
});

test("readValue tolerates partial payloads", () => {
  assert.deepEqual(readValue(null), { headers: [], data: [], metadata: null });
  assert.deepEqual(readValue({ headers: [1], data: [[1], 2] }), { headers: ["1"], data: [[1], [2]], metadata: null });
});
