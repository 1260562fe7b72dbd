import { agentUpsertedV1 } from '@helpdesk/contracts';
import { TicketError } from '../tickets/ticket.errors';
import { agentUpsertedEvent, isAvailable, setAvailability, upsertAgent, type AgentProfile } from './agent';

const T0 = new Date('2026-11-23T08:00:00.000Z');
const T1 = new Date('2026-11-23T09:00:00.000Z');
const LATER = new Date('2026-11-30T08:00:00.000Z');
const A = '01936b2e-8f3a-7c4d-9e1f-00000000000a';
const B = '01936b2e-8f3a-7c4d-9e1f-00000000000b';
const profile: AgentProfile = { displayName: 'Anna Schmidt', email: 'Anna@Helpdesk.example', extension: '214', externalId: null, active: true };
const anna = upsertAgent(undefined, A, profile, { now: T0 }).agent;
const bert = upsertAgent(undefined, B, { ...profile, displayName: 'Bert' }, { now: T0 }).agent;

function errorOf(run: () => unknown): TicketError {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return error;
    throw error;
  }
  throw new Error('expected a TicketError');
}

describe('agents', () => {
  it('creates, updates only on change, and checks the expected version', () => {
    expect(anna).toMatchObject({ email: 'anna@helpdesk.example', version: 1, absence: null });
    expect(upsertAgent(anna, A, profile, { now: T1 })).toEqual({ agent: anna, outcome: 'unchanged' });
    const renamed = upsertAgent(anna, A, { ...profile, displayName: 'Anna Meier' }, { now: T1, expectedVersion: 1 });
    expect(renamed).toMatchObject({ outcome: 'updated', agent: { displayName: 'Anna Meier', version: 2 } });
    expect(errorOf(() => upsertAgent(renamed.agent, A, profile, { now: T1, expectedVersion: 1 })).code).toBe('VERSION_CONFLICT');
    expect(errorOf(() => upsertAgent(undefined, A, { ...profile, email: 'nope' }, { now: T0 })).field).toBe('email');
  });

  it('is available unless archived or absent, and an absence with an end runs out by itself', () => {
    const absent = setAvailability(anna, { absent: true, substituteAgentId: null, until: LATER }, undefined, T1).agent;
    expect(isAvailable(anna, T1)).toBe(true);
    expect(isAvailable(absent, T1)).toBe(false);
    expect(isAvailable(absent, LATER)).toBe(true);
    expect(isAvailable({ ...anna, active: false }, T1)).toBe(false);
  });

  it('records an absence with a substitute and keeps its start when repeated', () => {
    const first = setAvailability(anna, { absent: true, substituteAgentId: B, until: null }, bert, T0);
    expect(first).toMatchObject({ outcome: 'updated', agent: { version: 2, absence: { since: T0, until: null, substituteAgentId: B } } });
    expect(setAvailability(first.agent, { absent: true, substituteAgentId: B, until: null }, bert, T1)).toEqual({ agent: first.agent, outcome: 'unchanged' });
    const back = setAvailability(first.agent, { absent: false, substituteAgentId: null, until: null }, undefined, T1);
    expect(back).toMatchObject({ outcome: 'updated', agent: { version: 3, absence: null } });
  });

  it('refuses a substitute who is the agent, unknown or away, and an end in the past', () => {
    expect(errorOf(() => setAvailability(anna, { absent: true, substituteAgentId: A, until: null }, anna, T1)).field).toBe('substituteAgentId');
    expect(errorOf(() => setAvailability(anna, { absent: true, substituteAgentId: B, until: null }, undefined, T1)).field).toBe('substituteAgentId');
    const awayBert = setAvailability(bert, { absent: true, substituteAgentId: null, until: null }, undefined, T0).agent;
    expect(errorOf(() => setAvailability(anna, { absent: true, substituteAgentId: B, until: null }, awayBert, T1)).code).toBe('AGENT_NOT_AVAILABLE');
    expect(errorOf(() => setAvailability(anna, { absent: true, substituteAgentId: null, until: T0 }, undefined, T1)).field).toBe('absentUntil');
  });

  it('publishes agent.upserted with availability and substitute as of the change', () => {
    const absent = setAvailability(anna, { absent: true, substituteAgentId: B, until: LATER }, bert, T1).agent;
    const event = agentUpsertedEvent(absent);
    expect(agentUpsertedV1.schema.parse(event.data)).toEqual(event.data);
    expect(event).toMatchObject({ subject: A, time: T1, data: { available: false, substituteAgentId: B, version: 2 } });
    expect(agentUpsertedEvent(anna).data).toMatchObject({ available: true, substituteAgentId: null });
  });
});
