import type { INestMicroservice } from '@nestjs/common';
import { AdvisoryLock } from '@helpdesk/persistence';
import type { Logger } from '@helpdesk/telemetry';
import { AgentsService } from '../agents/agents.service';
import type { TicketConfig } from '../config';
import { AssetsService } from '../directory/assets/assets.service';
import { ContactsService } from '../directory/contacts/contacts.service';
import { ContractsService } from '../directory/contracts/contracts.service';
import { CustomersService } from '../directory/customers/customers.service';
import { MessagesService } from '../messages/messages.service';
import { QueuesService } from '../queues/queues.service';
import { TasksService } from '../tasks/tasks.service';
import { TicketsService } from '../tickets/tickets.service';
import { WorklogService } from '../worklog/worklog.service';
import { DemoDataSeeder, type DemoDataSummary, type DemoServices } from './demo-data.seeder';

/** The use cases of a running ticket service, for the demo data. */
export function demoServicesOf(app: INestMicroservice): DemoServices {
  return {
    customers: app.get(CustomersService),
    contacts: app.get(ContactsService),
    contracts: app.get(ContractsService),
    assets: app.get(AssetsService),
    agents: app.get(AgentsService),
    queues: app.get(QueuesService),
    tickets: app.get(TicketsService),
    messages: app.get(MessagesService),
    worklog: app.get(WorklogService),
    tasks: app.get(TasksService),
  };
}

/**
 * The ticket service's `afterStart`: with `DEMO_DATA=true` and an empty service, loads the demo
 * data set and logs one line saying what it created. Replicas starting together take turns on
 * an advisory lock; the one that finds data present (or the lock taken) adds nothing.
 */
export async function loadDemoData(app: INestMicroservice, config: Pick<TicketConfig, 'DEMO_DATA' | 'DATABASE_URL'>, logger: Logger): Promise<void> {
  if (!config.DEMO_DATA) return;
  const lock = new AdvisoryLock(config.DATABASE_URL, 'ticket-demo-data');
  try {
    if (!(await lock.tryAcquire())) {
      logger.info('demo data: another instance is loading it; nothing added here');
      return;
    }
    const summary = await new DemoDataSeeder(demoServicesOf(app)).seed(new Date());
    if (summary) logger.info({ demoData: summary }, describe(summary));
    else logger.info('demo data: the service holds data already; nothing added');
  } finally {
    await lock.release();
  }
}

function describe(summary: DemoDataSummary): string {
  const { customers, suppliers, contacts, contracts, assets, agents, queues, tickets } = summary;
  const counts = [count(customers, 'customer'), count(suppliers, 'supplier'), count(contacts, 'contact'), count(contracts, 'contract'), count(assets, 'asset'), count(agents, 'agent'), count(queues, 'queue')];
  const range = tickets.length > 0 ? ` (${tickets[0]} … ${tickets.at(-1)})` : '';
  return `demo data: created ${counts.join(', ')} and ${count(tickets.length, 'ticket')}${range}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
