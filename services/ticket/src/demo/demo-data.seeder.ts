import type { Caller } from '@helpdesk/auth';
import type { AgentsService } from '../agents/agents.service';
import type { AssetsService } from '../directory/assets/assets.service';
import type { ContactsService } from '../directory/contacts/contacts.service';
import type { ContractsService } from '../directory/contracts/contracts.service';
import type { CustomersService } from '../directory/customers/customers.service';
import type { MessagesService } from '../messages/messages.service';
import type { Queue } from '../queues/queue';
import type { QueuesService } from '../queues/queues.service';
import type { TasksService } from '../tasks/tasks.service';
import type { Ticket } from '../tickets/ticket';
import { TicketError } from '../tickets/ticket.errors';
import type { TicketsService } from '../tickets/tickets.service';
import type { WorklogService } from '../worklog/worklog.service';
import { demoDirectory, type DemoDirectory } from './demo-directory';
import { DEMO_AGENTS, DEMO_QUEUE_SET, type DemoQueue } from './demo-staff';
import { demoTickets, type DemoStep, type DemoTicket } from './demo-tickets';

/** Who loads the demo data: an admin, so that history and events name `demo-data` as the actor. */
export const DEMO_CALLER: Caller = { kind: 'staff', subject: 'demo-data', roles: ['admin'] };

/** The use cases the demo data goes through, as the running service has them. */
export interface DemoServices {
  readonly customers: CustomersService;
  readonly contacts: ContactsService;
  readonly contracts: ContractsService;
  readonly assets: AssetsService;
  readonly agents: AgentsService;
  readonly queues: QueuesService;
  readonly tickets: TicketsService;
  readonly messages: MessagesService;
  readonly worklog: WorklogService;
  readonly tasks: TasksService;
}

/** What one load created. */
export interface DemoDataSummary {
  readonly customers: number;
  readonly suppliers: number;
  readonly contacts: number;
  readonly contracts: number;
  readonly assets: number;
  readonly agents: number;
  readonly queues: number;
  /** Ticket numbers in creation order. */
  readonly tickets: readonly string[];
}

/** Ids of what the tickets refer to, by the keys the demo data names them with. */
interface DemoRefs {
  readonly customers: Map<string, string>;
  readonly contacts: Map<string, string>;
  readonly contracts: Map<string, string>;
  readonly assets: Map<string, string>;
  readonly queues: Map<string, string>;
}

/**
 * Loads the demo data set through the service's own use cases, so every record has its events,
 * versions and history as if people had entered it. Only into an empty service: a directory
 * without customers and no tickets.
 */
export class DemoDataSeeder {
  constructor(
    private readonly services: DemoServices,
    private readonly caller: Caller = DEMO_CALLER,
  ) {}

  /** True while the service holds no customer (archived ones count) and no ticket. */
  async isEmpty(): Promise<boolean> {
    const first = { size: 1, token: '' };
    const customers = await this.services.customers.list(this.caller, { includeArchived: true }, first);
    if (customers.items.length > 0) return false;
    const tickets = await this.services.tickets.list(this.caller, { sort: 'created_desc' }, first);
    return tickets.items.length === 0;
  }

  /** Loads everything when the service is empty; undefined (and nothing written) otherwise. */
  async seed(now: Date): Promise<DemoDataSummary | undefined> {
    if (!(await this.isEmpty())) return undefined;
    const directory = demoDirectory(now.getUTCFullYear());
    const refs = await this.seedDirectory(directory);
    for (const agent of Object.values(DEMO_AGENTS)) await this.services.agents.upsert(this.caller, agent.id, agent.profile);
    for (const queue of DEMO_QUEUE_SET) refs.queues.set(queue.input.key, (await this.ensureQueue(queue)).id);
    const tickets: string[] = [];
    for (const ticket of demoTickets(now)) tickets.push((await this.seedTicket(ticket, refs)).number);
    const suppliers = directory.organisations.filter((o) => o.kind === 'supplier').length;
    return {
      customers: directory.organisations.length - suppliers,
      suppliers,
      contacts: directory.contacts.length,
      contracts: directory.contracts.length,
      assets: directory.assets.length,
      agents: Object.keys(DEMO_AGENTS).length,
      queues: DEMO_QUEUE_SET.length,
      tickets,
    };
  }

  private async seedDirectory(directory: DemoDirectory): Promise<DemoRefs> {
    const { customers, contacts, contracts, assets } = this.services;
    const refs: DemoRefs = { customers: new Map(), contacts: new Map(), contracts: new Map(), assets: new Map(), queues: new Map() };
    const key = { kind: 'new' } as const;
    for (const data of directory.organisations) {
      const { record } = await customers.upsert(this.caller, { key }, { data, active: true });
      refs.customers.set(data.customerNumber, record.id);
    }
    for (const { customerNumber, contact } of directory.contacts) {
      const customer = { id: null, number: customerNumber };
      const { record } = await contacts.upsert(this.caller, { key, customer, contact, defaultCountry: null, active: true });
      for (const email of record.data.emails) refs.contacts.set(email.address, record.id);
    }
    for (const { customerNumber, contract } of directory.contracts) {
      const { record } = await contracts.upsert(this.caller, { key, customer: { id: null, number: customerNumber }, contract, active: true });
      refs.contracts.set(contract.contractNumber, record.id);
    }
    for (const { customerNumber, supplierNumber, contractNumber, asset } of directory.assets) {
      const request = { key, asset, customer: { id: null, number: customerNumber }, supplier: { id: null, number: supplierNumber }, contract: { id: null, number: contractNumber }, active: true };
      const { record } = await assets.upsert(this.caller, request);
      refs.assets.set(asset.serialNumber, record.id);
    }
    return refs;
  }

  /** Creates the queue and its schedule; a queue with the key that exists already is used as it is. */
  private async ensureQueue({ input, schedule }: DemoQueue): Promise<Queue> {
    const { queues } = this.services;
    try {
      return await queues.get({ key: input.key });
    } catch (error) {
      if (!(error instanceof TicketError && error.code === 'QUEUE_NOT_FOUND')) throw error;
    }
    const queue = await queues.create(this.caller, input);
    return schedule.length === 0 ? queue : queues.setSchedule(this.caller, queue.id, schedule);
  }

  private async seedTicket(demo: DemoTicket, refs: DemoRefs): Promise<Ticket> {
    const ticket = await this.services.tickets.create(this.caller, {
      summary: demo.summary,
      description: demo.description,
      channel: demo.channel,
      category: demo.category,
      priority: demo.priority,
      customerId: required(refs.customers, demo.customerNumber),
      contactId: demo.contactEmail === null ? null : required(refs.contacts, demo.contactEmail),
      contractId: demo.contractNumber === null ? null : required(refs.contracts, demo.contractNumber),
      assetIds: demo.serialNumbers.map((serial) => required(refs.assets, serial)),
      assigneeId: demo.assignee === null ? null : DEMO_AGENTS[demo.assignee].id,
      queueId: demo.queueKey === null ? null : required(refs.queues, demo.queueKey),
      tags: demo.tags,
      dueAt: demo.dueAt,
      warningLeadMinutes: demo.warningLeadMinutes,
      externalReferences: demo.externalReferences,
    });
    for (const step of demo.steps) await this.apply(ticket.id, step);
    return ticket;
  }

  private async apply(ticketId: string, step: DemoStep): Promise<void> {
    const { tickets, messages, worklog, tasks } = this.services;
    switch (step.kind) {
      case 'message': {
        const { kind: _, ...message } = step;
        await messages.add(this.caller, ticketId, { ...message, cc: [], html: null, attachments: [], inReplyToMessageId: null });
        return;
      }
      case 'status':
        await tickets.changeStatus(this.caller, ticketId, { to: step.to, reason: step.reason, ...(step.resolution ? { resolution: step.resolution } : {}) });
        return;
      case 'work': {
        const { agent, activityType, startedAt, endedAt, billable, note } = step;
        await worklog.record(this.caller, ticketId, { agentId: DEMO_AGENTS[agent].id, activityType, startedAt, endedAt, durationMinutes: null, billable, materials: [], note, taskId: null });
        return;
      }
      case 'task': {
        const assignee = { kind: 'agent', id: DEMO_AGENTS[step.assignee].id } as const;
        const input = { title: step.title, description: step.description, assignee, dueAt: step.appointment.startsAt, reminderLeadMinutes: 60, appointment: step.appointment };
        await tasks.add(this.caller, ticketId, input);
        return;
      }
    }
  }
}

function required(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  // The demo data refers only to what it creates; a miss is a typo in demo-*.ts.
  if (id === undefined) throw new Error(`demo data: nothing named ${key} was created`);
  return id;
}
