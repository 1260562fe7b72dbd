import type { EventDomain } from '@helpdesk/contracts';

/** One service as operations see it: ports, what it may publish on NATS, what else it talks to. */
export interface DeployedService {
  /** Package folder under `services/` and the name of every Kubernetes object of it. */
  readonly name: string;
  /** gRPC API port (ARCHITECTURE.md). */
  readonly grpcPort: number;
  /** HTTP port: /healthz, /readyz, /metrics and, for gateways, webhooks. */
  readonly httpPort: number;
  /** Further ports the service listens on (the mail gateway's SMTP). */
  readonly extraPorts: readonly { readonly name: string; readonly port: number; readonly env: string }[];
  /** Event domains whose subjects it alone may publish (libs/contracts/src/naming/producers.ts). */
  readonly publishes: readonly EventDomain[];
  /**
   * Other domains it follows with plain (core NATS) subscriptions besides its durable consumers:
   * state every replica needs in memory, e.g. the telephony gateway's caller index.
   */
  readonly follows?: readonly EventDomain[];
  /** Outbound TCP ports beyond PostgreSQL, NATS and OTLP (the network policy opens them). */
  readonly egressPorts: readonly { readonly port: number; readonly why: string }[];
  /** Whether the HTTP port takes traffic from outside the platform (webhooks, monitor). */
  readonly publicHttp: boolean;
  /** Node.js/V8 flags the service runs with (`NODE_OPTIONS` in its ConfigMap and in compose). */
  readonly nodeOptions?: string;
}

/** Every service of the platform, in ARCHITECTURE.md's order. */
export const SERVICES: readonly DeployedService[] = [
  {
    name: 'ticket',
    grpcPort: 50051,
    httpPort: 8081,
    extraPorts: [],
    publishes: ['ticket', 'directory'],
    egressPorts: [],
    publicHttp: false,
    // A young generation of 64 MiB instead of 16: CreateTicket garbage dies young, and four times
    // the room halves the GC time and saves about a tenth of the CPU per ticket (services/ticket/README.md).
    nodeOptions: '--max-semi-space-size=64',
  },
  {
    name: 'mail-gateway',
    grpcPort: 50052,
    httpPort: 8082,
    extraPorts: [{ name: 'smtp', port: 2525, env: 'MAIL_SMTP_PORT' }],
    publishes: ['mail'],
    egressPorts: [
      { port: 25, why: 'SMTP relay' },
      { port: 465, why: 'SMTPS relay' },
      { port: 587, why: 'SMTP submission relay' },
      { port: 993, why: 'IMAPS mailbox polling' },
    ],
    publicHttp: false,
  },
  {
    name: 'telephony-gateway',
    grpcPort: 50053,
    httpPort: 8083,
    extraPorts: [],
    publishes: ['call'],
    // Each replica's caller index (directory/caller-index.feed.ts) follows contacts, customers, agents and tickets live.
    follows: ['directory', 'ticket'],
    egressPorts: [{ port: 5038, why: 'Asterisk AMI' }],
    publicHttp: true,
  },
  { name: 'sla', grpcPort: 50054, httpPort: 8084, extraPorts: [], publishes: ['sla'], egressPorts: [], publicHttp: false },
  { name: 'billing', grpcPort: 50055, httpPort: 8085, extraPorts: [], publishes: ['billing'], egressPorts: [], publicHttp: false },
  { name: 'knowledge', grpcPort: 50056, httpPort: 8086, extraPorts: [], publishes: ['knowledge'], egressPorts: [], publicHttp: false },
];

/** The NATS user of a service in the accounts config: its nkey comes from this variable. */
export function nkeyVariable(user: string): string {
  return `HELPDESK_NKEY_${user.toUpperCase().replace(/-/g, '_')}`;
}

/** The user of the read-only account for external subscribers. */
export const SUBSCRIBER_USER = 'subscriber';

/** The administrative user of the platform account (stream set-up, backup, restore). */
export const OPS_USER = 'ops';

/** Every NATS user of the accounts config. */
export const NATS_USERS: readonly string[] = [...SERVICES.map((s) => s.name), OPS_USER, SUBSCRIBER_USER];
