/** gr.HTML templates: Handlebars then a JS template literal (Gradio's order), with values kept inert. */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { loadHandlebars, literalSafe, renderTemplate, splitChildren, templateReady } from "../src/shell/components/html-template.js";

const STARS = "${Array.from({length: 5}, (_, i) => `<img class='${i < value ? '' : 'faded'}'>`).join('')}";

before(async () => {
  await loadHandlebars();
});

test("a JS template literal sees value and every prop", () => {
  const out = renderTemplate(STARS, { value: 2, label: "Food" });
  assert.equal(out, "<img class=''><img class=''>" + "<img class='faded'>".repeat(3));
  assert.equal(renderTemplate("<h1 style=\"font-size: ${fontSize}px\">${value}</h1>", { value: "John", fontSize: 30 }),
    '<h1 style="font-size: 30px">John</h1>');
  assert.equal(renderTemplate("${value.length} letters", { value: "" }), "0 letters");
});

test("Handlebars blocks and escaped mustaches, then the literal", () => {
  const t = "<h1>Hello, ${value.join('')}!</h1>{{#each value}}<li>{{this}}</li>{{/each}}";
  assert.equal(renderTemplate(t, { value: ["J", "o"] }), "<h1>Hello, Jo!</h1><li>J</li><li>o</li>");
  assert.equal(renderTemplate("<p>{{value}}</p>", { value: "<b>x</b>" }), "<p>&lt;b&gt;x&lt;/b&gt;</p>");
  assert.equal(renderTemplate("{{#if on}}yes{{else}}no{{/if}}", { on: false }), "no");
});

test("a value shown through Handlebars is never evaluated by the literal step", () => {
  const g = globalThis as Record<string, unknown>;
  for (const t of ["<p>{{value}}</p>", "<p>{{{value}}}</p>", "{{#each value}}{{this}}{{/each}}"]) {
    const value = t.includes("each") ? ["${globalThis.__pwned = 1}"] : "${globalThis.__pwned = 1}`\\";
    const out = renderTemplate(t, { value });
    assert.equal(g.__pwned, undefined, t);
    assert.ok(out.includes("&#36;{globalThis.__pwned"), out);
  }
  assert.equal(literalSafe("a`b\\c${d}"), "a&#96;b&#92;c&#36;{d}");
});

test("template errors throw (the view shows them) and unknown names are errors, as in Gradio", () => {
  assert.throws(() => renderTemplate("${Zalue}", { value: 1 }), /Zalue/);
});

test("@children splits the template once; no marker, no split", () => {
  assert.deepEqual(splitChildren("<h2>a</h2>@children<button>b</button>"), ["<h2>a</h2>", "<button>b</button>"]);
  assert.equal(splitChildren("<p>x</p>"), null);
  assert.equal(templateReady("{{value}}"), true);
});
