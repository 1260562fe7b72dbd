import type { AgentProfile } from '../agents/agent';
import type { NewQueueInput } from '../queues/queues.service';
import type { ScheduleSlot, Weekday } from '../queues/queue-schedule';

/** A demo agent: a fixed id (the `sub` of the agent's tokens) and a profile. */
export interface DemoAgent {
  readonly id: string;
  readonly profile: AgentProfile;
}

/**
 * The demo agents. Their ids are fixed so that a developer can sign a token as one of them:
 * `npm run -s dev-token -- agent 0195f3a0-0000-7000-8000-00000000a001` acts as Anna Schmidt.
 */
export const DEMO_AGENTS = {
  anna: agent('0195f3a0-0000-7000-8000-00000000a001', 'Anna Schmidt', '201'),
  jonas: agent('0195f3a0-0000-7000-8000-00000000a002', 'Jonas Weber', '202'),
  fatma: agent('0195f3a0-0000-7000-8000-00000000a003', 'Fatma Yılmaz', '203'),
} as const satisfies Record<string, DemoAgent>;

/** Keys of the demo queues. */
export const DEMO_QUEUES = { firstLevel: 'first-level', infrastructure: 'infrastructure' } as const;

/** A demo queue: what CreateQueue takes, plus the weekly schedule of a schedule queue. */
export interface DemoQueue {
  readonly input: NewQueueInput;
  readonly schedule: readonly ScheduleSlot[];
}

/**
 * The 1st level queue takes technical and other tickets by routing rule and hands them out round
 * robin; the infrastructure on-call queue takes only tickets moved there, served by whoever's
 * weekly slot is active (Jonas mornings, Fatma afternoons, Fatma on Saturday morning).
 */
export const DEMO_QUEUE_SET: readonly DemoQueue[] = [
  {
    input: {
      key: DEMO_QUEUES.firstLevel,
      name: '1st Level Support',
      categories: ['technical', 'other'],
      priorities: [],
      leadAgentId: DEMO_AGENTS.fatma.id,
      memberIds: [DEMO_AGENTS.anna.id, DEMO_AGENTS.jonas.id],
      strategy: 'round_robin',
      timeZone: 'Europe/Berlin',
      carryOverInProgress: false,
    },
    schedule: [],
  },
  {
    input: {
      key: DEMO_QUEUES.infrastructure,
      name: 'Infrastruktur-Bereitschaft',
      categories: [],
      priorities: [],
      leadAgentId: DEMO_AGENTS.fatma.id,
      memberIds: [DEMO_AGENTS.jonas.id, DEMO_AGENTS.fatma.id],
      strategy: 'schedule',
      timeZone: 'Europe/Berlin',
      carryOverInProgress: true,
    },
    schedule: [
      ...workdays().map((weekday) => slot(weekday, '07:00', '13:00', DEMO_AGENTS.jonas.id)),
      ...workdays().map((weekday) => slot(weekday, '13:00', '19:00', DEMO_AGENTS.fatma.id)),
      slot(6, '08:00', '12:00', DEMO_AGENTS.fatma.id),
    ],
  },
];

function agent(id: string, displayName: string, extension: string): DemoAgent {
  const email = `${displayName.toLowerCase().replace(/ı/g, 'i').replace(/\s+/g, '.')}@systemhaus-nord.example`;
  return { id, profile: { displayName, email, extension, externalId: null, active: true } };
}

function workdays(): Weekday[] {
  return [1, 2, 3, 4, 5];
}

function slot(weekday: Weekday, start: string, end: string, agentId: string): ScheduleSlot {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
  return { weekday, startMinute: minutes(start), endMinute: minutes(end), agentId };
}
