import * as path from 'node:path';
import { build } from 'esbuild';

const REPO = path.resolve(__dirname, '../../..');

/** Bundles the calendar worker as the extension ships it, into `outFile`: the real thread, its real limits. */
export async function buildCalendarWorker(outFile: string): Promise<string> {
  await build({
    entryPoints: [path.join(REPO, 'src/node/calendar/parseWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: outFile,
    logLevel: 'silent',
  });
  return outFile;
}
