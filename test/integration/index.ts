// The entry VS Code loads as extensionTestsPath: runs every *.test.js beside it with mocha inside the
// extension host. Works the same under @vscode/test-electron and under code-server. HANDS_ON_TEST_GREP runs only
// the tests whose titles match it (the smoke subset is tagged @smoke).
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const reportFile = process.env.HANDS_ON_TEST_REPORT;
  if (reportFile) {
    // The extension host's console does not reach the runner under code-server, so the reporter also writes to a file.
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      appendFileSync(reportFile, `${format(...args)}\n`);
      consoleLog(...args);
    };
  }
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, forbidOnly: true, reporter: 'spec', grep: process.env.HANDS_ON_TEST_GREP || undefined });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
