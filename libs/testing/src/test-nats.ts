import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { SubjectNaming } from '@helpdesk/contracts';
import { testInfrastructure } from './infrastructure';
import { uniqueName } from './unique-name';

/** One test file's view of the shared NATS: its own subject prefix and stream names. */
export interface TestNats {
  readonly url: string;
  /** A connection for the test's own use (subscribing, inspecting streams). */
  readonly nc: NatsConnection;
  /** Subject prefix such as `t_outbox_1a2b3c4d.`. */
  readonly prefix: string;
  readonly naming: SubjectNaming;
  /** Deletes every stream this file created and closes the connection. */
  cleanup(): Promise<void>;
}

/** Connects to the test NATS under a prefix unique to the calling test file. */
export async function createTestNats(label?: string): Promise<TestNats> {
  const { natsUrl } = await testInfrastructure();
  const nc = await connect({ servers: natsUrl, name: label ?? 'test' });
  const prefix = `${uniqueName(label)}.`;
  const naming = new SubjectNaming(prefix);
  const streamHead = naming.streamName('');
  return {
    url: natsUrl,
    nc,
    prefix,
    naming,
    async cleanup() {
      const jsm = await jetstreamManager(nc);
      for await (const name of jsm.streams.names()) {
        if (name.startsWith(streamHead)) await jsm.streams.delete(name);
      }
      await nc.close();
    },
  };
}
