// Issue 15 in a real VS Code, under each `files.autoSave`: auto saves are not the user's activity, and files a program
// rewrites on disk (reloaded in an open editor) are the `disk` agent's, never hands-on time. Real keys from Playwright,
// a scripted agent from the test helper extension, a program started by typing its command in the integrated terminal,
// time from the test clock running faster than real time; results from the CLI's JSON and the journal's records.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeHelperBench, helper, openFile, openHelperBench, type HelperBench } from './helperBench';
import { RESULTS, runPaletteCommand, screenshot, waitUntil } from './workbench';

/** Scenario time runs this many times faster than real time (the fake clock of the integration-test build). */
const RATE = 5;
const SECOND = 1000;
const real = (ms: number) => ms / RATE;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SETTINGS = ['off', 'afterDelay', 'onFocusChange'] as const;
type AutoSave = (typeof SETTINGS)[number];
const SCENARIOS = ['typing', 'agent', 'program'] as const;
type Scenario = (typeof SCENARIOS)[number];
/** Each setting and scenario runs on its own day, so the CLI's per-day figures are that run's alone. */
const dayOf = (setting: AutoSave, scenario: Scenario) => `2026-04-${String(SETTINGS.indexOf(setting) * 3 + SCENARIOS.indexOf(scenario) + 1).padStart(2, '0')}`;
const fileOf = (setting: AutoSave, scenario: Scenario) => `${setting}-${scenario}.ts`;
const unopenedOf = (setting: AutoSave) => `${setting}-unopened.ts`;

/** A program a user (or a command-line agent) runs in the terminal: rewrites an open file and an unopened one every `everyMs`. */
const WRITER = `const fs = require('node:fs');
const [open, unopened, count, everyMs] = process.argv.slice(2);
let i = 0;
const write = () => {
  for (const file of [open, unopened]) fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '// written by a program ' + i + '\\n');
  if (++i < Number(count)) setTimeout(write, Number(everyMs));
  else fs.writeFileSync(unopened + '.done', '');
};
write();
`;
/** The program's writes: every 5 s of scenario time for 60 s. */
const PROGRAM_WRITES = 13;
/** The agent's edits: 13, every 5 s for 60 s (`// agent edit N\n`). */
const AGENT_EDITS = 13;
const AGENT_CHARACTERS = 10 * '// agent edit 0\n'.length + 3 * '// agent edit 10\n'.length;

interface DayJson {
  date: string;
  codingMinutes: number;
  agentMinutes: number;
  characters: { typed: number; pasted: number; aiCompletion: number; agent: number };
}

/** A day as the CLI reads it, with the agent minutes and characters by agent name. */
interface Measured extends DayJson {
  agents: Record<string, number>;
  agentCharacters: Record<string, number>;
}

type Bench = HelperBench;

function openBench(): Promise<Bench> {
  return openHelperBench({
    prefix: 'hands-on-autosave-',
    settings: {
      'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
      'editor.suggestOnTriggerCharacters': false,
      'editor.wordBasedSuggestions': 'off',
      'typescript.suggest.enabled': false,
      'files.autoSave': 'off',
      // Shorter than the agent's second between edits (5 s of scenario time at RATE 5), so afterDelay saves between them.
      'files.autoSaveDelay': 200,
      'workbench.editor.enablePreview': false,
      'terminal.integrated.shellIntegration.enabled': true,
      'terminal.integrated.defaultProfile.linux': 'bash',
      // The DOM renderer, whose rows the test can read (Chromium runs without a GPU).
      'terminal.integrated.gpuAcceleration': 'off',
    },
    prepare: (work, workspace) => {
      for (const setting of SETTINGS) {
        for (const scenario of SCENARIOS) writeFileSync(join(workspace, fileOf(setting, scenario)), 'export const start = 1;\n');
        writeFileSync(join(workspace, unopenedOf(setting)), 'export const untouched = true;\n');
      }
      writeFileSync(join(work, 'w.cjs'), WRITER);
    },
  });
}

/** Starts the run's day on a settled host: the clock runs from 10:00 UTC on it, RATE times faster than real time. */
async function startDay(bench: Bench, day: string): Promise<void> {
  await helper(bench, { op: 'settle' });
  await helper(bench, { op: 'clock', from: Date.parse(`${day}T10:00:00Z`), rate: RATE });
  await helper(bench, { op: 'record', on: true });
}

interface SeenEvent {
  t: number;
  type: string;
  file?: string;
  isDirty?: boolean;
  facts?: { inActiveEditor: boolean; clean: boolean; insertedChars: number };
  manual?: boolean;
  matches?: boolean;
  kind?: string;
  reason?: number | string | null;
}

const eventsFile = (setting: AutoSave, scenario: Scenario) => join(RESULTS, `autosave-events-${setting}-${scenario}.jsonl`);

function seenEvents(setting: AutoSave, scenario: Scenario): SeenEvent[] {
  return readFileSync(eventsFile(setting, scenario), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SeenEvent);
}

/** Scenario minutes from the start of the recording: the first and last of the changes `which` selects, with the 30 s credit after the last. */
function creditedWindow(events: readonly SeenEvent[], which: (event: SeenEvent) => boolean): number {
  const times = events.filter((event) => (event.type === 'change' || event.type === 'selection') && which(event)).map((event) => (event.t * RATE) / 60_000);
  assert.ok(times.length > 0, 'the host saw none of the changes');
  return Math.max(...times) - Math.min(...times) + 0.5;
}

/** Lets the credit after the last event pass, writes the journal, and reads the day. */
async function measure(bench: Bench, setting: AutoSave, scenario: Scenario): Promise<Measured> {
  await sleep(real(35 * SECOND));
  await helper(bench, { op: 'record', on: false });
  await helper(bench, { op: 'flush' });
  mkdirSync(RESULTS, { recursive: true });
  const events = join(bench.helperDir, 'events.jsonl');
  if (existsSync(events)) renameSync(events, eventsFile(setting, scenario));
  else writeFileSync(eventsFile(setting, scenario), '');
  const date = dayOf(setting, scenario);
  const out = execFileSync('node', [bench.cli, 'activity', '--data-dir', bench.dataDir, '--from', date, '--to', date, '--tz', 'UTC', '--json'], { encoding: 'utf8' });
  const measured = (JSON.parse(out) as { days: Measured[] }).days[0]!;
  appendFileSync(join(RESULTS, 'autosave-scenarios.jsonl'), `${JSON.stringify({ setting, scenario, ...measured })}\n`);
  return measured;
}

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(2)} min, expected ${expected.toFixed(2)} ± ${tolerance}`);

describe('Auto saves and files changed on disk, in a real VS Code, under each files.autoSave', function () {
  this.timeout(10 * 60_000);
  let bench: Bench;

  before(async function () {
    this.timeout(5 * 60_000);
    rmSync(join(RESULTS, 'autosave-scenarios.jsonl'), { force: true });
    bench = await openBench();
  });

  after(() => closeHelperBench(bench));

  for (const setting of SETTINGS) {
    describe(`files.autoSave: ${setting}`, () => {
      before(async () => {
        assert.equal(await helper(bench, { op: 'setting', section: 'files', key: 'autoSave', value: setting }), setting);
      });

      it('typing with real keys is hands-on time, and no agent time', async () => {
        await openFile(bench, fileOf(setting, 'typing'));
        await startDay(bench, dayOf(setting, 'typing'));
        // The user goes to the end of the line first (a keystroke's cursor move can come after its change by more
        // than the confirmation window of scenario time, at RATE times real time; the key before covers it).
        await bench.page.keyboard.press('End');
        const text = 'const typedByHand = 1 ';
        const started = Date.now();
        let keys = 0;
        for (let next = 0; next <= 30 * SECOND; next += SECOND) {
          await sleep(Math.max(0, started + real(next) - Date.now()));
          await bench.page.keyboard.type(text[keys % text.length]!);
          keys++;
        }
        const day = await measure(bench, setting, 'typing');
        const events = seenEvents(setting, 'typing');
        near(day.codingMinutes, creditedWindow(events, (event) => event.type === 'change' || event.kind === 'keyboard'), 0.1, 'hands-on (the typing the host saw, about 30 s, and the 30 s credit after the last key)');
        assert.equal(day.agentMinutes, 0);
        assert.deepEqual(day.characters, { typed: keys, pasted: 0, aiCompletion: 0, agent: 0 });
        if (setting === 'afterDelay') assert.ok(events.some((event) => event.type === 'willSave' && event.reason === 'afterDelay'), 'VS Code saved the typing after a delay');
        assert.ok(!events.some((event) => event.type === 'reload' && event.matches), 'no keystroke equals the file on disk');
      });

      it('an extension editing the shown file like an agent is never hands-on, even when each edit is auto-saved', async () => {
        await openFile(bench, fileOf(setting, 'agent'));
        await startDay(bench, dayOf(setting, 'agent'));
        await helper(bench, { op: 'agent', target: 'shown', everyMs: 5 * SECOND, count: AGENT_EDITS, rate: RATE });
        const day = await measure(bench, setting, 'agent');
        const events = seenEvents(setting, 'agent');
        if (setting === 'afterDelay') assert.ok(events.filter((event) => event.type === 'didSave').length >= 3, 'VS Code auto-saved the agent’s edits');
        assert.ok(!events.some((event) => event.type === 'reload' && event.matches), 'no agent edit equals the file on disk');
        assert.equal(day.codingMinutes, 0, 'no hands-on time');
        near(day.agentMinutes, creditedWindow(events, (event) => event.type === 'change'), 0.1, 'agent time (the edits the host saw, about 60 s, and the credit after the last)');
        assert.deepEqual(Object.keys(day.agents), ['vscode']);
        assert.deepEqual(day.characters, { typed: 0, pasted: 0, aiCompletion: 0, agent: AGENT_CHARACTERS });
        assert.deepEqual(day.agentCharacters, { vscode: AGENT_CHARACTERS });
      });

      it('a program started in the terminal rewriting an open and an unopened file is the disk agent’s time, not hands-on', async () => {
        const { page, workspace } = bench;
        const open = fileOf(setting, 'program');
        const unopened = unopenedOf(setting);
        await openFile(bench, open);
        await runPaletteCommand(page, 'Terminal: Create New Terminal');
        const rows = page.locator('.xterm-rows').first();
        try {
          await rows.waitFor({ timeout: 60_000 });
          await waitUntil(async () => /[$#]\s*$/.test(await rows.innerText()), 30_000);
        } catch (error) {
          await screenshot(page, `autosave-terminal-${setting}`);
          throw error;
        }
        await page.locator('.xterm-helper-textarea').first().focus();
        await startDay(bench, dayOf(setting, 'program'));
        await page.keyboard.type(`node ../w.cjs ${open} ${unopened} ${PROGRAM_WRITES} ${real(5 * SECOND)}`);
        await page.keyboard.press('Enter');
        try {
          await waitUntil(async () => existsSync(join(workspace, `${unopened}.done`)), 60_000);
        } catch (error) {
          await screenshot(page, `autosave-program-${setting}`);
          throw error;
        }
        const day = await measure(bench, setting, 'program');
        // The next run starts a terminal of its own, as the only one.
        await runPaletteCommand(page, 'Terminal: Kill All Terminals');
        const events = seenEvents(setting, 'program');
        const reloads = events.filter((event) => event.type === 'change' && event.file === open);
        assert.ok(reloads.length > 0, 'VS Code reloaded the open file');
        assert.ok(
          reloads.every((event) => event.isDirty === false && event.reason === null && event.facts?.clean === true),
          `every reload leaves the document clean: ${JSON.stringify(reloads.slice(0, 3))}`,
        );
        assert.ok(events.filter((event) => event.type === 'reload' && event.matches).length >= reloads.length - 1, 'the reloaded document equals the file on disk');
        assert.ok(!events.some((event) => event.type === 'change' && event.file === unopened), 'the unopened file is not a document');
        assert.ok(day.codingMinutes <= 0.5, `hands-on ${day.codingMinutes} min, at most the 30 s credit of the command typed in the terminal`);
        assert.deepEqual(Object.keys(day.agents), ['disk'], 'agent time is the disk agent’s only');
        near(day.agentMinutes, creditedWindow(events, (event) => event.file === open) - Math.min(day.codingMinutes, 0.5), 0.15, 'disk agent time (the reloads the host saw, about 60 s, and the credit, minus the hands-on moment)');
        assert.equal(day.characters.typed + day.characters.pasted + day.characters.aiCompletion, 0);
        assert.deepEqual(day.agentCharacters, { disk: reloads.reduce((sum, event) => sum + (event.facts?.insertedChars ?? 0), 0) });
        assert.equal(readFileSync(join(workspace, unopened), 'utf8').split('\n').length - 2, PROGRAM_WRITES, 'the program wrote the unopened file too');
      });
    });
  }
});
