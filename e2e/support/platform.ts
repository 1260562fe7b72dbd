import { TEST_JWT_SECRET, createTestDatabase, freePort, type TestDatabase } from '@helpdesk/testing';
import { ServiceProcess } from './service-process';

/** The six services, each a process of its own with its own database. */
export const SERVICE_NAMES = ['ticket', 'mail-gateway', 'telephony-gateway', 'sla', 'billing', 'knowledge'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** How the services reach NATS: the server's URL and each service user's credentials file. */
export interface PlatformNats {
  readonly url: string;
  creds(user: string): string;
}

export interface PlatformOptions {
  readonly nats: PlatformNats;
  /** The SMTP server outbound mail is relayed to (`MAIL_SMTP_RELAY_URL`). */
  readonly smtpRelayPort: number;
}

/** The running platform: where each service listens. */
export interface Platform {
  readonly services: Readonly<Record<ServiceName, ServiceProcess>>;
  readonly grpc: Readonly<Record<ServiceName, string>>;
  /** The mail gateway's SMTP listener. */
  readonly smtpPort: number;
  /** The telephony gateway's HTTP port (CTI webhook). */
  readonly telephonyHttpPort: number;
  stop(): Promise<void>;
}

/**
 * Starts every service from its build (`services/<svc>/dist/main.js`), each on a fresh database of
 * its own and with its own NATS user (`NATS_CREDS`), like a production installation on one machine.
 * The services start at the same time, as pods do; each creates its streams and consumers itself.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const databases: TestDatabase[] = [];
  const services = {} as Record<ServiceName, ServiceProcess>;
  const grpc = {} as Record<ServiceName, string>;
  const ports = {} as Record<ServiceName, { grpc: number; http: number }>;
  for (const name of SERVICE_NAMES) ports[name] = { grpc: await freePort(), http: await freePort() };
  const smtpPort = await freePort();

  const extraEnv: Record<ServiceName, Record<string, string>> = {
    ticket: {},
    'mail-gateway': {
      MAIL_SMTP_HOST: '127.0.0.1',
      MAIL_SMTP_PORT: String(smtpPort),
      MAIL_HOSTNAME: 'helpdesk.e2e.example',
      MAIL_SMTP_RELAY_URL: `smtp://127.0.0.1:${options.smtpRelayPort}`,
      MAIL_IMAP_ENABLED: 'false',
      MAIL_SEND_POLL_INTERVAL: '200ms',
      MAIL_TICKET_GRPC_ADDRESS: `127.0.0.1:${ports.ticket.grpc}`,
    },
    'telephony-gateway': {},
    sla: {},
    billing: { BILLING_TIME_ZONE: 'Europe/Berlin' },
    knowledge: { KNOWLEDGE_SUGGESTION_LIMIT: '5' },
  };

  try {
    for (const name of SERVICE_NAMES) {
      const db = await createTestDatabase(`e2e_${name.replace(/-/g, '_')}`);
      databases.push(db);
      grpc[name] = `127.0.0.1:${ports[name].grpc}`;
      services[name] = new ServiceProcess(
        name,
        {
          DATABASE_URL: db.url,
          NATS_URL: options.nats.url,
          NATS_CREDS: options.nats.creds(name),
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: String(ports[name].grpc),
          HTTP_HOST: '127.0.0.1',
          HTTP_PORT: String(ports[name].http),
          AUTH_JWT_SECRET: TEST_JWT_SECRET,
          LOG_LEVEL: 'warn',
          DEMO_DATA: 'false',
          // A failed handler is retried soon, so a restarted service catches up within the test.
          CONSUMER_RETRY_INITIAL: '200ms',
          CONSUMER_RETRY_MAX: '2s',
          // Events a killed service had taken but not acknowledged go to its successor after this.
          CONSUMER_ACK_WAIT: '5s',
          ...extraEnv[name],
        },
        ports[name].http,
      );
    }
    await Promise.all(SERVICE_NAMES.map((name) => services[name].start()));
  } catch (error) {
    await Promise.all(SERVICE_NAMES.map((name) => services[name]?.stop()));
    await Promise.all(databases.map((db) => db.drop()));
    throw error;
  }

  return {
    services,
    grpc,
    smtpPort,
    telephonyHttpPort: ports['telephony-gateway'].http,
    async stop() {
      await Promise.all(SERVICE_NAMES.map((name) => services[name].stop()));
      await Promise.all(databases.map((db) => db.drop()));
    },
  };
}
