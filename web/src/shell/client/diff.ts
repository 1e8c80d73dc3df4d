/**
 * Applies Gradio's streaming edits (gradio-protocol.md §5.5) to the previous
 * full value of an output. Edits are `[op, path, value]` with op one of
 * replace / append / add / delete and path a list of keys/indices.
 * The previous value is never mutated: it may still be referenced by a view,
 * and views compare old and new values to detect changes.
 */

export type Edit = [op: string, path: (string | number)[], value: unknown];

type Container = Record<string | number, unknown> | unknown[];

function shallow(v: unknown): Container {
  return Array.isArray(v) ? v.slice() : { ...(v as Record<string, unknown>) };
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

/**
 * Copy-on-write along the edit's path: containers on the path are copied,
 * everything else keeps its identity, so a view can skip unchanged parts
 * (a streamed chat answer re-renders only the growing message).
 */
function applyEdit(root: unknown, [op, path, value]: Edit): unknown {
  if (path.length === 0) return applyAt(root, op, value);
  const top = shallow(root);
  let parent = top as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const child = shallow(parent[path[i]!]);
    parent[path[i]!] = child;
    parent = child as Record<string | number, unknown>;
  }
  const key = path[path.length - 1]!;
  if (op === "add") {
    if (Array.isArray(parent)) parent.splice(Number(key), 0, value);
    else parent[key] = value;
  } else if (op === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = applyAt(parent[key], op, value);
  }
  return top;
}

/** Returns the new value; `prev` is never mutated (unchanged branches are shared). */
export function applyDiff(prev: unknown, edits: Edit[]): unknown {
  let value = prev;
  for (const edit of edits) value = applyEdit(value, edit);
  return value;
}
