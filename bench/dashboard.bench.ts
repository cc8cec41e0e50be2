// Dashboard figures for `npm run bench`: the webview bundle, the .vsix, and the time to a rendered dashboard
// (measured by the end-to-end run, which writes test-results/dashboard-timing.json), and the activation time VS Code
// shows (test-results/activation-timing.json, from the same run).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median } from './median';

const ROOT = resolve(__dirname, '..', '..');

function size(path: string): number | undefined {
  return existsSync(path) ? statSync(path).size : undefined;
}

export function dashboardBench(root = ROOT): string[] {
  const lines: string[] = [];
  const webview = size(join(root, 'dist', 'webview.js'));
  lines.push(webview === undefined ? 'dashboard.webview_js_bytes n/a (run "npm run build" first)' : `dashboard.webview_js_bytes ${webview}`);
  const vsix = readdirSync(root).find((name) => /^hands-on-.*\.vsix$/.test(name));
  lines.push(vsix ? `dashboard.vsix_bytes ${size(join(root, vsix))}` : 'dashboard.vsix_bytes n/a (run "npm run package" first)');
  const timing = join(root, 'test-results', 'dashboard-timing.json');
  if (existsSync(timing)) {
    const figures = JSON.parse(readFileSync(timing, 'utf8')) as { renderMs?: number; webviewMs?: number; measuredAt?: string };
    lines.push(`dashboard.render_ms ${figures.renderMs ?? 'n/a'}`);
    if (figures.webviewMs !== undefined) lines.push(`dashboard.webview_render_ms ${figures.webviewMs}`);
  } else {
    lines.push('dashboard.render_ms n/a (measured in the end-to-end run: npm run test:e2e writes test-results/dashboard-timing.json)');
  }
  const activation = join(root, 'test-results', 'activation-timing.json');
  if (existsSync(activation)) {
    const { runsMs, emptyExtensionRunsMs } = JSON.parse(readFileSync(activation, 'utf8')) as { runsMs: number[]; emptyExtensionRunsMs?: number[] };
    lines.push(`activation.shown_ms ${median(runsMs)} (median; runs ${runsMs.join(', ')}; as Show Running Extensions reports it)`);
    if (emptyExtensionRunsMs) {
      // Loaded in the same startups: what the figure shows for an activate that does nothing on this machine now.
      lines.push(`activation.empty_extension_shown_ms ${median(emptyExtensionRunsMs)} (median; runs ${emptyExtensionRunsMs.join(', ')})`);
      lines.push(`activation.over_empty_extension_ms ${median(runsMs.map((ms, i) => ms - emptyExtensionRunsMs[i]!))} (median of the differences in the same startups)`);
    }
  } else {
    lines.push('activation.shown_ms n/a (measured in the end-to-end run: npm run test:e2e writes test-results/activation-timing.json)');
  }
  return lines;
}

if (require.main === module) {
  for (const line of dashboardBench()) console.log(line);
}
