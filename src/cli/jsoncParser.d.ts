/**
 * `#jsonc-parser` is jsonc-parser, through the `imports` entry of package.json: Node (the unit tests) loads its
 * CommonJS build, esbuild (dist/cli.js) its ES module build, since the UMD wrapper of the CommonJS one hides its
 * inner `require`s from bundlers.
 */
declare module '#jsonc-parser' {
  export * from 'jsonc-parser';
}
