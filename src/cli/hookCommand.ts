import * as os from 'node:os';
import { isHookAgent, parseHookEvent, payloadSession, HOOK_AGENTS } from '../core/agents/hookEvents';
import { defaultDataDirectory } from '../node/journal/dataDirectory';
import { hookPlaces, hookStateDirectory } from '../node/hooks/hookPlaces';
import { noteHookProblem, recordHookEvent } from '../node/hooks/recordHookEvent';
import type { CliIO } from './io';
import { parseCommandLine, usage, type OptionTable } from './optionTable';
import { DATA_DIR_OPTION, homeOf, loadSettings } from './options';

export const OPTIONS = {
  'data-dir': DATA_DIR_OPTION,
} as const satisfies OptionTable;

export const USAGE = usage(
  `hook <${HOOK_AGENTS.join('|')}>`,
  OPTIONS,
  `Reads the hook's JSON on standard input (Codex's notify program: as the last argument) and records the agent's time
and the characters and lines it wrote. Keeps only times, the agent's name, the workspace folder's name (when
handsOn.recordProjectNames is on) and counts: never prompts, file contents, paths or tool output. Prints nothing
and always exits 0, so it never disturbs the agent; problems go to the hook log (hands-on setup --status).`,
);

/** The whole hook is a guest in the agent's process tree: past this it gives up and lets the agent go on. */
export const HOOK_BUDGET_MS = 2_000;

/**
 * Ends this process with exit code 0 once the budget is spent, whatever is still waiting (stdin that never closes, a
 * hung network folder): the agent never waits for us. What the call had not written yet is lost; its session state
 * keeps the next call's span whole.
 */
export function exitWhenBudgetSpent(): void {
  setTimeout(() => process.exit(0), HOOK_BUDGET_MS).unref();
}

/**
 * `hands-on hook <agent>`: silent on stdout and stderr, exit code 0 whatever happens; what went wrong is noted in
 * the hook log and shown by the extension at most once a day.
 */
export async function run(argv: string[], io: CliIO, options: { platform?: NodeJS.Platform } = {}): Promise<number> {
  const platform = options.platform ?? process.platform;
  const places = hookPlaces(hookStateDirectory(io.env, platform, homeOf(io.env)), platform);
  const now = io.now();
  let agent = 'unknown';
  try {
    const { options: args, positionals } = parseCommandLine(argv, OPTIONS, 2);
    const [name = '', argument] = positionals;
    agent = name || 'unknown';
    if (!isHookAgent(name)) throw new Error(`unknown agent "${name}" (one of ${HOOK_AGENTS.join(', ')})`);
    const input = argument ?? (await readInput(io));
    if (input.trim().length === 0) throw new Error("the hook's input was empty (or did not come in time); nothing was recorded");
    let payload: unknown;
    try {
      payload = JSON.parse(input);
    } catch {
      throw new Error(`the hook's input is not JSON (${input.length} characters); nothing was recorded`);
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new Error(`the hook's input is not a JSON object (${Array.isArray(payload) ? 'a list' : typeof payload}); nothing was recorded`);
    const event = parseHookEvent(name, payload);
    // Events Hands-On does not record (SessionStart, PreToolUse…) are fine; a payload without a session is not.
    if (!event) {
      if (payloadSession(payload as Record<string, unknown>) === undefined) throw new Error("the hook's input names no session; nothing was recorded");
      return 0;
    }
    // The settings decide the workspace name and, without --data-dir, the folder; their warnings are the extension's to show.
    const settings = loadSettings({ ...io, err: () => undefined }, platform, 'hook').settings;
    const dataDir = args['data-dir'] ?? (settings.dataDirectory || defaultDataDirectory(io.env, platform, homeOf(io.env)));
    const outcome = await recordHookEvent(event, now, {
      dataDir,
      createDataDir: args['data-dir'] === undefined && !settings.dataDirectory,
      places,
      hostname: os.hostname(),
      recordProjectNames: settings.recordProjectNames,
    });
    if (!outcome.ok) await noteHookProblem(places, event.agent, outcome.message, now);
  } catch (error) {
    await noteHookProblem(places, agent, error instanceof Error ? error.message : String(error), now);
  }
  return 0;
}

async function readInput(io: CliIO): Promise<string> {
  if (!io.stdin) return '';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(''), HOOK_BUDGET_MS);
  });
  try {
    return await Promise.race([io.stdin(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
