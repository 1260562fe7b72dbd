import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { streamForType } from '../naming/streams';
import { EVENT_DOMAINS } from './event-definition';
import type { EventDefinition } from './event-definition';
import { EVENT_REGISTRY, findEventDefinition } from './registry';

const TYPE_PATTERN = /^helpdesk\.([a-z]+)\.([a-z]+(?:\.[a-z]+)*)\.v(\d+)$/;

function isEventDefinition(value: unknown): value is EventDefinition {
  return typeof value === 'object' && value !== null && 'type' in value && 'schema' in value && 'example' in value;
}

/** Paths of object properties (at any depth) whose JSON Schema has no description. */
function undescribedProperties(schema: unknown, path: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const missing: string[] = [];
  const properties = node['properties'];
  if (typeof properties === 'object' && properties !== null) {
    for (const [key, property] of Object.entries(properties)) {
      const described = typeof property === 'object' && property !== null && 'description' in property;
      if (!described) missing.push(`${path}.${key}`);
      missing.push(...undescribedProperties(property, `${path}.${key}`));
    }
  }
  for (const key of ['items', 'anyOf', 'allOf', 'oneOf']) {
    const child = node[key];
    const children = Array.isArray(child) ? child : [child];
    for (const c of children) missing.push(...undescribedProperties(c, `${path}[${key}]`));
  }
  return missing;
}

describe('EVENT_REGISTRY', () => {
  it('has no type twice', () => {
    const types = EVENT_REGISTRY.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it.each(EVENT_REGISTRY.map((e) => [e.type, e] as const))('%s is named helpdesk.<domain>.….v<N> after its domain', (type, event) => {
    const match = TYPE_PATTERN.exec(type);
    expect(match).not.toBeNull();
    expect(match?.[1]).toBe(event.domain);
    expect(EVENT_DOMAINS).toContain(event.domain);
  });

  it.each(EVENT_REGISTRY.map((e) => [e.type, e] as const))('%s has an example that its schema accepts', (_type, event) => {
    const result = event.schema.safeParse(event.example);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(EVENT_REGISTRY.map((e) => [e.type, e] as const))('%s lives in the stream of its domain', (type, event) => {
    expect(streamForType(type).domains).toContain(event.domain);
  });

  it.each(EVENT_REGISTRY.map((e) => [e.type, e] as const))('%s documents every field', (_type, event) => {
    expect(event.description.length).toBeGreaterThan(20);
    expect(undescribedProperties(z.toJSONSchema(event.schema, { io: 'input' }), 'data')).toEqual([]);
  });

  it('is found by type, and an unknown type or version is not', () => {
    expect(findEventDefinition('helpdesk.ticket.status.changed.v1')?.domain).toBe('ticket');
    expect(findEventDefinition('helpdesk.ticket.status.changed.v9')).toBeUndefined();
    expect(findEventDefinition('helpdesk.nothing.v1')).toBeUndefined();
  });

  it('lists every definition in src/events/<domain>/, each in a file named after its type', () => {
    const onDisk: string[] = [];
    for (const domain of EVENT_DOMAINS) {
      const folder = join(__dirname, domain);
      for (const file of readdirSync(folder).filter((f) => /\.v\d+\.ts$/.test(f))) {
        // Loaded by path on purpose: the test must find files that nobody imports.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const definitions = Object.values(require(join(folder, file)) as Record<string, unknown>).filter(isEventDefinition);
        expect(definitions).toHaveLength(1);
        const [definition] = definitions;
        if (!definition) continue;
        onDisk.push(definition.type);
        // helpdesk.<domain>.<rest>.v<N> → <rest>.v<N> or <domain>-<rest>.v<N>, dots as dashes.
        const [, typeDomain = '', rest = '', version = ''] = TYPE_PATTERN.exec(definition.type) ?? [];
        const base = `${rest.replace(/\./g, '-')}.v${version}.ts`;
        expect([base, `${typeDomain}-${base}`]).toContain(file);
        expect(typeDomain).toBe(domain);
      }
    }
    expect(onDisk.sort()).toEqual(EVENT_REGISTRY.map((e) => e.type).sort());
  });

  it('rejects what the schemas promise to reject', () => {
    const created = findEventDefinition('helpdesk.ticket.created.v1');
    if (!created || typeof created.example !== 'object' || created.example === null) throw new Error('example missing');
    const example = created.example as { ticket: Record<string, unknown> };
    const withTicket = (patch: Record<string, unknown>) => ({ ...example, ticket: { ...example.ticket, ...patch } });
    expect(created.schema.safeParse(withTicket({ status: 'done' })).success).toBe(false);
    expect(created.schema.safeParse(withTicket({ version: 0 })).success).toBe(false);
    expect(created.schema.safeParse(withTicket({ ticketId: 'not-a-uuid' })).success).toBe(false);
    expect(created.schema.safeParse(withTicket({ createdAt: '2026-11-23 10:15' })).success).toBe(false);
    // A field added later must not break a consumer that validates with this version.
    expect(created.schema.safeParse({ ...example, addedInALaterRelease: true }).success).toBe(true);

    const line = findEventDefinition('helpdesk.billing.line.created.v1');
    if (!line || typeof line.example !== 'object' || line.example === null) throw new Error('example missing');
    expect(line.schema.safeParse({ ...line.example, amount: { amountMinor: 73.5, currency: 'EUR' } }).success).toBe(false);
    expect(line.schema.safeParse({ ...line.example, amount: { amountMinor: 7350, currency: 'eur' } }).success).toBe(false);
  });
});
