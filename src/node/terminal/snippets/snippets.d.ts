// Shell snippets bundled as text by esbuild (esbuild.config.mjs, loader `text`).
/* eslint-disable no-restricted-syntax -- esbuild's text loader gives the file as the default export */
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
