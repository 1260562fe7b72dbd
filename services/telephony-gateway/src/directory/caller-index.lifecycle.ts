import type { Logger } from '@helpdesk/telemetry';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CallerDirectoryRepository } from './caller-directory.repository';
import type { CallerIndex } from './caller-index';
import { subscribeDirectoryEvents } from './caller-index.feed';

/**
 * Fills the caller index before the gateway takes calls (module init runs before the monitor
 * loads and before the webhook listens): subscribes to the directory and ticket events first,
 * then loads the read-model tables, so a change in between arrives at least once.
 */
export class CallerIndexLifecycle implements OnModuleInit, OnModuleDestroy {
  private readonly directory = new CallerDirectoryRepository();
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly index: CallerIndex,
    private readonly dataSource: DataSource,
    private readonly nc: NatsConnection,
    private readonly subjectPrefix: string,
    private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriptions = subscribeDirectoryEvents(this.nc, this.subjectPrefix, this.index, (error) => this.logger.warn({ err: error }, 'caller index: event skipped'));
    const manager = this.dataSource.manager;
    for (const customer of await this.directory.allCustomers(manager)) this.index.putCustomer(customer);
    for (const agent of await this.directory.allAgents(manager)) this.index.putAgent(agent);
    for (const contact of await this.directory.allContacts(manager)) this.index.putContact(contact);
    for (const ticket of await this.directory.allOpenTickets(manager)) this.index.putTicket(ticket);
    this.logger.info({ contacts: this.index.size }, 'caller index loaded');
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}
