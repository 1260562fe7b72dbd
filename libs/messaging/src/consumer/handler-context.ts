import type { EntityManager } from 'typeorm';
import type { OutboxPublisher } from '../outbox/outbox-publisher';
import type { HandlerContext, ManagerBound } from './event-handler';

/** The {@link HandlerContext} of one delivery's transaction. */
export function handlerContext(manager: EntityManager, publisher: OutboxPublisher, deliveryCount: number): HandlerContext {
  const instances = new Map<ManagerBound<unknown>, unknown>();
  return {
    manager,
    outbox: publisher.in(manager),
    deliveryCount,
    get<T>(type: ManagerBound<T>): T {
      if (!instances.has(type)) instances.set(type, new type(manager));
      return instances.get(type) as T;
    },
  };
}
