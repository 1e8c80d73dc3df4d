import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export async function load(url, context, nextLoad) {
  const u = new URL(url);
  if (u.protocol === "file:" && u.pathname.endsWith(".css")) {
    const text = await readFile(fileURLToPath(u.href.split("?")[0]), "utf8");
    return { format: "module", source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
