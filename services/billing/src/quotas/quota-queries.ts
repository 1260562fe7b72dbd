import { requireRole, type Caller, type CustomerScope } from '@helpdesk/auth';
import { uuidv7 } from '@helpdesk/messaging';
import type { DataSource } from 'typeorm';
import { BillingError } from '../errors/billing.errors';
import { dayIn } from '../shared/calendar';
import { packagesWithUse } from './package-usage';
import { PrepaidPackagesRepository, type PrepaidPackage } from './prepaid-packages.repository';
import { QuotasService, type QuotaState } from './quotas.service';

/** GetQuota and prepaid packages: a customer's quotas on a day; a customer token sees only its own customer. */
export class QuotaQueries {
  private readonly quotas: QuotasService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly timeZone: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.quotas = new QuotasService(timeZone);
  }

  async quotasOf(scope: CustomerScope, customerId: string, day: string | null): Promise<{ quotas: QuotaState[]; packages: PrepaidPackage[] }> {
    if (scope.kind === 'customer' && scope.customerId !== customerId) throw new BillingError('INVALID_FIELD', 'customer_id: a customer may only read its own quota', 'customer_id');
    const manager = this.dataSource.manager;
    const on = day ?? dayIn(this.clock(), this.timeZone);
    return {
      quotas: await this.quotas.statesOf(manager, customerId, on),
      packages: (await packagesWithUse(manager, [customerId], on, this.timeZone)).get(customerId) ?? [],
    };
  }

  /** Adds a prepaid package to a customer. Admins and integrations. */
  async addPackage(caller: Caller, packageId: string | null, customerId: string, minutes: number, purchasedOn: string): Promise<PrepaidPackage> {
    requireRole(caller, ['admin', 'integration'], 'BillingService/AddPrepaidPackage');
    const id = packageId ?? uuidv7();
    if (!(await new PrepaidPackagesRepository(this.dataSource.manager).insert(id, customerId, minutes, purchasedOn, this.clock()))) {
      throw new BillingError('PACKAGE_EXISTS', `prepaid package ${id} exists already`);
    }
    return { id, customerId, minutes, purchasedOn, usedMinutes: 0 };
  }
}
