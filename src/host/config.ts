import * as vscode from 'vscode';
import { SETTINGS_SECTION, type SettingKey, type Settings, type SettingValue } from '../core/settings/settings';
import { validateSettings } from '../core/settings/validateSettings';
import { Disposable } from './dispose';

/** Settings that say where data is read from or written to: only the user's own settings may set them. */
const USER_ONLY_KEYS = new Set(['dataDirectory', 'calendar.files']);

function readRaw(key: string): unknown {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  if (USER_ONLY_KEYS.has(key)) return config.inspect(key)?.globalValue;
  return config.get(key);
}

/**
 * The validated settings snapshot. Whatever settings.json contains, `current` is valid; each bad value is
 * replaced by the nearest valid one or the default, logged, and shown once in a warning naming the setting.
 */
export class Config extends Disposable {
  private snapshot: Settings;
  private readonly warned = new Set<string>();
  private readonly changed = this.register(new vscode.EventEmitter<Settings>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.snapshot = this.read();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
        this.snapshot = this.read();
        this.changed.fire(this.snapshot);
      }),
    );
  }

  get current(): Settings {
    return this.snapshot;
  }

  /** The one way the extension writes a setting: to the user's settings, key and value checked against the settings' types. */
  async update<K extends SettingKey>(key: K, value: SettingValue<K> | undefined): Promise<void> {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
  }

  private read(): Settings {
    const { settings, problems } = validateSettings(readRaw);
    const fresh = problems.filter((problem) => !this.warned.has(problem.message));
    for (const problem of fresh) {
      this.warned.add(problem.message);
      this.log.warn(problem.message);
    }
    if (fresh.length > 0) {
      const text = fresh.length === 1 ? fresh[0]!.message : `${fresh.length} Hands-On settings are invalid and were replaced: ${fresh.map((p) => p.key).join(', ')}.`;
      void vscode.window.showWarningMessage(text, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', fresh[0]!.key);
      });
    }
    return settings;
  }
}
