import { randomUUID } from 'node:crypto';
import { loadConfig } from '@helpdesk/config';
import type { CloudEvent } from '@helpdesk/contracts';
import { startService, type RunningService } from '@helpdesk/runtime';
import { TEST_JWT_SECRET, TcpProxy, createTestDatabase, createTestNats, freePort, signTestJwt, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { jetstream } from '@nats-io/jetstream';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { mailGatewayConfigSchema } from '../../src/config';
import { MailGatewayLifecycle } from '../../src/mail-gateway.lifecycle';
import { mailGatewayServiceDefinition } from '../../src/service-definition';
import { grpcClient, type TestGrpcClient } from '@helpdesk/testing';
import { SmtpSink } from './smtp-sink';

/** The mail gateway running in-process on real PostgreSQL, NATS and SMTP, with its peers. */
export interface MailGatewayApp {
  readonly db: TestDatabase;
  readonly nats: TestNats;
  readonly service: RunningService;
  readonly mail: TestGrpcClient;
  /** The relay outbound mail goes to. */
  readonly sink: SmtpSink;
  readonly smtpPort: number;
  readonly lifecycle: MailGatewayLifecycle;
  /** The TCP proxy between the gateway and PostgreSQL (`databaseProxy` option), to cut the database away. */
  readonly databaseProxy: TcpProxy | undefined;
  readonly tokens: { agent: string; admin: string };
  /** Delivers a mail to the listener with nodemailer (a real SMTP client); resolves with the server's reply. */
  deliver(mail: SendMailOptions): Promise<string>;
  /** Publishes an event on the test prefix as another service would. */
  publish<T>(type: string, subject: string, data: T): Promise<void>;
  /** Creates a mailbox over gRPC and returns its id. */
  createMailbox(request: object): Promise<string>;
  /**
   * Stops the gateway only (database, NATS and sink stay), for restart tests; `whileStopped` runs
   * before it starts again (e.g. publishing events that the consumers then take as one batch).
   */
  restart(env?: Record<string, string>, whileStopped?: () => Promise<void>): Promise<MailGatewayApp>;
  stop(): Promise<void>;
}

interface Shared {
  readonly db: TestDatabase;
  readonly nats: TestNats;
  readonly sink: SmtpSink;
  readonly sinkPort: number;
  readonly databaseProxy: TcpProxy | undefined;
}

/** Options of the test app. */
export interface MailGatewayAppOptions {
  /** Connect the gateway to PostgreSQL through a {@link TcpProxy} (`app.databaseProxy`); the test's own connections (`app.db.url`) stay direct. */
  readonly databaseProxy?: boolean;
}

/** Starts the gateway with its own database, subject prefix and outbound sink; `env` overrides configuration. */
export async function startMailGatewayApp(label: string, env: Record<string, string> = {}, options: MailGatewayAppOptions = {}): Promise<MailGatewayApp> {
  const sink = new SmtpSink();
  const db = await createTestDatabase(label);
  const databaseProxy = options.databaseProxy ? await TcpProxy.start(db.url, 5432) : undefined;
  const shared: Shared = { db, nats: await createTestNats(label), sink, sinkPort: await sink.start(), databaseProxy };
  return launch(shared, env);
}

async function launch(shared: Shared, env: Record<string, string>): Promise<MailGatewayApp> {
  const { db, nats, sink, databaseProxy } = shared;
  const config = loadConfig(mailGatewayConfigSchema, {
    DATABASE_URL: databaseProxy ? viaProxy(db.url, databaseProxy) : db.url,
    NATS_URL: nats.url,
    NATS_SUBJECT_PREFIX: nats.prefix,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(await freePort()),
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    MAIL_SMTP_HOST: '127.0.0.1',
    MAIL_SMTP_PORT: '0',
    MAIL_SMTP_RELAY_URL: `smtp://127.0.0.1:${shared.sinkPort}`,
    MAIL_SEND_POLL_INTERVAL: '200ms',
    MAIL_SEND_RETRY_BASE: '500ms',
    MAIL_IMAP_POLL_INTERVAL: '500ms',
    MAIL_HOSTNAME: 'helpdesk.test',
    ...env,
  });
  const service = await startService(mailGatewayServiceDefinition, config);
  const lifecycle = service.app.get(MailGatewayLifecycle);
  const smtpPort = lifecycle.smtp?.port ?? 0;
  const mail = grpcClient(service.grpcAddress, 'helpdesk.mail.v1.MailService', 'helpdesk/mail/v1/mail.proto');
  const tokens = {
    agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
    admin: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] }),
  };
  const client = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  const stopGateway = async () => {
    client.close();
    mail.close();
    await service.stop();
  };
  return {
    db, nats, service, mail, sink, smtpPort, lifecycle, databaseProxy, tokens,
    deliver: async (message) => (await client.sendMail(message)).response,
    publish: async (type, subject, data) => {
      const event: CloudEvent<typeof data> = { specversion: '1.0', id: randomUUID(), source: 'helpdesk/test', type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data };
      await jetstream(nats.nc).publish(nats.naming.subject(type), JSON.stringify(event), { msgID: event.id });
    },
    createMailbox: async (request) => (await mail.call<{ mailbox: { id: string } }>('CreateMailbox', request, tokens.admin)).mailbox.id,
    restart: async (overrides = {}, whileStopped) => {
      await stopGateway();
      await whileStopped?.();
      return launch(shared, { ...env, ...overrides });
    },
    stop: async () => {
      await stopGateway();
      await sink.close();
      await databaseProxy?.close();
      await nats.cleanup();
      await db.drop();
    },
  };
}

/** `url` with its host and port replaced by the proxy's (database, user and parameters kept). */
function viaProxy(url: string, proxy: TcpProxy): string {
  const direct = new URL(url);
  const proxied = new URL(proxy.url(direct.protocol.replace(/:$/, '')));
  direct.host = proxied.host;
  return direct.toString();
}
