import { platformMigrations } from '@helpdesk/persistence';
import { CreateTelephony1732370000000 } from './1732370000000-create-telephony';

/** Every migration of the telephony gateway, in order. */
export const telephonyMigrations = [...platformMigrations, CreateTelephony1732370000000];
