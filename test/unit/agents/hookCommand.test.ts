import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MINUTE_MS, HOUR_MS, DAY_MS } from '../../../src/core/time/clock';
import { HOOK_LOG_MAX_BYTES } from '../../../src/node/hooks/recordHookEvent';
import { readActivityPerLocalDay } from '../../../src/node/journal/activityHistory';
import { journalPaths } from '../../../src/node/journal/layout';
import { useTempDir } from '../../builders/tempDir';
import { filesUnder, fixture, hook, hookWorld, journalText, readOrEmpty, runHook, writeVsCodeSettings, type HookWorld } from './helpers';

const T = Date.UTC(2026, 4, 1, 10);
const SILENT_OK = { code: 0, out: [], err: [] };

const prompt = (session = 'session-a'): Record<string, unknown> => ({ ...fixture('claude-code/UserPromptSubmit.json'), session_id: session });
const write = (session = 'session-a', toolUseId = 'toolu_write_1'): Record<string, unknown> => ({ ...fixture('claude-code/PostToolUse-Write.json'), session_id: session, tool_use_id: toolUseId });
const stop = (session = 'session-a'): Record<string, unknown> => ({ ...fixture('claude-code/Stop.json'), session_id: session });
const WRITE_CHARACTERS = 'alpha\nbeta\ngamma\n'.length;

async function dayOf(dataDir: string) {
  const activity = await readActivityPerLocalDay(dataDir, '2026-05-01', '2026-05-01', 'UTC');
  return activity.days[0]!;
}

async function turn(world: HookWorld, at: number, session = 'session-a', dataDir = world.dataDir): Promise<void> {
  assert.deepEqual(await hook(world, 'claude-code', prompt(session), at, dataDir), SILENT_OK);
  assert.deepEqual(await hook(world, 'claude-code', write(session), at + 20_000, dataDir), SILENT_OK);
  assert.deepEqual(await hook(world, 'claude-code', stop(session), at + 50_000, dataDir), SILENT_OK);
}

describe('agents: hands-on hook', () => {
  const dir = useTempDir();
  let world: HookWorld;
  beforeEach(() => {
    world = hookWorld(dir.path);
  });

  describe('input it cannot use: silent, exit 0, nothing recorded, one line in the hook log', () => {
    const bad: [string, string[], string | undefined][] = [
      ['malformed JSON', ['claude-code'], '{"session_id": "s", hook_event_name: UserPromptSubmit}'],
      ['truncated JSON', ['claude-code'], JSON.stringify(write()).slice(0, 120)],
      ['empty stdin', ['claude-code'], ''],
      ['no stdin at all', ['claude-code'], undefined],
      ['an unknown agent', ['cursor'], JSON.stringify(prompt())],
      ['no agent', [], JSON.stringify(prompt())],
      ['a payload that is a list', ['claude-code'], JSON.stringify([prompt()])],
      ['a payload that is a string', ['claude-code'], '"UserPromptSubmit"'],
      ['a payload without a session', ['claude-code'], JSON.stringify({ ...prompt(), session_id: undefined })],
      ['a payload with an empty session', ['gemini-cli'], JSON.stringify({ ...fixture('gemini-cli/BeforeAgent.json'), session_id: '' })],
      ['an unknown option', ['claude-code', '--verbose'], JSON.stringify(prompt())],
    ];
    for (const [what, argv, input] of bad) {
      it(what, async () => {
        const result = await runHook(world, [...argv, '--data-dir', world.dataDir], input, T);
        assert.deepEqual(result, SILENT_OK);
        assert.equal(journalText(world.dataDir), '');
        assert.deepEqual(filesUnder(world.dataDir), []);
        const log = readOrEmpty(world.places.log).split('\n').filter(Boolean);
        assert.equal(log.length, 1, `one line in the hook log: ${JSON.stringify(log)}`);
        assert.match(log[0]!, /^2026-05-01T10:00:00\.000Z \S+: /);
        assert.ok(!fs.existsSync(world.places.pending), 'nothing pending');
      });
    }

    it('an event Hands-On does not record (SessionStart, PreToolUse) is no problem: nothing logged', async () => {
      for (const file of ['claude-code/SessionStart.json', 'claude-code/PreToolUse-Write.json', 'claude-code/SubagentStart.json']) {
        assert.deepEqual(await hook(world, 'claude-code', fixture(file), T), SILENT_OK);
      }
      assert.equal(journalText(world.dataDir), '');
      assert.equal(readOrEmpty(world.places.log), '');
    });

    it('never writes the input into the log', async () => {
      await runHook(world, ['claude-code'], '{"prompt": "my SECRET prompt", ', T);
      assert.doesNotMatch(readOrEmpty(world.places.log), /SECRET/);
    });
  });

  describe('agent time of a session', () => {
    it('prompt at t, a Write at t+20 s, stop at t+50 s: 50 s of claude-code, no coding, the Write’s characters', async () => {
      await turn(world, T);
      const day = await dayOf(world.dataDir);
      assert.deepEqual(day.agents, { 'claude-code': 50 / 60 });
      assert.equal(day.agentMinutes, 50 / 60);
      assert.equal(day.minutes, 0);
      assert.deepEqual(day.agentWriting, { 'claude-code': { characters: WRITE_CHARACTERS, lines: 3 } });
      assert.equal(day.characters.agent, WRITE_CHARACTERS);
      assert.equal(day.characters.typed, 0);
    });

    it('a prompt 2 minutes after the stop adds the 2 minutes of steering', async () => {
      await turn(world, T);
      await hook(world, 'claude-code', prompt(), T + 50_000 + 2 * MINUTE_MS);
      assert.deepEqual((await dayOf(world.dataDir)).agents, { 'claude-code': 50 / 60 + 2 });
    });

    it('a prompt 10 minutes after the stop adds nothing for the gap', async () => {
      await turn(world, T);
      await hook(world, 'claude-code', prompt(), T + 50_000 + 10 * MINUTE_MS);
      assert.deepEqual((await dayOf(world.dataDir)).agents, { 'claude-code': 50 / 60 });
      // …and the new turn counts from its prompt.
      await hook(world, 'claude-code', stop(), T + 50_000 + 11 * MINUTE_MS);
      assert.deepEqual((await dayOf(world.dataDir)).agents, { 'claude-code': 110 / 60 });
    });

    it('a lost stop and a prompt 3 hours later add nothing for the gap', async () => {
      await hook(world, 'claude-code', prompt(), T);
      await hook(world, 'claude-code', write(), T + 20_000);
      await hook(world, 'claude-code', prompt(), T + 20_000 + 3 * HOUR_MS);
      assert.deepEqual((await dayOf(world.dataDir)).agents, { 'claude-code': 20 / 60 });
    });

    it('a SessionEnd closes the session: the next prompt of that id starts afresh', async () => {
      await turn(world, T);
      await hook(world, 'claude-code', { ...fixture('claude-code/SessionEnd.json'), session_id: 'session-a' }, T + 60_000);
      await hook(world, 'claude-code', prompt(), T + 2 * MINUTE_MS);
      assert.deepEqual((await dayOf(world.dataDir)).agents, { 'claude-code': 50 / 60 });
    });

    it('two sessions at once count their union once', async () => {
      await turn(world, T, 'one');
      await turn(world, T + 10_000, 'two');
      assert.deepEqual((await dayOf(world.dataDir)).agents, { 'claude-code': 1 });
    });
  });

  describe('privacy', () => {
    const PROMPT = 'Please rename the ZEBRA-7781 flag';
    const FILE = '/home/user/secret-proj-QX41/src/confidential-QX41.ts';
    const CONTENT = 'const launchCode = "OCELOT-5512";\n';
    const CWD = '/home/user/work/wombat-project-QX41';

    async function session(): Promise<void> {
      const base = { cwd: CWD, transcript_path: `/home/user/.claude/projects/-home-user-work-wombat-project-QX41/s.jsonl`, session_id: 'priv' };
      await hook(world, 'claude-code', { ...prompt(), ...base, prompt: PROMPT }, T);
      const w = write();
      await hook(world, 'claude-code', { ...w, ...base, tool_input: { file_path: FILE, content: CONTENT }, tool_response: { ...(w.tool_response as object), filePath: FILE, content: CONTENT } }, T + 20_000);
      await hook(world, 'claude-code', { ...stop(), ...base, last_assistant_message: `Renamed ZEBRA-7781 in ${FILE}` }, T + 50_000);
      // A call that fails (its input truncated) and one whose data folder is missing: their log lines must not leak either.
      await hook(world, 'claude-code', JSON.stringify({ ...prompt(), ...base, prompt: PROMPT }).slice(0, 200), T + 60_000);
      await hook(world, 'claude-code', { ...w, ...base, tool_use_id: 'toolu_2', tool_input: { file_path: FILE, content: CONTENT } }, T + 70_000, path.join(dir.path, 'missing'));
    }

    function everything(): string {
      return [...filesUnder(world.dataDir), ...filesUnder(world.stateDir)].map((file) => `${file}\n${fs.readFileSync(file, 'utf8')}`).join('\n');
    }

    it('keeps no prompt, path or content anywhere: only the workspace name, as handsOn.recordProjectNames allows', async () => {
      await session();
      const all = everything();
      assert.ok(readOrEmpty(world.places.log).length > 0, 'the failures were logged');
      for (const secret of ['ZEBRA', 'OCELOT', 'launchCode', 'secret-proj', 'confidential', '/home/user', 'priv"', 'Renamed']) assert.ok(!all.includes(secret), `"${secret}" was stored`);
      assert.match(journalText(world.dataDir), /"w":"wombat-project-QX41"/);
      assert.equal((await dayOf(world.dataDir)).agentWriting['claude-code']?.characters, CONTENT.length);
    });

    it('with handsOn.recordProjectNames off, not even the workspace name', async () => {
      writeVsCodeSettings(world, { 'handsOn.recordProjectNames': false });
      await session();
      const all = everything();
      for (const secret of ['ZEBRA', 'OCELOT', 'secret-proj', 'confidential', 'QX41', 'wombat', '/home/user']) assert.ok(!all.includes(secret), `"${secret}" was stored`);
      assert.deepEqual((await dayOf(world.dataDir)).agents, { 'claude-code': 50 / 60 });
    });
  });

  describe('a data folder that does not work', () => {
    const pendingText = () => filesUnder(world.places.pending).map((file) => fs.readFileSync(file, 'utf8')).join('');

    const broken: [string, (dataDir: string) => string][] = [
      ['missing (named by --data-dir, so never created)', (d) => path.join(d, 'not-yet')],
      ['a file where the folder should be', (d) => {
        const file = path.join(d, 'in-the-way');
        fs.writeFileSync(file, 'x');
        return file;
      }],
      ['a path under a file', (d) => {
        const file = path.join(d, 'a-file');
        fs.writeFileSync(file, 'x');
        return path.join(file, 'data');
      }],
    ];

    for (const [what, make] of broken) {
      it(`${what}: silent, the lines wait on this machine and reach the journal once the folder works, counted once`, async () => {
        const dataDir = make(dir.path);
        assert.deepEqual(await hook(world, 'claude-code', prompt(), T, dataDir), SILENT_OK);
        assert.deepEqual(await hook(world, 'claude-code', write(), T + 20_000, dataDir), SILENT_OK);
        const waiting = pendingText();
        assert.equal(waiting.split('\n').filter(Boolean).length, 2, 'the span to the Write and its characters');
        assert.match(readOrEmpty(world.places.log), /data folder/);
        assert.match(readOrEmpty(world.places.lastProblem), /data folder/);
        // The folder works again (here: the one of the world).
        assert.deepEqual(await hook(world, 'claude-code', stop(), T + 50_000), SILENT_OK);
        assert.equal(pendingText(), '');
        assert.deepEqual(fs.readdirSync(world.places.pending), [], 'no claimed file left behind');
        let day = await dayOf(world.dataDir);
        assert.deepEqual(day.agents, { 'claude-code': 50 / 60 });
        assert.deepEqual(day.agentWriting, { 'claude-code': { characters: WRITE_CHARACTERS, lines: 3 } });
        // The same lines written a second time (a call killed after its write, before it released them) count once.
        fs.appendFileSync(path.join(journalPaths(world.dataDir).live, fs.readdirSync(journalPaths(world.dataDir).live)[0]!), waiting);
        day = await dayOf(world.dataDir);
        assert.deepEqual(day.agents, { 'claude-code': 50 / 60 });
        assert.deepEqual(day.agentWriting, { 'claude-code': { characters: WRITE_CHARACTERS, lines: 3 } });
      });
    }

    it('a damaged journal (garbage lines in the live file) does not stop a hook', async () => {
      await hook(world, 'claude-code', prompt(), T);
      await hook(world, 'claude-code', write(), T + 10_000);
      const live = journalPaths(world.dataDir).live;
      const [file] = fs.readdirSync(live);
      fs.appendFileSync(path.join(live, file!), '\u0000\u0000garbage{{{\n{"v":1,"k":"g","s":"x"}\nhalf a li');
      assert.deepEqual(await hook(world, 'claude-code', write('session-a', 'toolu_2'), T + 20_000), SILENT_OK);
      assert.deepEqual(await hook(world, 'claude-code', stop(), T + 50_000), SILENT_OK);
      const activity = await readActivityPerLocalDay(world.dataDir, '2026-05-01', '2026-05-01', 'UTC');
      // The torn last line swallows the next record's start; the rest is read.
      assert.ok(activity.corruptLines >= 2);
      // The torn line took the span to t+20 s with it; the span from t+20 s to the stop is there.
      assert.ok(activity.days[0]!.agents['claude-code']! >= 40 / 60);
      assert.equal(readOrEmpty(world.places.log), '');
    });

    it('a session state folder that cannot be written: silent, logged', async () => {
      fs.mkdirSync(world.stateDir, { recursive: true });
      fs.writeFileSync(world.places.sessions, 'in the way');
      assert.deepEqual(await hook(world, 'claude-code', prompt(), T), SILENT_OK);
      assert.match(readOrEmpty(world.places.log), /session's state/);
    });
  });

  describe('its own files stay small', () => {
    it('moves the hook log to hook.log.1 past 256 KB, so the two stay bounded', async () => {
      fs.mkdirSync(world.stateDir, { recursive: true });
      fs.writeFileSync(world.places.log, 'x'.repeat(HOOK_LOG_MAX_BYTES));
      await runHook(world, ['claude-code'], 'not json', T);
      assert.equal(fs.statSync(`${world.places.log}.1`).size, HOOK_LOG_MAX_BYTES);
      assert.match(readOrEmpty(world.places.log), /^2026-05-01T10:00:00\.000Z claude-code: the hook's input is not JSON/);
      for (let i = 0; i < 3000; i++) await runHook(world, ['claude-code'], 'not json', T);
      assert.ok(fs.statSync(world.places.log).size < HOOK_LOG_MAX_BYTES + 200);
      assert.ok(fs.statSync(`${world.places.log}.1`).size < HOOK_LOG_MAX_BYTES + 200);
      assert.deepEqual(fs.readdirSync(world.stateDir).filter((n) => n.startsWith('hook.log')).sort(), ['hook.log', 'hook.log.1']);
    });

    it('a prompt removes session state untouched for more than 2 days, and keeps the rest', async () => {
      await hook(world, 'claude-code', prompt('old'), T - 3 * DAY_MS);
      await hook(world, 'claude-code', prompt('recent'), T - DAY_MS);
      const [oldFile, recentFile] = ['old', 'recent'].map((s) => filesUnder(world.places.sessions).find((f) => fs.readFileSync(f, 'utf8').includes(String(s === 'old' ? T - 3 * DAY_MS : T - DAY_MS))));
      assert.ok(oldFile && recentFile);
      const seconds = (ms: number) => ms / 1000;
      fs.utimesSync(oldFile, seconds(T - 3 * DAY_MS), seconds(T - 3 * DAY_MS));
      fs.utimesSync(recentFile, seconds(T - DAY_MS), seconds(T - DAY_MS));
      fs.writeFileSync(path.join(world.places.sessions, 'x.json.123.tmp'), '{');
      fs.utimesSync(path.join(world.places.sessions, 'x.json.123.tmp'), seconds(T - 5 * DAY_MS), seconds(T - 5 * DAY_MS));
      // A progress event prunes nothing…
      await hook(world, 'claude-code', write('other'), T);
      assert.equal(filesUnder(world.places.sessions).length, 4);
      // …a prompt does.
      await hook(world, 'claude-code', prompt('new'), T);
      const left = filesUnder(world.places.sessions);
      assert.ok(!left.includes(oldFile) && left.includes(recentFile), JSON.stringify(left));
      assert.equal(left.length, 3, 'recent, other, new');
    });
  });
});
