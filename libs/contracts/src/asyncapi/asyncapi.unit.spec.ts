import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_REGISTRY } from '../events/registry';
import { renderAsyncApiDocument } from './render-asyncapi';

const libRoot = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(libRoot, 'package.json'), 'utf8')) as { version: string };
const committed = readFileSync(join(libRoot, 'asyncapi.json'), 'utf8');

describe('asyncapi.json', () => {
  it('equals a fresh generation from the registry (run `npm run generate -w libs/contracts` after changing an event)', () => {
    expect(committed).toBe(renderAsyncApiDocument(version));
  });

  it('is a valid AsyncAPI document that lists every event of the registry and the DLQ', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    // Severity 0 is an error; warnings and hints (e.g. "a newer AsyncAPI version exists") are fine.
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('/')}`)).toEqual([]);
    if (!document) throw new Error('the parser returned no document');

    const addresses = document.channels().all().map((channel) => channel.address());
    expect(addresses.sort()).toEqual([...EVENT_REGISTRY.map((e) => e.type), 'helpdesk.dlq.{service}'].sort());
    expect(document.operations().all().every((operation) => operation.action() === 'send')).toBe(true);
    for (const event of EVENT_REGISTRY) {
      const channel = document.channels().all().find((c) => c.address() === event.type);
      const message = channel?.messages().all()[0];
      expect(message?.examples().all()[0]?.payload()).toMatchObject({ type: event.type, data: event.example });
    }
  });
});
