import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_SIDE, brushColor, brushRadius, fitRect, resizeDims, spanRect, toImagePoint } from "../src/shell/components/editorModel.js";

test("brush colours: CSS strings and [colour, opacity] pairs", () => {
  assert.deepEqual(brushColor("rgb(204, 50, 50)"), { css: "rgb(204, 50, 50)", opacity: 1 });
  assert.deepEqual(brushColor(["#00ff00", 0.5]), { css: "#00ff00", opacity: 0.5 });
  assert.deepEqual(brushColor(["#00ff00", 7]), { css: "#00ff00", opacity: 1 });
  assert.equal(brushColor(null), null);
  assert.equal(brushColor(""), null);
});

test("brush radius: a number is kept, auto grows with the image", () => {
  assert.equal(brushRadius(5, 800, 800), 5);
  assert.ok(brushRadius("auto", 800, 800) > brushRadius("auto", 100, 100));
  assert.ok(brushRadius("auto", 10, 10) >= 2);
});

test("crop rectangles are clamped, ordered and whole pixels", () => {
  assert.deepEqual(spanRect({ x: 50.4, y: 80 }, { x: 10, y: -5 }, 100, 60), { x: 10, y: 0, w: 40, h: 60 });
  assert.deepEqual(spanRect({ x: 120, y: 10 }, { x: 90, y: 20 }, 100, 60), { x: 90, y: 10, w: 10, h: 10 });
});

test("pointer positions map to image pixels through the displayed scale", () => {
  const p = toImagePoint(150, 60, { left: 100, top: 50, width: 200, height: 100 }, 800, 400);
  assert.deepEqual(p, { x: 200, y: 40 });
});

test("fixed canvas: an image is fitted and centred", () => {
  assert.deepEqual(fitRect(400, 200, 800, 800), { x: 0, y: 200, w: 800, h: 400 });
  assert.deepEqual(fitRect(100, 400, 200, 200), { x: 75, y: 0, w: 50, h: 200 });
});

test("resize sizes: the other side follows the aspect ratio, whole pixels within limits", () => {
  assert.deepEqual(resizeDims(800, 400, { w: 400, h: 400 }, "w", true), { w: 400, h: 200 });
  assert.deepEqual(resizeDims(800, 400, { w: 800, h: 100 }, "h", true), { w: 200, h: 100 });
  assert.deepEqual(resizeDims(800, 400, { w: 333.6, h: 50 }, "w", false), { w: 334, h: 50 });
  assert.deepEqual(resizeDims(10, 10, { w: 0, h: 99999 }, "h", false), { w: 1, h: MAX_SIDE });
  assert.deepEqual(resizeDims(10, 10, { w: Number.NaN, h: 5 }, "w", false), { w: 1, h: 5 });
});
