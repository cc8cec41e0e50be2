import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { errorText } from '../core/errorText';
import { HOOK_AGENTS, type HookAgent } from '../core/agents/hookEvents';
import { agentLabel } from '../core/activity/handsAndAgents';
import { DAY_MS } from '../core/time/clock';
import { agentSettingsFile, AgentSettingsError, applyConnection, isConnected, planConnection } from '../node/hooks/agentConnection';
import { hookPlaces, hookStateDirectory, type HookPlaces } from '../node/hooks/hookPlaces';
import { ensureLauncher, hookCommandLine, isStaleScript } from '../node/hooks/launcher';

export interface AgentChoice extends vscode.QuickPickItem {
  readonly agent: HookAgent;
}

/**
 * *Hands-On: Connect Coding Agents…*: the same as `hands-on setup <agent>` for each agent picked (and `--uninstall`
 * for each connected one left unpicked). The hooks run this extension's CLI with VS Code's own runtime, through a
 * launcher the extension keeps up to date, so nothing has to be installed with npm.
 */
export class AgentConnections {
  private readonly places: HookPlaces;
  private readonly cli: string;

  constructor(
    extensionPath: string,
    /** Where the agents' settings and Hands-On's state folder are: the user's home and environment. */
    private readonly home: { readonly dir: string; readonly env: NodeJS.ProcessEnv },
    private readonly dataDirectory: () => string,
    private readonly pick: (choices: AgentChoice[]) => Thenable<readonly AgentChoice[] | undefined>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.places = hookPlaces(hookStateDirectory(home.env, process.platform, home.dir), process.platform);
    this.cli = `${extensionPath}/dist/cli.js`;
  }

  /** After an update moved the extension, a launcher that ran the old CLI runs this one (agents' settings stay as they are). */
  refreshLauncher(): void {
    try {
      if (!isStaleScript(this.places.launcher)) return;
      ensureLauncher(this.places.launcher, process.execPath, this.cli, process.platform);
      this.log.info(`The agent hook launcher now runs ${this.cli}.`);
    } catch (error) {
      this.log.warn(`Could not update the agent hook launcher ${this.places.launcher}: ${errorText(error)}`);
    }
  }

  async connect(): Promise<void> {
    const choices = HOOK_AGENTS.map((agent): AgentChoice => {
      const file = agentSettingsFile(agent, this.home.env, this.home.dir);
      const connected = isConnected(agent, file);
      return { agent, label: agentLabel(agent), description: connected === undefined ? 'settings unreadable' : connected ? 'connected' : '', detail: file, picked: connected === true };
    });
    const picked = await this.pick(choices);
    if (picked === undefined) return;
    const wanted = new Set(picked.map((choice) => choice.agent));
    const done: string[] = [];
    const failed: string[] = [];
    for (const choice of choices) {
      const install = wanted.has(choice.agent);
      if (!install && !choice.picked) continue;
      try {
        const change = planConnection(choice.agent, choice.detail!, install ? hookCommandLine(this.places.launcher, choice.agent, this.dataDirectory(), process.platform) : undefined);
        if (install) ensureLauncher(this.places.launcher, process.execPath, this.cli, process.platform);
        applyConnection(change);
        if (change.changes) done.push(`${install ? 'connected' : 'disconnected'} ${choice.label}`);
      } catch (error) {
        if (!(error instanceof AgentSettingsError)) throw error;
        failed.push(error.message);
        this.log.error(error.message);
      }
    }
    if (failed.length > 0) void vscode.window.showErrorMessage(`Hands-On: ${failed.join(' ')}`);
    if (done.length > 0) {
      const codex = wanted.has('codex') && done.includes(`connected ${agentLabel('codex')}`) ? ' Codex runs new hooks only after you approve them: open /hooks in Codex.' : '';
      void vscode.window.showInformationMessage(`Hands-On: ${done.join(', ')}.${codex}`);
    }
  }

  /** A problem a hook noted since the last one shown, at most once a day: hooks print nothing, so this is where the user learns of it. */
  async showHookProblem(state: vscode.Memento, now: number): Promise<void> {
    let problem: { time?: unknown; agent?: unknown; message?: unknown };
    try {
      problem = JSON.parse(await fs.promises.readFile(this.places.lastProblem, 'utf8')) as typeof problem;
    } catch {
      return;
    }
    const shown = state.get<number>(SHOWN_KEY, 0);
    if (typeof problem.time !== 'number' || problem.time <= shown || now - shown < DAY_MS) return;
    await state.update(SHOWN_KEY, now);
    const agent = typeof problem.agent === 'string' ? agentLabel(problem.agent) : 'A coding agent';
    this.log.warn(`${agent}'s hook: ${String(problem.message)} (log: ${this.places.log})`);
    void vscode.window.showWarningMessage(`Hands-On: ${agent}'s hook could not record: ${String(problem.message)}`);
  }
}

const SHOWN_KEY = 'handsOn.hookProblemShown';
