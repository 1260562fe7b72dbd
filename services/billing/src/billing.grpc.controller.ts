import type { Metadata } from '@grpc/grpc-js';
import { scopeOf } from '@helpdesk/auth';
import { billingV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { createPlanRequestSchema, listPlansRequestSchema, toPlanMessage, updatePlanRequestSchema } from './plans/plan.grpc-mapper';
import { PlansService } from './plans/plans.service';
import { addPrepaidPackageRequestSchema, getQuotaRequestSchema, toPrepaidPackageMessage, toQuotaStatusMessage } from './quotas/quota.grpc-mapper';
import { QuotaQueries } from './quotas/quota-queries';
import { runRequestSchema, toDraftStatementMessage, toIssuedStatementMessage } from './runs/run.grpc-mapper';
import { RunsService } from './runs/runs.service';

/** The RPCs of `helpdesk.billing.v1.BillingService` this controller serves. */
export const BILLING_CORE_RPCS = ['createPlan', 'updatePlan', 'listPlans', 'getQuota', 'addPrepaidPackage', 'previewRun', 'issueRun'] as const satisfies readonly (keyof billingV1.BillingServiceController)[];

/** Plans, quotas and invoice runs: who, what, call, map. */
@GrpcController()
@GrpcServiceMethods(billingV1.BILLING_SERVICE_NAME, BILLING_CORE_RPCS)
export class BillingGrpcController implements Pick<billingV1.BillingServiceController, (typeof BILLING_CORE_RPCS)[number]> {
  // Explicit tokens: decorator metadata is not emitted under every test runner.
  constructor(
    @Inject(PlansService) private readonly plans: PlansService,
    @Inject(RunsService) private readonly runs: RunsService,
    @Inject(QuotaQueries) private readonly quotas: QuotaQueries,
  ) {}

  @Roles('admin')
  async createPlan(request: billingV1.CreatePlanRequest, metadata: Metadata): Promise<billingV1.CreatePlanResponse> {
    const { planId, validFrom, terms } = parseRequest(createPlanRequestSchema, request);
    return { plan: toPlanMessage(await this.plans.create(callerFrom(metadata), planId, validFrom, terms)) };
  }

  @Roles('admin')
  async updatePlan(request: billingV1.UpdatePlanRequest, metadata: Metadata): Promise<billingV1.UpdatePlanResponse> {
    const { planId, validFrom, terms } = parseRequest(updatePlanRequestSchema, request);
    return { plan: toPlanMessage(await this.plans.update(callerFrom(metadata), planId, validFrom, terms)) };
  }

  @Roles('admin', 'agent', 'integration')
  async listPlans(request: billingV1.ListPlansRequest, metadata: Metadata): Promise<billingV1.ListPlansResponse> {
    const { size, after } = parseRequest(listPlansRequestSchema, request);
    const page = await this.plans.list(callerFrom(metadata), after, size);
    return { plans: page.plans.map(toPlanMessage), page: { nextPageToken: page.nextAfter ?? '' } };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async getQuota(request: billingV1.GetQuotaRequest, metadata: Metadata): Promise<billingV1.GetQuotaResponse> {
    const { customerId, date } = parseRequest(getQuotaRequestSchema, request);
    const { quotas, packages } = await this.quotas.quotasOf(scopeOf(callerFrom(metadata)), customerId, date);
    return { quotas: quotas.map(toQuotaStatusMessage), packages: packages.map(toPrepaidPackageMessage) };
  }

  @Roles('admin', 'integration')
  async addPrepaidPackage(request: billingV1.AddPrepaidPackageRequest, metadata: Metadata): Promise<billingV1.AddPrepaidPackageResponse> {
    const { packageId, customerId, minutes, purchasedOn } = parseRequest(addPrepaidPackageRequestSchema, request);
    return { package: toPrepaidPackageMessage(await this.quotas.addPackage(callerFrom(metadata), packageId, customerId, minutes, purchasedOn)) };
  }

  @Roles('admin', 'integration')
  async previewRun(request: billingV1.PreviewRunRequest, metadata: Metadata): Promise<billingV1.PreviewRunResponse> {
    const run = await this.runs.preview(callerFrom(metadata), parseRequest(runRequestSchema, request));
    return { statements: run.statements.map(toDraftStatementMessage), unpricedItemCount: run.unpricedItemCount };
  }

  @Roles('admin', 'integration')
  async issueRun(request: billingV1.IssueRunRequest, metadata: Metadata): Promise<billingV1.IssueRunResponse> {
    const run = await this.runs.issue(callerFrom(metadata), parseRequest(runRequestSchema, request));
    return { runId: run.runId ?? '', statements: run.statements.map((st) => toIssuedStatementMessage(st, request.omitSourceItems === true)), unpricedItemCount: run.unpricedItemCount };
  }
}
