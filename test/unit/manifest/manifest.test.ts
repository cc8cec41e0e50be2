import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NUMBER_RANGES, SETTING_DEFAULTS } from '../../../src/core/settings/settings';
import CODE_SERVER_TARGETS from '../../harness/codeServerVersions.json';

interface Property {
  type?: string | string[];
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  scope?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  name: string;
  icon: string;
  galleryBanner: { color: string; theme: string };
  main: string;
  bin: Record<string, string>;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  extensionKind: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] }; virtualWorkspaces: unknown };
  contributes: { commands: { command: string; title: string; category?: string }[]; configuration: { properties: Record<string, Property> }[] };
};

const properties = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties)) as Record<string, Property>;

describe('package.json manifest', () => {
  it('names the extension and its entry points', () => {
    assert.equal(manifest.name, 'hands-on');
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.bin['hands-on'], './dist/cli.js');
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
  });

  it('asks for the VS Code whose API types it is compiled against, which the oldest test run uses', () => {
    // The compiler then proves that no newer API is used; anything newer would need a check at run time.
    const types = manifest.devDependencies['@types/vscode'];
    assert.match(types ?? '', /^\d+\.\d+\.0$/, '@types/vscode is pinned to a minor version of VS Code');
    assert.equal(manifest.engines.vscode, `^${types}`);
    const minorOf = (version: string) => version.replace(/^\^/, '').split('.').slice(0, 2).join('.');
    assert.equal(minorOf(CODE_SERVER_TARGETS.minimum.vscode), minorOf(manifest.engines.vscode), 'the minimum code-server runs the oldest VS Code the engines accept');
    const [major, minor] = CODE_SERVER_TARGETS.newest.vscode.split('.').map(Number);
    const [minMajor, minMinor] = CODE_SERVER_TARGETS.minimum.vscode.split('.').map(Number);
    assert.ok(major === minMajor && minor! > minMinor!, 'the newest code-server runs a later VS Code 1.x, which the caret range accepts');
  });

  it('shows a 128×128 PNG icon and a gallery banner in the Marketplace', () => {
    const icon = readFileSync(join(__dirname, '..', '..', '..', '..', manifest.icon));
    // PNG signature, then the IHDR chunk with width and height as big-endian 32-bit numbers.
    assert.equal(icon.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  });

  it('gives every command a title and the Hands-On category', () => {
    assert.ok(manifest.contributes.commands.length > 0);
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^handsOn\./, command.command);
      assert.ok(command.title.trim().length > 0, `${command.command} has a title`);
      assert.equal(command.category, 'Hands-On', `${command.command} is in the Hands-On category`);
    }
  });

  it('gives every setting a type, a default and a description', () => {
    assert.ok(Object.keys(properties).length > 0);
    for (const [key, property] of Object.entries(properties)) {
      assert.match(key, /^handsOn\./, key);
      assert.ok(property.type, `${key} has a type`);
      assert.ok('default' in property, `${key} has a default`);
      assert.ok((property.markdownDescription ?? property.description ?? '').trim().length > 10, `${key} has a description`);
    }
  });

  it('keeps settings that point at data out of workspace control', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    for (const [key, property] of Object.entries(properties)) {
      if (/dataDirectory|calendar\.files/.test(key)) {
        assert.ok(property.scope === 'machine' || property.scope === 'application', `${key} is machine or application scoped`);
        assert.ok(restricted.includes(key), `${key} is restricted in untrusted workspaces`);
      }
    }
  });
});

// The schema and the validator cannot drift apart.
describe('package.json settings schema against the core defaults', () => {
  it('declares exactly the settings the core validates, with the same defaults', () => {
    assert.deepEqual(Object.keys(properties).map((key) => key.slice('handsOn.'.length)).sort(), Object.keys(SETTING_DEFAULTS).sort());
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) assert.deepEqual(properties[`handsOn.${key}`]!.default, value, key);
  });

  it('declares the same numeric ranges as the validator', () => {
    for (const [key, range] of Object.entries(NUMBER_RANGES)) {
      const property = properties[`handsOn.${key}`] as Property & { minimum?: number; maximum?: number };
      assert.equal(property.minimum, range.min, `${key} minimum`);
      assert.equal(property.maximum, range.max, `${key} maximum`);
    }
  });
});

describe('the first-run walkthrough', () => {
  const walkthroughs = (manifest.contributes as unknown as { walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown: string }; completionEvents: string[] }[] }[] }).walkthroughs;
  const root = join(__dirname, '..', '..', '..', '..');

  it('walks through setting a target, connecting a calendar and opening the dashboard', () => {
    assert.equal(walkthroughs.length, 1);
    assert.deepEqual(walkthroughs[0]!.steps.map((step) => step.id), ['setTarget', 'connectCalendar', 'openDashboard']);
  });

  it('links only to commands that exist, and every step has its media and a completion event', () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const step of walkthroughs[0]!.steps) {
      assert.ok(existsSync(join(root, step.media.markdown)), `${step.media.markdown} exists`);
      assert.ok(step.completionEvents.length > 0, `${step.id} can complete`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(declared.has(command!) || command!.startsWith('workbench.'), `${step.id} links to ${command}`);
      }
    }
  });
});
