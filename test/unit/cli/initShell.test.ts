import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { useTempDir } from '../../builders/tempDir';

/** `hands-on init <shell>` as a shell runs it when it starts: the bundle, with its environment. */
const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

describe('hands-on init bash|zsh|fish', () => {
  const dir = useTempDir('hands-on-init-shell-');

  function init(shell: string, env: NodeJS.ProcessEnv = {}): string {
    const result = spawnSync(process.execPath, [CLI, 'init', shell, '--data-dir', dir.path], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir.path, ...env } });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  }

  const recordFormat = (snippet: string) => /printf[^\n]*'(\{"v":1,[^']*)'/.exec(snippet)?.[1];

  it("writes the user's activity records in a shell of the user's, every placeholder filled", () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const snippet = init(shell, { TERM_PROGRAM: 'vscode' });
      assert.equal(recordFormat(snippet), '{"v":1,"k":"a","s":%d,"e":%d,"l":"shellscript","src":"terminal"%s}\\n', shell);
      assert.doesNotMatch(snippet, /@[A-Z_]+@/, `${shell}: a placeholder left unfilled`);
    }
  });

  it("writes agent time of the agent whose environment the shell started in (VS Code's agent mode, Claude Code)", () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      assert.equal(recordFormat(init(shell, { AI_AGENT: 'github_copilot_vscode_agent', COPILOT_AGENT: '1' })), '{"v":1,"k":"g","ag":"vscode-agent","s":%d,"e":%d,"l":"shellscript","src":"terminal"%s}\\n', shell);
      assert.match(recordFormat(init(shell, { CLAUDECODE: '1' })) ?? '', /^\{"v":1,"k":"g","ag":"claude-code","s":%d/, shell);
    }
  });

  it('prints bash that bash parses, for the user and for an agent with a hostile name', () => {
    for (const env of [{}, { AI_AGENT: `x'; touch pwned; %n "` }]) {
      const checked = spawnSync('bash', ['-n'], { input: init('bash', env), encoding: 'utf8' });
      assert.equal(checked.status, 0, checked.stderr);
    }
    assert.match(recordFormat(init('bash', { AI_AGENT: `x'; touch pwned; %n "` })) ?? '', /"ag":"x-touch-pwned-n"/);
  });
});
