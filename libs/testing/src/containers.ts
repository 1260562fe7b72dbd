import { execFile } from 'node:child_process';
import type { TestInfrastructure } from './infrastructure';

/** True when a Docker engine answers (not just the CLI). */
export function dockerAvailable(): Promise<boolean> {
  return new Promise((done) => {
    execFile('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5_000 }, (error) => done(!error));
  });
}

/**
 * Starts what is missing in containers, once per jest worker; Ryuk removes them when the
 * worker exits. Only used where neither a URL is given nor a loopback server answers.
 */
export async function startContainers(given: { postgres?: string; nats?: string }): Promise<TestInfrastructure> {
  let postgresAdminUrl = given.postgres;
  let natsUrl = given.nats;
  if (!postgresAdminUrl) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const pg = await new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start();
    postgresAdminUrl = `postgres://postgres:postgres@${pg.getHost()}:${pg.getPort()}/postgres`;
  }
  if (!natsUrl) {
    const { NatsContainer } = await import('@testcontainers/nats');
    const nats = await new NatsContainer('nats:2.10-alpine').withJetStream().start();
    natsUrl = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
  }
  return { postgresAdminUrl, natsUrl };
}
