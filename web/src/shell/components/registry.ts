/**
 * Config `type` → view. Layout types render their children; everything
 * unknown renders a visible "unsupported component" box instead of failing.
 */

import type { View } from "./context.js";
import { Textbox } from "./Textbox.js";
import { NumberView } from "./Number.js";
import { Slider } from "./Slider.js";
import { Checkbox } from "./Checkbox.js";
import { Button } from "./Button.js";
import { Markdown } from "./Markdown.js";
import { HTML } from "./HTML.js";
import { JSONView } from "./JSON.js";
import { Label } from "./Label.js";
import { State } from "./State.js";
import { FileView } from "./File.js";
import { Radio } from "./Radio.js";
import { CheckboxGroup } from "./CheckboxGroup.js";
import { Dropdown } from "./Dropdown.js";
import { Dataset } from "./Dataset.js";
import { Timer } from "./Timer.js";
import { lazyView } from "./lazy.js";
import { BrowserState } from "./BrowserState.js";
import { Unsupported } from "./Unsupported.js";
import { Row, Column, Group, Form } from "../layout/layouts.js";
import { Tabs, TabItem } from "../layout/Tabs.js";
import { Accordion } from "../layout/Accordion.js";

const VIEWS: Record<string, View> = {
  textbox: Textbox,
  number: NumberView,
  slider: Slider,
  checkbox: Checkbox,
  button: Button,
  clearbutton: Button,
  markdown: Markdown,
  html: HTML,
  json: JSONView,
  label: Label,
  state: State,
  file: FileView,
  radio: Radio,
  checkboxgroup: CheckboxGroup,
  dropdown: Dropdown,
  dataset: Dataset,
  timer: Timer,
  // The chat views (Markdown, highlighting, uploads) load as their own chunk.
  chatbot: lazyView(() => import("./Chatbot.js").then((m) => m.Chatbot)),
  multimodaltextbox: lazyView(() => import("./MultimodalTextbox.js").then((m) => m.MultimodalTextbox)),
  browserstate: BrowserState,
  row: Row,
  column: Column,
  group: Group,
  form: Form,
  tabs: Tabs,
  tabitem: TabItem,
  tab: TabItem,
  accordion: Accordion,
};

export function viewFor(type: string): View {
  return VIEWS[type] ?? Unsupported;
}
