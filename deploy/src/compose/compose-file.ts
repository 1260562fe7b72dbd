import { SERVICES, type DeployedService } from '../platform';

/** The database of a service on the laptop: `helpdesk_<name>` (deploy/compose/postgres-init.sql). */
export const databaseOf = (service: DeployedService) => `helpdesk_${service.name.replace(/-/g, '_')}`;

const IMAGE_TAG = '0.1.0';
const build = (service: string) => ({ context: '..', dockerfile: 'deploy/images/Dockerfile', args: { SERVICE: service } });

function serviceEntry(service: DeployedService): Record<string, unknown> {
  return {
    build: build(service.name),
    image: `helpdesk/${service.name}:${IMAGE_TAG}`,
    read_only: true,
    tmpfs: ['/tmp'],
    environment: {
      DATABASE_URL: `postgres://postgres:\${POSTGRES_PASSWORD}@postgres:5432/${databaseOf(service)}`,
      NATS_URL: 'nats://nats:4222',
      NATS_CREDS: `/keys/${service.name}.nk`,
      AUTH_JWT_SECRET: '${AUTH_JWT_SECRET:?set AUTH_JWT_SECRET (at least 32 characters) in deploy/.env}',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      ...(service.nodeOptions ? { NODE_OPTIONS: service.nodeOptions } : {}),
    },
    ports: [`${service.grpcPort}:${service.grpcPort}`, `${service.httpPort}:${service.httpPort}`, ...service.extraPorts.map((p) => `${p.port}:${p.port}`)],
    volumes: ['nats-keys:/keys:ro'],
    depends_on: { postgres: { condition: 'service_healthy' }, nats: { condition: 'service_healthy' } },
    restart: 'unless-stopped',
    // SIGTERM → drain and flush the outbox before the kill.
    stop_grace_period: '40s',
  };
}

/** compose.yaml: PostgreSQL, NATS with JetStream and the accounts config, every service, on one laptop. */
export function composeFile(): Record<string, unknown> {
  return {
    name: 'helpdesk',
    services: {
      postgres: {
        image: 'postgres:17.2-bookworm',
        environment: { POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in deploy/.env}' },
        volumes: ['postgres-data:/var/lib/postgresql/data', './compose/postgres-init.sql:/docker-entrypoint-initdb.d/10-databases.sql:ro'],
        // Not 5432: a PostgreSQL of `npm start` may already listen there.
        ports: ['127.0.0.1:15432:5432'],
        healthcheck: { test: ['CMD', 'pg_isready', '-U', 'postgres'], interval: '2s', timeout: '3s', retries: 30 },
      },
      'nats-keys': {
        build: build('ticket'),
        image: `helpdesk/ticket:${IMAGE_TAG}`,
        entrypoint: ['node', '/scripts/generate-nats-keys.js', '/keys'],
        environment: { NODE_PATH: '/app/node_modules' },
        user: '0:0',
        read_only: true,
        volumes: ['nats-keys:/keys', './compose/generate-nats-keys.js:/scripts/generate-nats-keys.js:ro'],
      },
      nats: {
        image: 'nats:2.10.24-alpine',
        // accounts.conf reads the users' public keys from the environment.
        entrypoint: ['/bin/sh', '-c', '. /keys/nkeys.env && exec nats-server -c /etc/nats/helpdesk/nats-server.conf'],
        volumes: ['nats-keys:/keys:ro', './nats:/etc/nats/helpdesk:ro', 'nats-data:/data'],
        ports: ['127.0.0.1:4222:4222', '127.0.0.1:8222:8222'],
        depends_on: { 'nats-keys': { condition: 'service_completed_successfully' } },
        healthcheck: { test: ['CMD', 'wget', '-q', '-O', '-', 'http://127.0.0.1:8222/healthz?js-enabled-only=true'], interval: '2s', timeout: '3s', retries: 30 },
      },
      ...Object.fromEntries(SERVICES.map((s) => [s.name, serviceEntry(s)])),
    },
    volumes: { 'postgres-data': {}, 'nats-data': {}, 'nats-keys': {} },
  };
}

