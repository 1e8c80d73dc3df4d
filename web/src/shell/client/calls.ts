/**
 * The client's calls that a first paint never makes, a lazy chunk of client.ts:
 * `POST /upload` (§7.2) and `POST /component_server`.
 */

import type { FileData } from "../types.js";
import { detailMessage } from "./client.js";

/** The answer of a component's `@server` function, or its error. */
export async function componentServer(request: Promise<Response>): Promise<unknown> {
  const res = await request;
  const text = await res.text();
  if (!res.ok) throw new Error(detailMessage(res.status, text));
  return JSON.parse(text) as unknown;
}

export type UploadTarget = { fetch: typeof fetch; api: string; maxFileSize: number | null; signal: AbortSignal };

/** Uploads `files` (multipart, one part `files` per file) and describes them as Gradio FileData. */
export async function upload(files: File[], to: UploadTarget): Promise<FileData[]> {
  for (const f of files) {
    if (to.maxFileSize != null && f.size > to.maxFileSize)
      throw new Error(`${f.name} is larger than the maximum allowed size (${to.maxFileSize} bytes).`);
  }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  // Serialise the multipart body here: a MessagePort transport may not
  // understand FormData, but every transport carries bytes + headers.
  const encoded = new Request("http://upload.invalid/", { method: "POST", body: form });
  const body = await encoded.arrayBuffer();
  const res = await to.fetch(`${to.api}/upload`, {
    method: "POST",
    headers: { "content-type": encoded.headers.get("content-type") ?? "" },
    body,
    signal: to.signal,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(detailMessage(res.status, text));
  const paths = JSON.parse(text) as string[];
  return paths.map((path, i) => ({
    path,
    url: `${to.api}/file=${path}`,
    orig_name: files[i]?.name ?? null,
    size: files[i]?.size ?? null,
    mime_type: files[i]?.type || null,
    meta: { _type: "gradio.FileData" },
  }));
}
