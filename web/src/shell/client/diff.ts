/**
 * Applies Gradio's streaming edits (gradio-protocol.md §5.5) to the previous
 * full value of an output. Edits are `[op, path, value]` with op one of
 * replace / append / add / delete and path a list of keys/indices.
 * The previous value is deep-copied first: it may still be referenced by a
 * view, and views compare old and new values to detect changes.
 */

export type Edit = [op: string, path: (string | number)[], value: unknown];

type Container = Record<string | number, unknown> | unknown[];

function clone<T>(v: T): T {
  return v === undefined ? v : (structuredClone(v) as T);
}

function applyAt(target: unknown, op: string, value: unknown): unknown {
  switch (op) {
    case "replace":
      return value;
    case "append":
      if (typeof target === "string") return target + String(value);
      if (Array.isArray(target)) return target.concat(value as unknown[]);
      return value;
    default:
      throw new Error(`diff: op ${op} is not valid at the root`);
  }
}

function applyEdit(root: unknown, [op, path, value]: Edit): unknown {
  if (path.length === 0) return applyAt(root, op, value);
  let parent = root as Container;
  for (let i = 0; i < path.length - 1; i++) {
    parent = (parent as Record<string | number, unknown>)[path[i]!] as Container;
  }
  const key = path[path.length - 1]!;
  const obj = parent as Record<string | number, unknown>;
  if (op === "add") {
    if (Array.isArray(parent)) parent.splice(Number(key), 0, value);
    else obj[key] = value;
  } else if (op === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete obj[key];
  } else {
    obj[key] = applyAt(obj[key], op, value);
  }
  return root;
}

/** Returns the new value; `prev` is never mutated. */
export function applyDiff(prev: unknown, edits: Edit[]): unknown {
  let value = clone(prev);
  for (const edit of edits) value = applyEdit(value, edit);
  return value;
}
