import { runBillingRun } from './billing/billing-run';
import { runMailGatewayInbound } from './mail-gateway/mail-gateway-inbound';
import { runOutboxThroughput } from './messaging/outbox-throughput';
import { runTicketCreate } from './ticket/ticket-create';
import { runTicketList } from './ticket/ticket-list';
import { runTelephonyGatewayCalls } from './telephony-gateway/telephony-gateway-calls';
import { runKnowledgeSearch } from './knowledge/knowledge-search';
import { runSlaTimers } from './sla/sla-timers';

/**
 * Runs every benchmark in turn (`npm run bench`), or those whose name contains an argument
 * (`npm run bench -- outbox`). Each prints its own figures.
 */
const benchmarks: readonly { readonly name: string; readonly run: () => Promise<unknown> }[] = [
  { name: 'outbox-throughput', run: runOutboxThroughput },
  { name: 'ticket-create', run: runTicketCreate },
  { name: 'ticket-list', run: runTicketList },
  { name: 'mail-gateway-inbound', run: runMailGatewayInbound },
  { name: 'telephony-gateway-calls', run: runTelephonyGatewayCalls },
  { name: 'knowledge-search', run: runKnowledgeSearch },
  { name: 'billing-run', run: runBillingRun },
  { name: 'sla-timers', run: runSlaTimers },
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
