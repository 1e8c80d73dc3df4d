/**
 * gr.FileExplorer: the files under the component's `root_dir` as a tree with
 * checkboxes. Each folder's entries come from Python when it is opened
 * (`ls` through `/component_server`), so in the browser the tree shows the
 * Pyodide file system (the app folder by default). The value is a list of
 * paths, each a list of names from the root; checking a box fires input +
 * change (and select). `file_count="single"` keeps at most one path.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import css from "./FileExplorer.css?inline";
import { Block, heightStyle } from "./block.js";
import { BlockTitle } from "../ui/label.js";
import { FileIcon } from "../ui/icons.js";
import { str, type ShellContext, type ViewModule, type ViewProps } from "./context.js";

type Entry = { name: string; type: "file" | "folder"; valid: boolean };
type Path = string[];

const key = (p: Path): string => JSON.stringify(p);

function FolderIcon(): ComponentChild {
  return h("svg", { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2, "aria-hidden": "true" },
    h("path", { d: "M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" }));
}

function Chevron(): ComponentChild {
  return h("svg", { width: 12, height: 12, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2.5, "aria-hidden": "true" },
    h("path", { d: "M9 6l6 6-6 6" }));
}

function pathsOf(value: unknown): Path[] {
  return Array.isArray(value) ? value.filter((p): p is Path => Array.isArray(p) && p.every((s) => typeof s === "string")) : [];
}

type TreeProps = {
  ctx: ShellContext;
  id: number;
  path: Path;
  selected: Set<string>;
  editable: boolean;
  onToggle: (p: Path, on: boolean) => void;
};

/** One folder's entries, asked from Python when the folder is first shown. */
function Folder({ ctx, id, path, selected, editable, onToggle }: TreeProps): ComponentChild {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  useEffect(() => {
    let gone = false;
    ctx.client.componentServer(id, "ls", path).then(
      (r) => !gone && setEntries(Array.isArray(r) ? (r as Entry[]) : []),
      (e: unknown) => !gone && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => void (gone = true);
  }, [key(path)]);
  if (error) return h("div", { class: "tree-note", role: "alert" }, `Could not list this folder: ${error}`);
  if (!entries) return h("div", { class: "tree-note" }, "Loading…");
  if (!entries.length && !path.length) return h("div", { class: "tree-note" }, "No files");
  return h(
    "ul",
    { role: path.length ? "group" : "tree" },
    entries.map((e) => {
      const p = [...path, e.name];
      const k = key(p);
      const isOpen = open.has(k);
      const folder = e.type === "folder";
      const toggleOpen = (): void => setOpen((s) => {
        const n = new Set(s);
        if (n.has(k)) n.delete(k);
        else n.add(k);
        return n;
      });
      return h(
        "li",
        { key: k, role: "treeitem", "aria-expanded": folder ? String(isOpen) : undefined },
        h(
          "div",
          { class: "tree-row" },
          folder
            ? h("button", { type: "button", class: `tree-toggle${isOpen ? " open" : ""}`, "aria-label": `${isOpen ? "Close" : "Open"} ${e.name}`, onClick: toggleOpen }, h(Chevron, null))
            : h("span", { class: "tree-spacer" }),
          h("input", {
            type: "checkbox",
            checked: selected.has(k),
            disabled: !editable || !e.valid,
            "aria-label": `Select ${p.join("/")}`,
            onChange: (ev: Event) => onToggle(p, (ev.currentTarget as HTMLInputElement).checked),
          }),
          h("span", { class: `tree-icon${folder ? " folder" : ""}` }, folder ? h(FolderIcon, null) : h(FileIcon, null)),
          h("span", { class: "tree-name", onDblClick: folder ? toggleOpen : undefined }, e.name),
        ),
        folder && isOpen ? h(Folder, { ctx, id, path: p, selected, editable, onToggle }) : null,
      );
    }),
  );
}

export function FileExplorerView({ state, ctx }: ViewProps): ComponentChild {
  const props = state.props.value;
  const id = state.id;
  const single = str(props.file_count, "multiple") === "single";
  const editable = props.interactive !== false;
  const paths = pathsOf(props.value);
  const selected = new Set(paths.map(key));

  const onToggle = (p: Path, on: boolean): void => {
    const k = key(p);
    const next = on ? (single ? [p] : [...paths.filter((q) => key(q) !== k), p]) : paths.filter((q) => key(q) !== k);
    ctx.userInput(id, next);
    ctx.trigger(id, "select", { index: p, value: p.join("/"), selected: on });
  };

  return h(
    Block,
    { state },
    h(BlockTitle, { props, fallback: "File Explorer" }),
    h(
      "div",
      { class: "file-tree", style: heightStyle(props), "data-testid": "file-tree" },
      // The root folder's listing; `key` re-lists it when the tree's settings change.
      h(Folder, { key: `${str(props.root_dir, "")}|${str(props.glob, "")}|${str(props.ignore_glob, "")}`, ctx, id, path: [], selected, editable, onToggle }),
    ),
  );
}

export default { view: FileExplorerView, css } satisfies ViewModule;
