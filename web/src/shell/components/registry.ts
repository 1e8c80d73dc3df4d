/**
 * The shell's one list of component types: config `type` → descriptor.
 *
 * A descriptor gives the view module (`module`, in the first-paint bundle)
 * or a loader of it (`load: () => import("./X.js")`, which Vite builds as a
 * separate chunk, fetched as soon as a config uses the type), plus the rules
 * the store and the engine follow for the type (engine/store.ts `TypeRules`).
 * Generic code never tests a type name: it asks the descriptor.
 *
 * Layout types render their children; an unknown type renders a visible
 * "unsupported component" box instead of failing.
 */

import type { ViewModule } from "./context.js";
import type { TypeRules } from "../engine/store.js";
import { preloadSanitizer } from "../ui/sanitize.js";
import { plainMarkdown } from "../ui/plainmarkdown.js";
import { str } from "../values.js";
import textbox from "./Textbox.js";
import number from "./Number.js";
import slider from "./Slider.js";
import checkbox from "./Checkbox.js";
import button from "./Button.js";
import markdown from "./Markdown.js";
import label from "./Label.js";
import state from "./State.js";
import radio from "./Radio.js";
import checkboxgroup from "./CheckboxGroup.js";
import dropdown from "./Dropdown.js";
import dataset from "./Dataset.js";
import timer from "./Timer.js";
import unsupported from "./Unsupported.js";
import { storedBrowserState } from "./browserStorage.js";
import { Row, Column, Group, Form } from "../layout/layouts.js";
import tabs, { tabItem } from "../layout/Tabs.js";
import accordion from "../layout/Accordion.js";

export type Descriptor = TypeRules & {
  /** The view and its CSS, bundled with the shell (small, common views). */
  module?: ViewModule;
  /** Or a loader of them: a separate chunk (heavy or rare views). */
  load?: () => Promise<{ default: ViewModule }>;
  /** Started when a config uses the type, in parallel with the first paint (e.g. a renderer library). */
  /** Starts what a component's view will need (`props`: the component's, from the config). */
  prefetch?: (props: Record<string, unknown>) => void;
};

const REGISTRY: Record<string, Descriptor> = {
  // inputs and outputs
  // After an output of None, Gradio's Textbox, ImageEditor, MultimodalTextbox and Chatbot
  // hold (and send) their empty value again; its Number and Gallery send None.
  textbox: { module: textbox, emptyValue: "", nullIsEmpty: true },
  // Gradio's Number starts from 0 when the config has no value (`value ??= 0`).
  number: { module: number, emptyValue: 0 },
  slider: { module: slider },
  checkbox: { module: checkbox },
  radio: { module: radio },
  checkboxgroup: { module: checkboxgroup },
  dropdown: { module: dropdown },
  colorpicker: { load: () => import("./ColorPicker.js") },
  code: { load: () => import("./Code.js") },
  dataframe: { load: () => import("./Dataframe.js") },
  datetime: { load: () => import("./DateTime.js") },
  highlightedtext: { load: () => import("./HighlightedText.js") },
  // LinePlot / ScatterPlot / BarPlot; Vega (its own chunk) starts loading with the view.
  nativeplot: { load: () => import("./NativePlot.js"), prefetch: () => void import("./NativePlot.js").then((m) => m.loadVegaEmbed()).catch(() => {}) },
  paramviewer: { load: () => import("./ParamViewer.js"), prefetch: preloadSanitizer },
  browserstate: { load: () => import("./BrowserState.js"), noView: true, initialValue: storedBrowserState },
  file: { load: () => import("./File.js") },
  audio: { load: () => import("./Audio.js") },
  video: { load: () => import("./Video.js") },
  uploadbutton: { load: () => import("./UploadButton.js") },
  downloadbutton: { load: () => import("./DownloadButton.js") },
  json: { load: () => import("./JSON.js") },
  image: { load: () => import("./Image.js") },
  gallery: { load: () => import("./Gallery.js"), emptyValue: [] },
  simpleimage: { load: () => import("./SimpleImage.js") },
  annotatedimage: { load: () => import("./AnnotatedImage.js") },
  imageslider: { load: () => import("./ImageSlider.js") },
  // three.js is a further chunk, imported by the view when a model is shown.
  model3d: { load: () => import("./Model3D.js") },
  fileexplorer: { load: () => import("./FileExplorer.js") },
  plot: { load: () => import("./Plot.js") },
  // ImageEditor / Sketchpad / Paint / ImageMask: an untouched editor sends Gradio's empty EditorValue.
  imageeditor: { load: () => import("./ImageEditor.js"), emptyValue: { background: null, layers: [], composite: null }, nullIsEmpty: true },
  label: { module: label },
  // Plain Markdown (a title) renders without marked and DOMPurify: they are not fetched for it.
  markdown: {
    module: markdown,
    prefetch: (props) => { if (plainMarkdown(str(props.value), props.line_breaks === true) === null) preloadSanitizer(); },
  },
  // gr.HTML: templates, js_on_load, children (Handlebars is a further chunk, loaded for `{{`).
  html: { load: () => import("./HTML.js"), prefetch: preloadSanitizer },
  button: { module: button },
  dataset: { module: dataset },
  // chat (Markdown, highlighting and KaTeX load inside the chunk when needed)
  chatbot: { load: () => import("./Chatbot.js"), prefetch: preloadSanitizer, emptyValue: [], nullIsEmpty: true },
  dialogue: { load: () => import("./Dialogue.js") },
  multimodaltextbox: { load: () => import("./MultimodalTextbox.js"), emptyValue: { text: "", files: [] }, nullIsEmpty: true },
  // no view
  state: { module: state, serverValue: true, noView: true },
  // gr.Navbar configures the page's navbar (index.ts) and draws nothing in place.
  navbar: { module: state, noView: true },
  api: { module: state, noView: true },
  timer: { module: timer, noView: true },
  // layouts
  row: { module: { view: Row } },
  column: { module: { view: Column } },
  group: { module: { view: Group } },
  form: { module: { view: Form } },
  tabs: { module: tabs },
  tabitem: { module: tabItem },
  accordion: { module: accordion },
  sidebar: { load: () => import("../layout/Sidebar.js") },
  walkthrough: { load: () => import("../layout/Walkthrough.js") },
  walkthroughstep: { load: () => import("../layout/Walkthrough.js").then((m) => ({ default: m.step })) },
  draggable: { load: () => import("../layout/Draggable.js") },
};

const UNSUPPORTED: Descriptor = { module: unsupported };

export function descriptorFor(type: string): Descriptor {
  return REGISTRY[type] ?? UNSUPPORTED;
}

/** Every registered type (the pytest contract test compares them with the Python block names). */
export function registeredTypes(): string[] {
  return Object.keys(REGISTRY);
}

const loaded = new Map<Descriptor, ViewModule>();
const loading = new Map<Descriptor, Promise<ViewModule>>();

/** The view module if it is available now (bundled, or its chunk already loaded). */
export function viewNow(d: Descriptor): ViewModule | undefined {
  return d.module ?? loaded.get(d);
}

/** Loads a lazy view's chunk once (later calls share the promise). */
export function loadView(d: Descriptor): Promise<ViewModule> {
  const now = viewNow(d);
  if (now) return Promise.resolve(now);
  let p = loading.get(d);
  if (!p) {
    p = (d.load ?? (() => Promise.resolve({ default: unsupported })))().then((m) => {
      loaded.set(d, m.default);
      return m.default;
    });
    // A failed chunk fetch may be retried by the next mount.
    p.catch(() => loading.delete(d));
    loading.set(d, p);
  }
  return p;
}

/** Starts what a config's components need (lazy chunks, renderer libraries) before their views mount. */
export function prefetchTypes(components: Iterable<{ type: string; props?: Record<string, unknown> }>): void {
  const loading = new Set<Descriptor>();
  for (const { type, props } of components) {
    const d = descriptorFor(type);
    d.prefetch?.(props ?? {});
    if (!loading.has(d) && !viewNow(d)) void loadView(d).catch(() => {});
    loading.add(d);
  }
}
