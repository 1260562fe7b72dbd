import { CreateOutbox1732350000000 } from './1732350000000-create-outbox';
import { CreateInbox1732350000001 } from './1732350000001-create-inbox';

/** The migrations every service includes first in its list: outbox and inbox. */
export const platformMigrations = [CreateOutbox1732350000000, CreateInbox1732350000001] as const;
