"""Multimodal ChatInterface: text plus files (upload or microphone) from the MultimodalTextbox."""

import wave

import wasmui as gr


def describe(message, history):
    names = [f.rsplit("/", 1)[-1].split("\\")[-1] for f in message["files"]]
    seconds = [f"{w.getnframes() / w.getframerate():.1f} s" for f in message["files"] if f.endswith(".wav")
               for w in [wave.open(f, "rb")]]
    extra = f" ({', '.join(seconds)} of audio)" if seconds else ""
    return f"{message['text']} with {len(names)} file(s): {', '.join(names)}{extra}"


demo = gr.ChatInterface(describe, multimodal=True, textbox=gr.MultimodalTextbox(
    file_count="multiple", file_types=["image", ".txt", "audio"], sources=["upload", "microphone"]))

if __name__ == "__main__":
    demo.launch()
