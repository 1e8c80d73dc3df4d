/**
 * Shapes of the Gradio `/config` JSON and of the values that move through the
 * shell. Only the fields the shell reads are typed; everything else is kept as
 * `unknown` so a newer server cannot break type assumptions silently.
 * Field names are Gradio's wire names (see gradio-protocol.md §3).
 */

export type Props = Record<string, unknown>;

export type ComponentConfig = {
  id: number;
  type: string;
  props: Props;
  skip_api?: boolean;
  api_info?: unknown;
  key?: unknown;
  /** Set on blocks that a `@gr.render` run mounted: that render's id. */
  rendered_in?: number | null;
};

export type LayoutNode = { id: number; children?: LayoutNode[] };

export type ShowProgress = "full" | "minimal" | "hidden";
export type TriggerMode = "once" | "multiple" | "always_last";

export type DependencyConfig = {
  id: number;
  targets: [number | null, string][];
  inputs: number[];
  outputs: number[];
  backend_fn: boolean;
  /** Client-side code; `true` (Gradio's `js=True`: a function it would transpile) runs on the backend. */
  js: string | boolean | null;
  queue: boolean | null;
  show_progress: ShowProgress;
  show_progress_on: number[] | null;
  cancels: number[];
  types: { generator: boolean; cancel: boolean };
  trigger_after: number | null;
  trigger_only_on_success: boolean;
  trigger_only_on_failure: boolean;
  trigger_mode: TriggerMode;
  /** Streaming listeners: seconds between frames, and how long a stream may run. */
  stream_every?: number;
  time_limit?: number | null;
  scroll_to_output?: boolean;
  collects_event_data?: boolean;
  /** Inputs whose function parameter is annotated with a component class: all their props are sent. */
  component_prop_inputs?: number[];
  connection?: string;
  api_name?: string | null;
  /** Created by a `@gr.render` run (that render's id): replaced on its next run. */
  rendered_in?: number | null;
  /** The dependency that (re)runs a `@gr.render`. */
  render_id?: number | null;
  /** Not Gradio's: answers computed by `wasmui build` (cached examples), keyed by the JSON of the input payloads. */
  wasmui_static?: Record<string, unknown[]>;
};

/** `output.render_config` of a finished `@gr.render` run (gradio-protocol.md §4). */
export type RenderConfig = {
  components: ComponentConfig[];
  dependencies: DependencyConfig[];
  layout: LayoutNode;
  render_id: number;
};

export type GradioConfig = {
  version?: string;
  api_prefix?: string;
  protocol?: string;
  components: ComponentConfig[];
  dependencies: DependencyConfig[];
  layout: LayoutNode;
  title?: string;
  css?: string | null;
  js?: string | null;
  theme?: unknown;
  connect_heartbeat?: boolean;
  max_file_size?: number | null;
  fill_height?: boolean;
  fill_width?: boolean;
  root?: string;
  [key: string]: unknown;
};

/** gradio-protocol.md §7.1 */
export type FileData = {
  path: string;
  url?: string | null;
  size?: number | null;
  orig_name?: string | null;
  mime_type?: string | null;
  is_stream?: boolean;
  meta: { _type: "gradio.FileData" };
};

/** One entry of a `progress` message (gr.Progress / tqdm). */
export type ProgressEntry = {
  index: number | null;
  length: number | null;
  unit: string | null;
  progress: number | null;
  desc: string | null;
};

/** Per-component loading state shown as an overlay while an event runs. */
export type LoadingStatus = {
  stage: "pending" | "generating" | "error";
  show: ShowProgress;
  queuePosition: number | null;
  queueSize: number | null;
  eta: number | null;
  started: number;
  progress: ProgressEntry[] | null;
};

export type UpdateObject = { __type__: "update"; [key: string]: unknown };

export function isUpdate(v: unknown): v is UpdateObject {
  return typeof v === "object" && v !== null && (v as Props).__type__ === "update";
}

export function isFileData(v: unknown): v is FileData {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Props).meta === "object" &&
    ((v as FileData).meta as Props | null)?._type === "gradio.FileData"
  );
}
