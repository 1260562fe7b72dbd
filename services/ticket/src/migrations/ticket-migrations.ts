import { platformMigrations } from '@helpdesk/persistence';
import { CreateTickets1732360000000 } from './1732360000000-create-tickets';
import { CreateMessages1732360100000 } from './1732360100000-create-messages';
import { CreateTasksAndWorkLog1732360200000 } from './1732360200000-create-tasks-and-work-log';
import { CreateDirectory1732360300000 } from './1732360300000-create-directory';
import { CreateQueues1732360400000 } from './1732360400000-create-queues';
import { CreateTicketLinks1732360500000 } from './1732360500000-create-ticket-links';
import { AllowMergingWorkLog1732360500001 } from './1732360500001-allow-merging-work-log';
import { CreateTicketSlaState1732360600000 } from './1732360600000-create-ticket-sla-state';
import { IndexInboundOrigins1732360700000 } from './1732360700000-index-inbound-origins';
import { AllowReferencedAttachments1732360710000 } from './1732360710000-allow-referenced-attachments';
import { AddTicketListIndexes1732360800000 } from './1732360800000-add-ticket-list-indexes';
import { NotifyQueueChanges1732360900000 } from './1732360900000-notify-queue-changes';

/** Every migration of the ticket service, in order. */
export const ticketMigrations = [...platformMigrations, CreateTickets1732360000000, CreateMessages1732360100000, CreateTasksAndWorkLog1732360200000, CreateDirectory1732360300000, CreateQueues1732360400000, CreateTicketLinks1732360500000, AllowMergingWorkLog1732360500001, CreateTicketSlaState1732360600000, IndexInboundOrigins1732360700000, AllowReferencedAttachments1732360710000, AddTicketListIndexes1732360800000, NotifyQueueChanges1732360900000];
