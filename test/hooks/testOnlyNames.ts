/**
 * Names only the integration-test entry (test/hooks/extension.ts) puts into a bundle. Minification keeps property
 * names and strings, so any of them in a production bundle means test code was shipped.
 */
export const TEST_ONLY_NAMES = ['nudgesShown', 'answerNudgesWith', 'nudgeHandled', 'logLines', 'lastPostedModel', 'userInput', 'panelCount', 'answerAgentPickWith', 'postFromDashboard'] as const;

/** The test-only names found in a bundle's text. */
export function testOnlyNamesIn(bundle: string): string[] {
  return TEST_ONLY_NAMES.filter((name) => bundle.includes(name));
}
