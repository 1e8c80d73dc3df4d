"""A chat-like echo: the conversation lives in per-session `gr.State`."""

import gradio as gr


def respond(message: str, history: list[tuple[str, str]]):
    if not (message or "").strip():  # an empty textbox may arrive as None
        raise gr.Error("Say something first.")
    reply = f"You said: {message} ({len(history) + 1} messages so far)"
    history = [*history, (message, reply)]
    transcript = "\n\n".join(f"**you:** {m}\n\n**echo:** {r}" for m, r in history)
    return "", history, transcript


def clear():
    return [], ""


with gr.Blocks(title="Echo chat") as demo:
    gr.Markdown("# Echo chat\nEach browser tab has its own history (`gr.State`).")
    history = gr.State([])
    transcript = gr.Markdown()
    with gr.Row():
        message = gr.Textbox(label="Message", placeholder="Type and press Enter", scale=4)
        send = gr.Button("Send", variant="primary", scale=1)
    gr.Button("Clear").click(clear, None, [history, transcript])
    message.submit(respond, [message, history], [message, history, transcript], api_name="respond")
    send.click(respond, [message, history], [message, history, transcript])

if __name__ == "__main__":
    demo.launch()
