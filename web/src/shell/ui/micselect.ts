/**
 * Gradio's input-device picker for microphone recorders (gr.Audio's beside Record,
 * gr.MultimodalTextbox's before it records): the page's microphones by name, the
 * choice shared by every recorder of the page.
 */

import { h, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import css from "./micselect.css?inline";
import { useCss } from "./styles.js";
import { listMicrophones } from "./capture.js";

/** The microphone last chosen in any recorder of the page (kept when a recorder comes back after Clear). */
let chosenMic: string | null = null;

/**
 * The `<select>` "Select input device": the microphones by name, "No microphone found"
 * (disabled) when the page may use none. Names appear once the microphone was allowed.
 */
export function MicSelect({ mics, value, disabled, onChange }: {
  mics: MediaDeviceInfo[]; value: string; disabled: boolean; onChange: (deviceId: string) => void;
}): ComponentChild {
  useCss(css);
  const none = mics.length === 0;
  return h(
    "select",
    {
      class: "mic-select",
      "aria-label": "Select input device",
      disabled: none || disabled,
      value: none ? "" : value,
      onChange: (e: Event) => onChange((e.currentTarget as HTMLSelectElement).value),
    },
    none
      ? h("option", { value: "" }, "No microphone found")
      : mics.map((d, i) => h("option", { value: d.deviceId, key: d.deviceId || "default" },
          d.label || (d.deviceId ? `Microphone ${i + 1}` : "Default microphone"))),
  );
}

/** The page's microphones (null until listed), listed again when devices change and after `relist` changes (access granted). */
function useMicrophones(relist: unknown): MediaDeviceInfo[] | null {
  const [mics, setMics] = useState<MediaDeviceInfo[] | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = (): void => void listMicrophones().then((d) => live && setMics(d));
    refresh();
    const devices = typeof navigator !== "undefined" ? navigator.mediaDevices : undefined;
    devices?.addEventListener?.("devicechange", refresh);
    return () => {
      live = false;
      devices?.removeEventListener?.("devicechange", refresh);
    };
  }, [relist]);
  return mics;
}

export interface MicPicker {
  /** The microphones, null until listed. */
  mics: MediaDeviceInfo[] | null;
  /** The device to record: the chosen one if it is still there, else the first listed ("" before listing). */
  micId: string;
  pick: (deviceId: string) => void;
}

/** A recorder's microphone choice; `relist` changes when access was granted (the names appear then). */
export function useMicPicker(relist: unknown): MicPicker {
  const mics = useMicrophones(relist);
  const [mic, setMic] = useState<string | null>(chosenMic);
  const micId = mics?.some((d) => d.deviceId === mic) ? mic! : (mics?.[0]?.deviceId ?? "");
  const pick = (deviceId: string): void => {
    chosenMic = deviceId;
    setMic(deviceId);
  };
  return { mics, micId, pick };
}
