import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { fakeCliIO } from '../../builders/cliIO';
import { main } from '../../../src/cli/main';
import { CODEX_TRUST_NOTE } from '../../../src/cli/setupCommand';
import { useTempDir } from '../../builders/tempDir';
import { hookWorld, readOrEmpty, type HookWorld } from './helpers';

async function setup(world: HookWorld, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = fakeCliIO({ env: { ...world.env, ...env }, now: Date.UTC(2026, 4, 1) });
  const code = await main(['setup', ...argv], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const USER_CLAUDE = `{
  "model": "opus",
  "permissions": { "allow": ["Bash(npm test)"] },
  "hooks": {
    "PostToolUse": [
      {
        "matcher": "Write",
        "hooks": [
          {
            "type": "command",
            "command": "prettier --write \\"$CLAUDE_FILE\\""
          }
        ]
      }
    ]
  },
  "statusLine": { "type": "command", "command": "my-status" }
}
`;

const USER_GEMINI = `// Gemini settings, by hand
{
  "theme": "GitHub", // my theme
  /* hooks of my own */
  "hooks": {
    "AfterTool": [
      {
        "matcher": "run_shell_command",
        "hooks": [{ "type": "command", "command": "notify-send done", "timeout": 3000 }] // ping me
      }
    ]
  },
  "general": { "vimMode": true },
}
`;

interface Hook {
  type: string;
  command: string;
  timeout?: number;
}
interface Json {
  hooks?: Record<string, { matcher?: string; hooks: Hook[] }[]>;
  [key: string]: unknown;
}
const read = (file: string): Json => parse(fs.readFileSync(file, 'utf8')) as Json;
const ourCommands = (settings: Json) =>
  Object.entries(settings.hooks ?? {}).flatMap(([event, groups]) =>
    groups.flatMap((group) => group.hooks.filter((h) => /hands-on-hook/.test(h.command)).map((h) => ({ event, matcher: group.matcher, command: h.command, timeout: h.timeout }))),
  );

describe('agents: hands-on setup', () => {
  const dir = useTempDir();
  let world: HookWorld;
  let claude: string;
  beforeEach(() => {
    world = hookWorld(dir.path);
    claude = path.join(world.home, '.claude', 'settings.json');
  });

  it('claude-code: merges into settings of the user’s own, theirs byte for byte; twice changes nothing; the backup only when something changed', async () => {
    fs.mkdirSync(path.dirname(claude), { recursive: true });
    fs.writeFileSync(claude, USER_CLAUDE);
    const first = await setup(world, ['claude-code', '--data-dir', world.dataDir]);
    assert.equal(first.code, 0, first.err);
    assert.equal(first.err, '');
    assert.match(first.out, /claude-code reports to Hands-On through .*settings\.json/);
    const after = fs.readFileSync(claude, 'utf8');
    // The user's PostToolUse group and the settings around it keep their exact text.
    for (const piece of ['"model": "opus",\n  "permissions": { "allow": ["Bash(npm test)"] },', '"statusLine": { "type": "command", "command": "my-status" }', USER_CLAUDE.slice(USER_CLAUDE.indexOf('      {\n        "matcher": "Write"'), USER_CLAUDE.indexOf('\n    ]\n  },'))]) {
      assert.ok(after.includes(piece), `kept: ${piece}`);
    }
    assert.equal(fs.readFileSync(`${claude}.hands-on-backup`, 'utf8'), USER_CLAUDE);
    const settings = read(claude);
    assert.equal(settings.hooks?.PostToolUse?.[0]?.hooks[0]?.command, 'prettier --write "$CLAUDE_FILE"');
    const ours = ourCommands(settings);
    assert.deepEqual(ours.map((h) => h.event), ['PostToolUse', 'UserPromptSubmit', 'Stop', 'SubagentStop', 'SessionEnd']);
    const launcher = path.join(world.stateDir, 'bin', 'hands-on-hook');
    for (const h of ours) assert.deepEqual(h, { event: h.event, matcher: undefined, command: `${launcher} claude-code --data-dir ${world.dataDir}`, timeout: 10 });
    assert.match(readOrEmpty(launcher), /^#!\/bin\/sh\n/);

    // Twice: the file and its backup stay as they are.
    fs.writeFileSync(`${claude}.hands-on-backup`, 'marker');
    const mtime = fs.statSync(claude).mtimeMs;
    const second = await setup(world, ['claude-code', '--data-dir', world.dataDir]);
    assert.equal(second.code, 0);
    assert.match(second.out, /\(nothing to change\)/);
    assert.equal(fs.readFileSync(claude, 'utf8'), after);
    assert.equal(fs.statSync(claude).mtimeMs, mtime);
    assert.equal(fs.readFileSync(`${claude}.hands-on-backup`, 'utf8'), 'marker');

    // --uninstall takes out ours only: the user's file comes back as it was.
    const removed = await setup(world, ['claude-code', '--uninstall']);
    assert.equal(removed.code, 0);
    assert.equal(fs.readFileSync(claude, 'utf8'), USER_CLAUDE);
    assert.equal(fs.readFileSync(`${claude}.hands-on-backup`, 'utf8'), after);
    assert.match((await setup(world, ['claude-code', '--uninstall'])).out, /nothing to change/);
    assert.equal(fs.readFileSync(claude, 'utf8'), USER_CLAUDE);
  });

  it('a new data folder replaces our old entries instead of adding a second set', async () => {
    await setup(world, ['claude-code', '--data-dir', world.dataDir]);
    await setup(world, ['claude-code', '--data-dir', path.join(dir.path, 'other')]);
    const ours = ourCommands(read(claude));
    assert.equal(ours.length, 5);
    for (const h of ours) assert.match(h.command, /--data-dir .*other$/);
  });

  it('--print shows the file as it would be and writes nothing', async () => {
    const result = await setup(world, ['claude-code', '--print']);
    assert.equal(result.code, 0);
    assert.equal(ourCommands(parse(result.out) as Json).length, 5);
    assert.ok(!fs.existsSync(claude));
    assert.ok(!fs.existsSync(world.stateDir), 'no launcher either');
  });

  for (const [what, text] of [
    ['not JSON', '{\n  "model": "opus"\n  "hooks": {}\n}\n'],
    ['hooks not an object', '{ "hooks": ["x"] }\n'],
    ['an event that is not a list', '{ "hooks": { "Stop": { "type": "command" } } }\n'],
    ['not an object at all', '[1, 2]\n'],
  ] as const) {
    it(`malformed settings (${what}): exit 1, a clear message on stderr, the file untouched, no backup`, async () => {
      fs.mkdirSync(path.dirname(claude), { recursive: true });
      fs.writeFileSync(claude, text);
      const result = await setup(world, ['claude-code']);
      assert.equal(result.code, 1);
      assert.equal(result.out, '');
      assert.match(result.err, new RegExp(`^hands-on setup: ${claude.replace(/[.]/g, '\\.')}.*(nothing was changed|Nothing was changed)`, 's'));
      if (what === 'not JSON') assert.match(result.err, /on line 3/);
      assert.equal(fs.readFileSync(claude, 'utf8'), text);
      assert.ok(!fs.existsSync(`${claude}.hands-on-backup`));
      if (what === 'not JSON' || what === 'not an object at all') assert.match((await setup(world, ['--status'])).out, /claude-code\s+unreadable settings/);
    });
  }

  it('gemini-cli: JSONC with comments keeps them, timeout in milliseconds', async () => {
    const gemini = path.join(world.home, '.gemini', 'settings.json');
    fs.mkdirSync(path.dirname(gemini), { recursive: true });
    fs.writeFileSync(gemini, USER_GEMINI);
    assert.equal((await setup(world, ['gemini-cli'])).code, 0);
    const after = fs.readFileSync(gemini, 'utf8');
    for (const comment of ['// Gemini settings, by hand', '// my theme', '/* hooks of my own */', '// ping me', '"general": { "vimMode": true },']) assert.ok(after.includes(comment), `kept: ${comment}`);
    const ours = ourCommands(read(gemini));
    assert.deepEqual(ours.map((h) => [h.event, h.timeout]), [['AfterTool', 10_000], ['BeforeAgent', 10_000], ['AfterAgent', 10_000]]);
    for (const h of ours) assert.match(h.command, / gemini-cli$/);
    assert.equal((await setup(world, ['gemini-cli'])).out.includes('nothing to change'), true);
    assert.equal((await setup(world, ['gemini-cli', '--uninstall'])).code, 0);
    assert.equal(fs.readFileSync(gemini, 'utf8'), USER_GEMINI);
  });

  it('codex: ~/.codex/hooks.json, or $CODEX_HOME/hooks.json; tells the user to trust the hooks in /hooks', async () => {
    const result = await setup(world, ['codex']);
    assert.equal(result.code, 0);
    assert.ok(result.out.split('\n').includes(CODEX_TRUST_NOTE), result.out);
    assert.match(CODEX_TRUST_NOTE, /\/hooks/);
    const file = path.join(world.home, '.codex', 'hooks.json');
    const settings = read(file);
    assert.deepEqual(Object.keys(settings), ['hooks'], 'hooks.json takes only "hooks" (and "description")');
    assert.deepEqual(ourCommands(settings).map((h) => [h.event, h.timeout]), [['UserPromptSubmit', 10], ['PostToolUse', 10], ['Stop', 10]]);
    // Removing them needs no approval: no note.
    assert.ok(!(await setup(world, ['codex', '--uninstall'])).out.includes(CODEX_TRUST_NOTE));

    const codexHome = path.join(dir.path, 'codex-home');
    assert.equal((await setup(world, ['codex'], { CODEX_HOME: codexHome })).code, 0);
    assert.equal(ourCommands(read(path.join(codexHome, 'hooks.json'))).length, 3);
    assert.match((await setup(world, ['--status'], { CODEX_HOME: codexHome })).out, new RegExp(`codex\\s+connected\\s+${codexHome}`));
  });

  it('vscode-agent: ~/.copilot/hooks/hands-on.json', async () => {
    assert.equal((await setup(world, ['vscode-agent'])).code, 0);
    const ours = ourCommands(read(path.join(world.home, '.copilot', 'hooks', 'hands-on.json')));
    assert.deepEqual(ours.map((h) => h.event), ['UserPromptSubmit', 'PostToolUse', 'Stop']);
    for (const h of ours) assert.match(h.command, / vscode-agent$/);
  });

  it('--status lists every agent, connected or not, and the last hook problem', async () => {
    await setup(world, ['gemini-cli']);
    const status = (await setup(world, ['--status'])).out.split('\n');
    assert.match(status[0]!, /^claude-code\s+not connected\s+/);
    assert.match(status[1]!, /^codex\s+not connected\s+/);
    assert.match(status[2]!, /^gemini-cli\s+connected\s+/);
    assert.match(status[3]!, /^vscode-agent\s+not connected\s+/);
    await main(['hook', 'gemini-cli'], fakeCliIO({ env: world.env, now: Date.UTC(2026, 4, 1), stdin: '{' }));
    assert.match((await setup(world, ['--status'])).out, /Last hook problem \(2026-05-01T00:00:00\.000Z, gemini-cli\): the hook's input is not JSON/);
  });

  it('usage errors: no agent, an unknown one, --status with an agent, --uninstall with --data-dir', async () => {
    for (const argv of [[], ['cursor'], ['--status', 'codex'], ['codex', '--uninstall', '--data-dir', 'x']]) {
      const result = await setup(world, argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.err, /^hands-on setup: /);
    }
  });
});
