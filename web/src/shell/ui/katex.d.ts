// katex ships no types for its contrib auto-render module.
declare module "katex/dist/contrib/auto-render.mjs" {
  const renderMathInElement: (el: HTMLElement, opts?: Record<string, unknown>) => void;
  export default renderMathInElement;
}
declare module "katex/dist/katex.min.css?inline" {
  const css: string;
  export default css;
}
