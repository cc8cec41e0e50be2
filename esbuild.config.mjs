// One config, three bundles: the extension (node), the dashboard webview (browser) and the CLI (node).
import * as esbuild from 'esbuild';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
// The integration-test build starts from its own entry (a fake clock, answered nudges, the TestApi) around the
// same wiring; the packaged extension.js is built from src/extension.ts and holds none of it.
const testHooks = args.has('--test-hooks');
const outdir = process.env.HANDS_ON_OUTDIR || 'dist';

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  {
    ...common,
    // balance.js is required by extension.js once activation is over (src/wiring.ts), so starting is cheap.
    entryPoints: {
      extension: testHooks ? 'test/hooks/extension.ts' : 'src/extension.ts',
      balance: 'src/balanceWiring.ts',
      calendarWorker: 'src/node/calendar/parseWorker.ts',
    },
    outdir,
    platform: 'node',
    // jsonc-parser (the agents' settings files) bundles from its ES module build, as in the CLI below.
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    // hook.js is `hands-on hook` alone, for the agents' launcher: it starts without loading the rest of the CLI.
    entryPoints: { cli: 'src/cli/main.ts', hook: 'src/cli/hookMain.ts' },
    outdir,
    platform: 'node',
    // The shell snippets of `hands-on init` are shell files in the source, strings in the bundle.
    loader: { '.bash': 'text', '.zsh': 'text', '.fish': 'text' },
    // jsonc-parser's CommonJS build hides its inner requires in a UMD wrapper; its ES module build bundles.
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
  },
];

/**
 * The start and end lines the `$esbuild-watch` problem matcher (connor4312.esbuild-problem-matchers) waits for, so
 * that VS Code knows when a background rebuild begins and ends; esbuild prints the errors in between itself.
 * The three bundles rebuild together, so the lines frame all of them: one start, one finish.
 */
let building = 0;
const watchLines = {
  name: 'watch-lines',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd(() => {
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context({ ...options, plugins: [...(options.plugins ?? []), watchLines] })));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[watch] watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
