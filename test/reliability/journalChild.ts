/**
 * A separate Node process for the reliability tests: a journal writer or a compactor, as a real extension
 * host would run one. Commands:
 *   write <root> <writerId> <child> <count> <batch>   append `count` records in batches, print "ack <n>" after each flush
 *   compact <root> <nowMs>                           compact once, print the result as JSON
 */
import * as fs from 'node:fs';
import { compact } from '../../src/node/journal/compaction';
import { JournalWriter } from '../../src/node/journal/journalWriter';
import { MINUTE_MS } from '../../src/core/time/clock';
import { RECORD_BASE, WRITE_DAY, recordOf } from './reliabilityRecords';

const [command, root, ...rest] = process.argv.slice(2);

if (command === 'write' && root) {
  const [writerId, child, count, batch] = [rest[0]!, Number(rest[1]), Number(rest[2]), Number(rest[3])];
  const writer = new JournalWriter({ root, writerId, clock: { now: () => WRITE_DAY }, createRoot: true });
  for (let i = 0; i < count; ) {
    const end = Math.min(count, i + batch);
    const spans = [];
    for (; i < end; i++) spans.push(recordOf(child, i));
    writer.appendSpans(spans);
    const result = writer.flush();
    if (!result.ok) {
      process.stderr.write(`${result.problem.message}\n`);
      process.exit(3);
    }
    // Unbuffered, so the parent never sees an ack for data that is not in the file.
    fs.writeSync(1, `ack ${i}\n`);
  }
} else if (command === 'compact' && root) {
  fs.writeSync(1, `${JSON.stringify(compact(root, Number(rest[0])))}\n`);
} else {
  process.stderr.write(`unknown command ${command ?? ''} (base ${RECORD_BASE}, ${MINUTE_MS})\n`);
  process.exit(2);
}
