import { GrpcMethod } from '@nestjs/microservices';

/**
 * Registers the named methods of the decorated controller as the handlers of those RPCs of the
 * gRPC `service` — what ts-proto's generated `<Service>ControllerMethods()` does for all of a
 * service's RPCs, for a controller that serves only some of them (one controller per feature
 * folder of a large service). RPCs that no controller registers answer UNIMPLEMENTED. Pair it
 * with `implements Pick<XServiceController, …>` over the same names so each RPC is type-checked:
 *
 * ```ts
 * const RPCS = ['createTicket', 'getTicket'] as const satisfies readonly (keyof TicketServiceController)[];
 * @GrpcController()
 * @GrpcServiceMethods(TICKET_SERVICE_NAME, RPCS)
 * export class TicketsGrpcController implements Pick<TicketServiceController, (typeof RPCS)[number]> { … }
 * ```
 *
 * Throws when the class is defined if a named method is missing.
 */
export function GrpcServiceMethods(service: string, methods: readonly string[]): ClassDecorator {
  return (target) => {
    const prototype: object = target.prototype;
    for (const method of methods) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, method);
      if (typeof descriptor?.value !== 'function') {
        throw new Error(`GrpcServiceMethods: ${target.name} has no method ${method} to serve ${service}/${method}`);
      }
      GrpcMethod(service, method)(prototype, method, descriptor);
      Object.defineProperty(prototype, method, descriptor);
    }
  };
}
