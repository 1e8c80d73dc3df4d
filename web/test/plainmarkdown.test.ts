/** plainMarkdown: plain headings and paragraphs give the DOM marked gives; anything else is left to marked. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { marked } from "marked";
import type { ComponentChild, VNode } from "preact";
import { plainMarkdown } from "../src/shell/ui/plainmarkdown.js";

/** The HTML of preact elements with text children (all plainMarkdown makes), escaped as marked escapes. */
function html(node: ComponentChild): string {
  if (typeof node === "string") return node.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  const vnode = node as VNode<{ children?: ComponentChild | ComponentChild[]; style?: string }>;
  const style = vnode.props.style ? ` style='${vnode.props.style}'` : "";
  const children = vnode.props.children;
  const inner = (Array.isArray(children) ? children : children === undefined ? [] : [children]).map(html).join("");
  return vnode.type === "br" ? "<br>" : `<${String(vnode.type)}${style}>${inner}</${String(vnode.type)}>`;
}

function markedHtml(src: string, breaks: boolean): string {
  return (marked.parse(src, { gfm: true, breaks, async: false }) as string).replace(/\n(?=<|$)/g, "");
}

const PLAIN = [
  "# Ten components",
  "## A title, with punctuation: yes? (really!) - it's \"fine\"",
  "# Title\n\nA first paragraph\nof two lines.\n\n### Später: Größe 3",
  "Just text.",
  "",
  "Line one\nline two\r\nline three",
  "Chapter 2 of 3",
  "<h1 style='text-align: center; margin-bottom: 1rem'>Hello</h1>",
];

test("plain sources render as marked renders them", () => {
  for (const src of PLAIN) {
    for (const breaks of [false, true]) {
      const nodes = plainMarkdown(src, breaks);
      assert.notEqual(nodes, null, src);
      assert.equal(nodes!.map(html).join(""), markedHtml(src, breaks), JSON.stringify(src));
    }
  }
});

test("Markdown or HTML syntax goes to marked", () => {
  for (const src of [
    "<h1 style='text-align: center'>Hello</h1>", "<h1 style='text-align: center; margin-bottom: 1rem'>a <b>b</b></h1>",
    "<h1 style='text-align: center; margin-bottom: 1rem'>**a**</h1>", "**bold**", "_it_", "`code`", "[a](b)", "see www.example.com",
    "- item", "1. item", "2) item", "a | b", "> quote", "Title\n===", "Title\n---", "    code", " indented",
    "trailing  ", "# Title #", "#Title", "a & b", "a \\ b", "$x$", "tab\there", "x".repeat(3000),
    "mail me@example.com", "https://example.com", "~~gone~~",
  ]) {
    assert.equal(plainMarkdown(src), null, JSON.stringify(src));
  }
});
