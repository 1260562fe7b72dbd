import { commonConfigSchema, loadConfig } from '@helpdesk/config';
import { messagingConfigSchema, messagingSettings } from './messaging-config';

describe('messaging configuration', () => {
  const schema = commonConfigSchema.extend(messagingConfigSchema.shape);

  it('maps the defaults to module settings', () => {
    const settings = messagingSettings(loadConfig(schema, {}));
    expect(settings).toEqual({
      streams: { maxAgeMs: 30 * 86_400_000, duplicateWindowMs: 120_000 },
      relay: { batchSize: 500, pollIntervalMs: 1_000, retentionMs: 7 * 86_400_000 },
      consumers: { maxDeliver: 5, retry: { initialMs: 1_000, maxMs: 60_000 }, ackWaitMs: 30_000, concurrency: 8 },
    });
  });

  it('reads durations and names a wrong variable', () => {
    const config = loadConfig(schema, { CONSUMER_MAX_DELIVER: '8', OUTBOX_PUBLISHED_RETENTION: '2d', CONSUMER_RETRY_MAX: '5m' });
    expect(messagingSettings(config).consumers).toMatchObject({ maxDeliver: 8, retry: { maxMs: 300_000 } });
    expect(messagingSettings(config).relay?.retentionMs).toBe(2 * 86_400_000);
    expect(() => loadConfig(schema, { OUTBOX_BATCH_SIZE: 'many' })).toThrow(/^config: OUTBOX_BATCH_SIZE must be a positive whole number/);
  });
});
