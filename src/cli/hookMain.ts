import { exitWhenBudgetSpent, run } from './hookCommand';
import { processIO } from './processIO';

// `hands-on hook` as its own small bundle (dist/hook.js), which the launcher of agents' settings runs: an agent calls it
// on every prompt and tool use, so it loads nothing of the calendar and report code. Silent, and always exits 0.
exitWhenBudgetSpent();
void run(process.argv.slice(2), processIO()).then(
  () => process.exit(0),
  () => process.exit(0),
);
