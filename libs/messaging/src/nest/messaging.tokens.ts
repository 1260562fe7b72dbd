/** The {@link MessagingModuleOptions} given to `forRoot`. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** The service's NATS connection (reconnects for ever; drained at shutdown). */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
