/** Vite's `?inline` CSS imports (a view's CSS as a string, see ui/styles.ts). */
declare module "*.css?inline" {
  const css: string;
  export default css;
}

// hls.js's light build (no subtitles, alternate audio or DRM) has the full build's API and types.
declare module "hls.js/light" {
  export { default } from "hls.js";
}
