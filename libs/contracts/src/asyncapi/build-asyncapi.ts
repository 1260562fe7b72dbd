import { z } from 'zod';
import type { EventDefinition } from '../events/event-definition';
import { EVENT_REGISTRY } from '../events/registry';
import { producerForDomain } from '../naming/producers';
import { streamForType } from '../naming/streams';
import { channelIdOf, pascalNameOf } from './event-names';
import { SHARED_SCHEMA_COMPONENTS } from './shared-components';

/** A JSON value as written into the document. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An AsyncAPI 3.0 document as plain JSON. */
export type AsyncApiDocument = { readonly asyncapi: '3.0.0' } & { [key: string]: JsonValue };

/** What the caller decides about the document; everything else comes from the registry. */
export interface AsyncApiOptions {
  /** `info.version`, normally the version of @helpdesk/contracts. */
  readonly version: string;
  /** The events to document; defaults to the whole registry. */
  readonly events?: readonly EventDefinition[];
}

const SCHEMA_REF = '#/components/schemas/';
const CONTENT_TYPE = 'application/cloudevents+json';
const FORMATS_WITHOUT_PATTERN = new Set(['uuid', 'date-time', 'date']);

/**
 * Builds the AsyncAPI 3.0 document of every event: one channel per event subject, a `send`
 * operation per channel, messages whose payload is the CloudEvent envelope with `data` bound
 * to the event's schema, the example of each event, and the dead-letter channel. Pure and
 * deterministic, so the committed document can be compared with a fresh build.
 */
export function buildAsyncApiDocument(options: AsyncApiOptions): AsyncApiDocument {
  const events = options.events ?? EVENT_REGISTRY;
  const channels: Record<string, JsonValue> = {};
  const operations: Record<string, JsonValue> = {};
  const messages: Record<string, JsonValue> = {};

  events.forEach((event, index) => {
    const channelId = channelIdOf(event.type);
    const messageName = pascalNameOf(event.type);
    channels[channelId] = {
      address: event.type,
      title: event.type,
      description: `${event.description}\n\nStream: ${streamForType(event.type).name}. Producer: ${producerForDomain(event.domain)}.`,
      messages: { [messageName]: { $ref: `#/components/messages/${messageName}` } },
    };
    operations[`send${messageName}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `${producerForDomain(event.domain)} publishes ${event.type}.`,
      tags: [{ name: event.domain }],
      messages: [{ $ref: `#/channels/${channelId}/messages/${messageName}` }],
    };
    messages[messageName] = eventMessage(event, messageName, index);
  });

  channels['deadLetters'] = {
    address: 'helpdesk.dlq.{service}',
    title: 'helpdesk.dlq.<service>',
    description:
      'Dead-letter subject of a consuming service (stream HELPDESK_DLQ): a message the service gave up on (invalid, a permanent error, or the configured number of deliveries reached), published with its original body and headers unchanged plus Helpdesk-Dlq-* headers naming the failure. Ops inspect it and replay it by publishing the body to the original subject.',
    parameters: { service: { description: 'The consuming service, e.g. "billing".', examples: ['billing', 'sla'] } },
    messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
  };
  operations['sendDeadLetter'] = {
    action: 'send',
    channel: { $ref: '#/channels/deadLetters' },
    summary: 'A consuming service moves a message it gave up on to its dead-letter subject.',
    tags: [{ name: 'dlq' }],
    messages: [{ $ref: '#/channels/deadLetters/messages/DeadLetter' }],
  };
  messages['DeadLetter'] = {
    name: 'DeadLetter',
    title: 'Dead letter',
    summary: 'The original message a consumer gave up on, with headers naming the failure.',
    contentType: CONTENT_TYPE,
    headers: deadLetterHeadersSchema(),
    payload: {
      description: 'The original message body, unchanged: normally a CloudEvent, but whatever bytes arrived when the message was invalid.',
      anyOf: [{ $ref: `${SCHEMA_REF}CloudEvent` }, {}],
    },
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Helpdesk platform events',
      version: options.version,
      description:
        'Every event of the helpdesk platform. Events travel on NATS JetStream as CloudEvents 1.0 JSON documents (structured mode); the NATS subject equals the CloudEvent `type` (behind an optional environment prefix) and the `Nats-Msg-Id` header equals the event `id`. A published version is frozen except for added optional fields: ignore fields you do not know. Ticket events carry the ticket after the change with a per-ticket `version`; keep read models by "apply if newer".',
      license: { name: 'AGPL-3.0-or-later' },
    },
    defaultContentType: CONTENT_TYPE,
    servers: {
      local: {
        host: '127.0.0.1:4222',
        protocol: 'nats',
        description: 'NATS with JetStream of a one-machine install (the default NATS_URL).',
      },
    },
    channels,
    operations,
    components: { schemas: componentSchemas(events), messages },
  };
}

function eventMessage(event: EventDefinition, messageName: string, index: number): JsonValue {
  return {
    name: messageName,
    title: event.type,
    summary: event.description,
    contentType: CONTENT_TYPE,
    headers: natsHeadersSchema(),
    payload: {
      allOf: [
        { $ref: `${SCHEMA_REF}CloudEvent` },
        {
          type: 'object',
          required: ['type', 'source', 'data'],
          properties: {
            type: { const: event.type },
            source: { const: producerForDomain(event.domain) },
            data: { $ref: `${SCHEMA_REF}${messageName}Data` },
          },
        },
      ],
    },
    examples: [exampleOf(event, index)],
  };
}

function natsHeadersSchema(): JsonValue {
  return {
    type: 'object',
    required: ['Nats-Msg-Id'],
    properties: {
      'Nats-Msg-Id': { type: 'string', description: 'The CloudEvent id; JetStream de-duplicates on it.' },
      traceparent: { type: 'string', description: 'W3C trace context, the same as the CloudEvent traceparent.' },
      tracestate: { type: 'string', description: 'W3C tracestate.' },
    },
  };
}

// The header names are set by libs/messaging (DLQ_HEADERS in consumer/dead-letter.ts); keep both in step.
function deadLetterHeadersSchema(): JsonValue {
  const text = (description: string): JsonValue => ({ type: 'string', description });
  return {
    type: 'object',
    required: ['Helpdesk-Dlq-Reason', 'Helpdesk-Dlq-Subject', 'Helpdesk-Dlq-Stream', 'Helpdesk-Dlq-Stream-Sequence'],
    properties: {
      'Helpdesk-Dlq-Reason': { type: 'string', enum: ['invalid', 'permanent', 'max-deliveries'], description: 'Why the consumer gave up.' },
      'Helpdesk-Dlq-Error': text('"<error name>: <message>" of the last error, on one line, at most 1,000 characters.'),
      'Helpdesk-Dlq-Subject': text('NATS subject the message was consumed from (with environment prefix).'),
      'Helpdesk-Dlq-Stream': text('Stream the message came from, e.g. "HELPDESK_TICKET".'),
      'Helpdesk-Dlq-Stream-Sequence': text('Sequence of the message in that stream (decimal).'),
      'Helpdesk-Dlq-Consumer': text('Durable consumer that gave up, e.g. "billing-worklog".'),
      'Helpdesk-Dlq-Deliveries': text('How many times the message had been delivered (decimal).'),
      traceparent: text('W3C trace context of the original message, kept.'),
    },
  };
}

function exampleOf(event: EventDefinition, index: number): JsonValue {
  // Fixed ids and times keep the generated document byte-stable between runs.
  const id = `01936b2e-0000-7000-8000-${index.toString(16).padStart(12, '0')}`;
  const traceparent = `00-4bf92f3577b34da6a3ce929d0e0e${index.toString(16).padStart(4, '0')}-00f067aa0ba902b7-01`;
  const data = toJson(event.example);
  const subject = subjectOf(data);
  return {
    name: 'example',
    summary: `A ${event.type} event as it travels on NATS.`,
    headers: { 'Nats-Msg-Id': id, traceparent },
    payload: {
      specversion: '1.0',
      id,
      source: producerForDomain(event.domain),
      type: event.type,
      ...(subject === undefined ? {} : { subject }),
      time: timeOf(data),
      datacontenttype: 'application/json',
      traceparent,
      data,
    },
  };
}

/** The CloudEvent `time` of an example: the ticket's `updatedAt` for ticket events, which equals it. */
function timeOf(data: JsonValue): string {
  const ticket = typeof data === 'object' && data !== null && !Array.isArray(data) ? data['ticket'] : undefined;
  const updatedAt = typeof ticket === 'object' && ticket !== null && !Array.isArray(ticket) ? ticket['updatedAt'] : undefined;
  return typeof updatedAt === 'string' ? updatedAt : '2026-11-23T10:15:00.000Z';
}

/** The aggregate id an example event is about, for its CloudEvent `subject`. */
function subjectOf(data: JsonValue): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const ticket = data['ticket'];
  if (typeof ticket === 'object' && ticket !== null && !Array.isArray(ticket) && typeof ticket['ticketId'] === 'string') {
    return ticket['ticketId'];
  }
  const keys = ['ticketId', 'callId', 'mailId', 'outboundId', 'contactId', 'contractId', 'assetId', 'agentId', 'queueId', 'customerId'];
  const key = keys.find((k) => typeof data[k] === 'string');
  const value = key === undefined ? undefined : data[key];
  return typeof value === 'string' ? value : undefined;
}

function componentSchemas(events: readonly EventDefinition[]): Record<string, JsonValue> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SHARED_SCHEMA_COMPONENTS)) registry.add(schema, { id });
  for (const event of events) registry.add(event.schema, { id: `${pascalNameOf(event.type)}Data` });
  // `input` keeps objects open (no additionalProperties: false): a consumer must accept fields
  // added to a published version later.
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-07',
    io: 'input',
    uri: (id) => `${SCHEMA_REF}${id}`,
    override: ({ jsonSchema }) => {
      // The standard formats say it all; zod's equivalent regexes would triple the document.
      if (typeof jsonSchema.format === 'string' && FORMATS_WITHOUT_PATTERN.has(jsonSchema.format)) delete jsonSchema.pattern;
    },
  });
  const result: Record<string, JsonValue> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    result[id] = toJson(rest);
  }
  return result;
}

function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
