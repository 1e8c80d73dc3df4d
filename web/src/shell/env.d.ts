/** Vite's `?inline` CSS imports (a view's CSS as a string, see ui/styles.ts). */
declare module "*.css?inline" {
  const css: string;
  export default css;
}
