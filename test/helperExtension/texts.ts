// What the test helper extension inserts, shared with the browser test that checks the counts (no vscode import here).
export const INLINE_TRIGGER = '// complete me';
export const INLINE_COMPLETION = '\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n';
export const SUGGESTION = 'helperSuggestionItem';
export const FORMAT_HEADER = '// formatted by the helper\n';
