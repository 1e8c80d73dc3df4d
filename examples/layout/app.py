"""A Blocks layout: tabs, an accordion, rows and columns, several events."""

import wasmui as gr


def stats(numbers: str) -> dict:
    values = [float(v) for v in numbers.replace(",", " ").split()]
    if not values:
        raise gr.Error("Enter at least one number.")
    return {"count": len(values), "sum": sum(values), "mean": sum(values) / len(values),
            "min": min(values), "max": max(values)}


def classify(x: float) -> dict:
    return {"negative": 1.0 if x < 0 else 0.0, "zero": 1.0 if x == 0 else 0.0, "positive": 1.0 if x > 0 else 0.0}


with gr.Blocks(title="Layout") as demo:
    gr.Markdown("# Layout\nTabs, accordion, rows and columns.")
    with gr.Tabs():
        with gr.Tab("Statistics"):
            with gr.Row():
                with gr.Column(scale=2):
                    numbers = gr.Textbox(label="Numbers", value="3 1 4 1 5 9 2 6")
                    go = gr.Button("Compute", variant="primary")
                with gr.Column(scale=1):
                    result = gr.JSON(label="Result")
            go.click(stats, numbers, result, api_name="stats")
        with gr.Tab("Sign"):
            with gr.Group():
                x = gr.Number(label="x", value=-2)
                label = gr.Label(label="Sign")
            x.change(classify, x, label, api_name="classify")
    with gr.Accordion("About", open=False):
        gr.HTML("<p>This whole app runs in your browser with <b>wasmui</b>.</p>")
        show = gr.Checkbox(label="I read this")

if __name__ == "__main__":
    demo.launch()
