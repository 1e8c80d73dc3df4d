/**
 * gr.Code's `language` names → CodeMirror language support, each loaded with
 * import() so a page only downloads the grammars its editors use. Languages
 * without a Lezer grammar use CodeMirror's legacy stream modes.
 */

import type { Extension } from "@codemirror/state";
import { StreamLanguage, type StreamParser } from "@codemirror/language";

const legacy = (p: Promise<StreamParser<unknown>>): Promise<Extension> => p.then((mode) => StreamLanguage.define(mode));

const LOADERS: Record<string, () => Promise<Extension>> = {
  python: () => import("@codemirror/lang-python").then((m) => m.python()),
  c: () => import("@codemirror/lang-cpp").then((m) => m.cpp()),
  cpp: () => import("@codemirror/lang-cpp").then((m) => m.cpp()),
  markdown: () => import("@codemirror/lang-markdown").then((m) => m.markdown()),
  latex: () => legacy(import("@codemirror/legacy-modes/mode/stex").then((m) => m.stex)),
  json: () => import("@codemirror/lang-json").then((m) => m.json()),
  html: () => import("@codemirror/lang-html").then((m) => m.html()),
  css: () => import("@codemirror/lang-css").then((m) => m.css()),
  javascript: () => import("@codemirror/lang-javascript").then((m) => m.javascript()),
  typescript: () => import("@codemirror/lang-javascript").then((m) => m.javascript({ typescript: true })),
  jinja2: () => legacy(import("@codemirror/legacy-modes/mode/jinja2").then((m) => m.jinja2)),
  yaml: () => import("@codemirror/lang-yaml").then((m) => m.yaml()),
  dockerfile: () => legacy(import("@codemirror/legacy-modes/mode/dockerfile").then((m) => m.dockerFile)),
  shell: () => legacy(import("@codemirror/legacy-modes/mode/shell").then((m) => m.shell)),
  r: () => legacy(import("@codemirror/legacy-modes/mode/r").then((m) => m.r)),
  sql: () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.StandardSQL })),
  "sql-msSQL": () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.MSSQL })),
  "sql-mySQL": () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.MySQL })),
  "sql-mariaDB": () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.MariaSQL })),
  "sql-sqlite": () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.SQLite })),
  "sql-cassandra": () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.Cassandra })),
  "sql-plSQL": () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.PLSQL })),
  "sql-pgSQL": () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.PostgreSQL })),
  "sql-hive": () => legacy(import("@codemirror/legacy-modes/mode/sql").then((m) => m.hive)),
  "sql-gql": () => legacy(import("@codemirror/legacy-modes/mode/sql").then((m) => m.gql)),
  "sql-gpSQL": () => legacy(import("@codemirror/legacy-modes/mode/sql").then((m) => m.gpSQL)),
  "sql-sparkSQL": () => legacy(import("@codemirror/legacy-modes/mode/sql").then((m) => m.sparkSQL)),
  "sql-esper": () => legacy(import("@codemirror/legacy-modes/mode/sql").then((m) => m.esper)),
};

/** The language extension for a gr.Code `language` (none for null / unknown names). */
export function loadLanguage(name: string | null): Promise<Extension> {
  const load = name ? LOADERS[name] : undefined;
  return load ? load() : Promise.resolve([]);
}

/** File extension for the download button. */
export function extensionFor(name: string | null): string {
  const ext: Record<string, string> = {
    python: "py", c: "c", cpp: "cpp", markdown: "md", latex: "tex", json: "json", html: "html", css: "css",
    javascript: "js", typescript: "ts", jinja2: "jinja2", yaml: "yaml", dockerfile: "dockerfile", shell: "sh", r: "r",
  };
  if (name && name.startsWith("sql")) return "sql";
  return (name && ext[name]) || "txt";
}
