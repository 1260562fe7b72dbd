import { platformMigrations } from '@helpdesk/persistence';
import { CreateBilling1732370000000 } from './1732370000000-create-billing';
import { CreatePrepaidPackages1732370100000 } from './1732370100000-create-prepaid-packages';

/** Every migration of the billing service, in order. */
export const billingMigrations = [...platformMigrations, CreateBilling1732370000000, CreatePrepaidPackages1732370100000];
