import { platformMigrations } from '@helpdesk/persistence';
import { CreateBilling1732370000000 } from './1732370000000-create-billing';
import { CreatePrepaidPackages1732370100000 } from './1732370100000-create-prepaid-packages';
import { CreatePackageThresholds1732370200000 } from './1732370200000-create-package-thresholds';
import { CreateStatementPublications1732370300000 } from './1732370300000-create-statement-publications';
import { NarrowItemIndexes1732370400000 } from './1732370400000-narrow-item-indexes';
import { ItemLinesTable1732370500000 } from './1732370500000-item-lines-table';

/** Every migration of the billing service, in order. */
export const billingMigrations = [...platformMigrations, CreateBilling1732370000000, CreatePrepaidPackages1732370100000, CreatePackageThresholds1732370200000, CreateStatementPublications1732370300000, NarrowItemIndexes1732370400000, ItemLinesTable1732370500000];
