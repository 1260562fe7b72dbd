import type { TestNats } from '@helpdesk/testing';
import { Client } from 'pg';
import { buildService, startServiceProcess, type ServiceProcess } from '../support/service-process';

/** The built mail gateway in its own process, on its own database and the ticket service's subject prefix. */
export interface MailGatewayProcess extends ServiceProcess {
  readonly smtpPort: number;
  /** Creates a mailbox straight in the gateway's database (as CreateMailbox would). */
  createMailbox(address: string): Promise<void>;
}

/** `nx run @helpdesk/mail-gateway:build` (cached when nothing changed); `BENCH_SKIP_BUILD=1` skips it. */
export function buildMailGateway(): Promise<void> {
  return buildService('mail-gateway');
}

/** Starts `node services/mail-gateway/dist/main.js` (SMTP listener on, IMAP and outbound sending off) and waits for SERVING. */
export async function startMailGatewayProcess(label: string, nats: TestNats, env: Record<string, string> = {}): Promise<MailGatewayProcess> {
  const service = await startServiceProcess({
    service: 'mail-gateway',
    label,
    nats,
    ports: ['MAIL_SMTP_PORT'],
    nodeArgsEnv: 'BENCH_MAIL_GATEWAY_NODE_ARGS',
    env: { MAIL_SMTP_HOST: '127.0.0.1', MAIL_IMAP_ENABLED: 'false', MAIL_OUTBOUND_ENABLED: 'false', ...env },
  });
  return {
    ...service,
    smtpPort: service.port('MAIL_SMTP_PORT'),
    createMailbox: async (address) => {
      const client = new Client({ connectionString: service.db.url });
      await client.connect();
      try {
        await client.query(`INSERT INTO mailboxes (id, name, address, created_at) VALUES (gen_random_uuid(), 'Bench', $1, now())`, [address]);
      } finally {
        await client.end();
      }
    },
  };
}
