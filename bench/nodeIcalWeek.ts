/** Child process of the calendar bench: node-ical parsing the file and expanding one week, like `meetings` does. */
import * as nodeIcal from 'node-ical';

const [file, from, to] = process.argv.slice(2) as [string, string, string];
const start = new Date(`${from}T00:00:00Z`);
const end = new Date(`${to}T23:59:59Z`);
const data = nodeIcal.sync.parseFile(file);
let count = 0;
for (const value of Object.values(data)) {
  if (!value || value.type !== 'VEVENT') continue;
  const event = value as nodeIcal.VEvent;
  if (event.rrule) {
    count += event.rrule.between(start, end, true).length;
  } else if (event.start && event.start >= start && event.start <= end) {
    count++;
  }
}
process.stdout.write(`${count}\n`);
