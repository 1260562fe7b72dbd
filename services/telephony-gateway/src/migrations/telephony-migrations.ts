import { platformMigrations } from '@helpdesk/persistence';
import { CreateTelephony1732370000000 } from './1732370000000-create-telephony';
import { CallRevision1732480000000 } from './1732480000000-call-revision';

/** Every migration of the telephony gateway, in order. */
export const telephonyMigrations = [...platformMigrations, CreateTelephony1732370000000, CallRevision1732480000000];
