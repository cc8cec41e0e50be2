// Shell snippets bundled as text by esbuild (esbuild.config.mjs, loader `text`).
declare module '*.bash' {
  const text: string;
  export default text;
}
declare module '*.zsh' {
  const text: string;
  export default text;
}
declare module '*.fish' {
  const text: string;
  export default text;
}
