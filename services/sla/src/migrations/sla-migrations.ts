import { platformMigrations } from '@helpdesk/persistence';
import { CreateSla1732380000000 } from './1732380000000-create-sla';
import { DueTimersAndRecomputeJobs1732390000000 } from './1732390000000-due-timers-and-recompute-jobs';

/** Every migration of the SLA service, in order. */
export const slaMigrations = [...platformMigrations, CreateSla1732380000000, DueTimersAndRecomputeJobs1732390000000];
