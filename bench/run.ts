import { runOutboxThroughput } from './outbox-throughput';
import { runTicketCreate } from './ticket-create';
import { runTicketList } from './ticket-list';

/**
 * Runs every benchmark in turn (`npm run bench`), or those whose name contains an argument
 * (`npm run bench -- outbox`). Each prints its own figures.
 */
const benchmarks: readonly { readonly name: string; readonly run: () => Promise<unknown> }[] = [
  { name: 'outbox-throughput', run: runOutboxThroughput },
  { name: 'ticket-create', run: runTicketCreate },
  { name: 'ticket-list', run: runTicketList },
];

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const selected = benchmarks.filter((b) => filters.length === 0 || filters.some((f) => b.name.includes(f)));
  for (const benchmark of selected) {
    console.log(`\n▶ ${benchmark.name}`);
    await benchmark.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
