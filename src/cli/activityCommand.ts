import { readActivityPerLocalDay } from '../node/journal/activityHistory';
import { DAY_MS } from '../core/time/clock';
import { agentLabel } from '../core/activity/handsAndAgents';
import { UsageError, type CliIO } from './io';
import { parseOptions, usage, type OptionTable } from './optionTable';
import { DATA_DIR_OPTION, dataDirOption, dateOption, FROM_OPTION, loadSettings, reportHistoryProblems, TO_OPTION, TZ_OPTION, zoneOption, type CommandOptions } from './options';
import { durationText, jsonMinutes, jsonMinutesByKey, printJson } from './output';

const MAX_DAYS = 3660;

export const OPTIONS = {
  'data-dir': {
    ...DATA_DIR_OPTION,
    help: ["the Hands-On data folder (default: handsOn.dataDirectory from VS Code settings, else the", "extension's storage on this machine)"],
  },
  from: FROM_OPTION,
  to: TO_OPTION,
  tz: TZ_OPTION,
  json: {
    type: 'boolean',
    help: [
      '{"days": [{"date": "YYYY-MM-DD", "codingMinutes": n, "agentMinutes": n, "agents": {"<agent>": n},',
      '"sources": {"<source>": n},',
      '"characters": {"typed": n, "pasted": n, "aiCompletion": n, "agent": n},',
      '"agentCharacters": {"<agent>": n}, "agentLines": {"<agent>": n}}],',
      '"totalCodingMinutes": n, "totalAgentMinutes": n}',
      'agents: claude-code, codex, gemini-cli, vscode-agent (hooks, and shells they drive), vscode (edits',
      'in VS Code you did not make), disk (files changed on disk, reloaded in an editor)',
      'sources: the coding minutes each writer saw (vscode, terminal, neovim); a minute two sources saw',
      'counts for each, and once in codingMinutes',
    ],
  },
} as const satisfies OptionTable;

export const USAGE = usage(
  'activity',
  OPTIONS,
  `Prints hands-on coding minutes and agent minutes per local day, --from and --to inclusive. Agent minutes
are when edits you did not make arrived while you did nothing else; they are never in the coding minutes.`,
);

export async function run(argv: string[], io: CliIO, options: CommandOptions = {}): Promise<number> {
  const platform = options.platform ?? process.platform;
  const args = parseOptions(argv, OPTIONS);
  const from = dateOption(args, '--from');
  const to = dateOption(args, '--to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  // Both are UTC midnights, so the difference is a whole number of days.
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) throw new UsageError(`at most ${MAX_DAYS} days at once`);
  const zone = zoneOption(args, io.env);
  // Only handsOn.dataDirectory matters here, so only a problem with it is worth a warning.
  const dataDir = dataDirOption(args, io, () => loadSettings(io, platform, 'activity', ['handsOn.dataDirectory']).settings, platform);

  const history = await readActivityPerLocalDay(dataDir, from, to, zone);
  reportHistoryProblems(io, 'activity', dataDir, history);
  if (args.json) {
    const days = history.days.map((day) => ({
      date: day.date,
      codingMinutes: jsonMinutes(day.minutes),
      agentMinutes: jsonMinutes(day.agentMinutes),
      agents: jsonMinutesByKey(day.agents),
      sources: jsonMinutesByKey(day.sources),
      characters: day.characters,
      agentCharacters: Object.fromEntries(Object.entries(day.agentWriting).map(([name, w]) => [name, w.characters])),
      agentLines: Object.fromEntries(Object.entries(day.agentWriting).flatMap(([name, w]) => (w.lines > 0 ? [[name, w.lines]] : []))),
    }));
    printJson(io, { days, totalCodingMinutes: jsonMinutes(history.totalMinutes), totalAgentMinutes: jsonMinutes(history.totalAgentMinutes) });
    return 0;
  }
  const lines = [`Date        Coding     Agent  (${zone})`];
  for (const day of history.days) {
    const byAgent = Object.entries(day.agents).map(([name, minutes]) => `${agentLabel(name)} ${durationText(minutes)}`);
    lines.push(`${day.date}  ${durationText(day.minutes).padStart(8)}  ${durationText(day.agentMinutes).padStart(8)}${byAgent.length > 0 ? `  ${byAgent.join(', ')}` : ''}`);
  }
  lines.push(`${'Total'.padEnd(10)}  ${durationText(history.totalMinutes).padStart(8)}  ${durationText(history.totalAgentMinutes).padStart(8)}`);
  io.out(lines.join('\n'));
  return 0;
}
