/** escapeTags: Chatbot `allow_tags` shows custom tags as text instead of letting the sanitiser strip them. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeTags } from "../src/shell/ui/richtext.js";

test("allow_tags=True escapes every non-standard tag and keeps HTML and SVG tags", () => {
  const html = "<p><thinking>plan</thinking> <b>bold</b> <svg><path d='M0'/></svg> <tool-call x=\"1\">t</tool-call></p>";
  assert.equal(
    escapeTags(html, true),
    "<p>&lt;thinking&gt;plan&lt;/thinking&gt; <b>bold</b> <svg><path d='M0'/></svg> &lt;tool-call x=\"1\"&gt;t&lt;/tool-call&gt;</p>",
  );
});

test("a list escapes only the tags it names, case-insensitively", () => {
  assert.equal(escapeTags("<p><Thinking>a</Thinking><other>b</other></p>", ["thinking"]),
    "<p>&lt;Thinking&gt;a&lt;/Thinking&gt;<other>b</other></p>");
});

test("an escaped tag never becomes markup: event handlers stay text", () => {
  const out = escapeTags('<x-evil onclick="alert(1)">hi</x-evil>', true);
  assert.ok(!out.includes("<x-evil"), out);
});
