"""Multimodal ChatInterface: text plus files from the MultimodalTextbox."""

import wasmui as gr


def describe(message, history):
    names = [f.rsplit("/", 1)[-1].split("\\")[-1] for f in message["files"]]
    return f"{message['text']} with {len(names)} file(s): {', '.join(names)}"


demo = gr.ChatInterface(describe, multimodal=True, textbox=gr.MultimodalTextbox(file_count="multiple",
                                                                                 file_types=["image", ".txt"]))

if __name__ == "__main__":
    demo.launch()
