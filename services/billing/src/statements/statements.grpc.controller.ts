import type { Metadata } from '@grpc/grpc-js';
import { billingV1, uuidSchema } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { from, type Observable } from 'rxjs';
import { concatMap } from 'rxjs/operators';
import { z } from 'zod';
import { ProfitabilityService } from '../profitability/profitability.service';
import { periodSchema } from '../runs/run.grpc-mapper';
import { StatementsService, type StatementFile } from './statements.service';

/** The RPCs of `helpdesk.billing.v1.BillingService` this controller serves. */
export const BILLING_STATEMENT_RPCS = ['exportStatement', 'getCustomerProfitability'] as const satisfies readonly (keyof billingV1.BillingServiceController)[];

const uuid = z.string().refine((v) => uuidSchema.safeParse(v).success, 'must be a UUID');
const exportRequestSchema = z.object({
  statementId: uuid,
  format: z.enum(['STATEMENT_FORMAT_CSV', 'STATEMENT_FORMAT_PDF'], { error: 'must be STATEMENT_FORMAT_CSV or STATEMENT_FORMAT_PDF' }).transform((f) => (f === 'STATEMENT_FORMAT_CSV' ? ('csv' as const) : ('pdf' as const))),
});
const profitabilityRequestSchema = z.object({ period: periodSchema, customerIds: z.array(uuid) });
const CHUNK = 64 * 1024;

/** Statement export and the profitability report. */
@GrpcController()
@GrpcServiceMethods(billingV1.BILLING_SERVICE_NAME, BILLING_STATEMENT_RPCS)
export class StatementsGrpcController implements Pick<billingV1.BillingServiceController, (typeof BILLING_STATEMENT_RPCS)[number]> {
  constructor(
    @Inject(StatementsService) private readonly statements: StatementsService,
    @Inject(ProfitabilityService) private readonly profitability: ProfitabilityService,
  ) {}

  @Roles('admin', 'agent', 'integration', 'customer')
  exportStatement(request: billingV1.ExportStatementRequest, metadata: Metadata): Observable<billingV1.ExportStatementResponse> {
    const caller = callerFrom(metadata);
    const { statementId, format } = parseRequest(exportRequestSchema, request);
    return from(this.statements.export(caller, statementId, format)).pipe(concatMap((file) => from(pieces(file))));
  }

  @Roles('admin', 'agent', 'integration')
  async getCustomerProfitability(request: billingV1.GetCustomerProfitabilityRequest, metadata: Metadata): Promise<billingV1.GetCustomerProfitabilityResponse> {
    const { period, customerIds } = parseRequest(profitabilityRequestSchema, request);
    const report = await this.profitability.report(callerFrom(metadata), period.from, period.to, customerIds.length > 0 ? customerIds : null);
    const money = (minor: number, currency: string) => ({ amountMinor: String(minor), currency });
    return {
      customers: report.map((c) => ({
        customerId: c.customerId,
        currency: c.currency,
        workMinutes: c.workMinutes,
        nonBillableMinutes: c.nonBillableMinutes,
        callCount: c.callCount,
        effortValue: money(c.effortMinor, c.currency),
        revenue: money(c.revenueMinor, c.currency),
        margin: money(c.revenueMinor - c.effortMinor, c.currency),
      })),
    };
  }
}

/** The file in 64 KiB messages; content type and file name on the first. */
function pieces(file: StatementFile): billingV1.ExportStatementResponse[] {
  const out: billingV1.ExportStatementResponse[] = [];
  for (let offset = 0; offset === 0 || offset < file.content.length; offset += CHUNK) {
    const chunk = file.content.subarray(offset, offset + CHUNK);
    out.push(offset === 0 ? { contentType: file.contentType, fileName: file.fileName, chunk } : { contentType: '', fileName: '', chunk });
  }
  return out;
}
