import { CreateOutbox1732350000000 } from './1732350000000-create-outbox';
import { CreateInbox1732350000001 } from './1732350000001-create-inbox';
import { CreateOutboxParked1795517400000 } from './1795517400000-create-outbox-parked';

/** The migrations every service includes first in its list: outbox, inbox and parked events. */
export const platformMigrations = [CreateOutbox1732350000000, CreateInbox1732350000001, CreateOutboxParked1795517400000] as const;
