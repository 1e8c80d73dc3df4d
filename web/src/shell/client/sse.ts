/**
 * Minimal Server-Sent-Events reader over a streaming fetch body.
 *
 * Gradio's `/queue/data` only ever sends `data: <json>` lines separated by a
 * blank line (gradio-protocol.md §5.1), but chunks from a MessagePort or the
 * network may split a message anywhere, so we buffer until the blank line.
 * We do not use EventSource: it cannot go through a custom `fetch`.
 */

export async function* readSSE(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<string, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        let line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.endsWith("\r")) line = line.slice(0, -1);
        if (line === "") {
          if (data.length) yield data.join("\n");
          data = [];
        } else if (line.startsWith("data:")) {
          data.push(line.slice(line.charAt(5) === " " ? 6 : 5));
        }
        // `event:`, `id:`, comments: not used by the queue protocol.
      }
    }
    if (data.length) yield data.join("\n");
  } finally {
    reader.releaseLock();
  }
}
