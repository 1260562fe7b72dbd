import type { Metadata } from '@grpc/grpc-js';
import { slaV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest, protoTimestampSchema, toTimestamp } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { z } from 'zod';
import { decodePage, nextPageOf, pageRequestSchema } from './paging';
import { CalendarsService } from './calendars/calendars.service';
import { createCalendarRequestSchema, updateCalendarRequestSchema } from './calendars/calendars-requests.grpc-mapper';
import { toCalendarMessage } from './calendars/calendars-responses.grpc-mapper';
import { TicketSlaQuery } from './clocks/ticket-sla.query';
import { PoliciesService } from './policies/policies.service';
import { complianceCsv } from './reports/compliance';
import { ComplianceQuery } from './reports/compliance.query';
import { createPolicyRequestSchema, updatePolicyRequestSchema } from './policies/policies-requests.grpc-mapper';
import { toPolicyMessage } from './policies/policies-responses.grpc-mapper';

const SLA_RPCS = ['createPolicy', 'updatePolicy', 'listPolicies', 'createCalendar', 'updateCalendar', 'listCalendars', 'getTicketSla', 'getComplianceReport'] as const satisfies readonly (keyof slaV1.SlaServiceController)[];
const listRequestSchema = z.object({ page: pageRequestSchema });
const ticketRequestSchema = z.object({ ticketId: z.uuid({ message: 'must be a UUID' }) });
const optionalUuid = z.union([z.literal(''), z.uuid({ message: 'must be a UUID' })]).transform((v) => (v === '' ? null : v));
const complianceRequestSchema = z
  .object({
    from: protoTimestampSchema.refine((t) => t !== null, { message: 'is required' }),
    to: protoTimestampSchema.refine((t) => t !== null, { message: 'is required' }),
    customerId: optionalUuid,
    contractId: optionalUuid,
    policyId: optionalUuid,
    queueId: optionalUuid,
  })
  .transform((r) => ({ ...r, from: r.from as Date, to: r.to as Date }))
  .refine((r) => r.from < r.to, { message: 'must be after from', path: ['to'] });

/** `helpdesk.sla.v1.SlaService`: configuration for admins and integrations, reads for agents too. */
@GrpcController()
@GrpcServiceMethods(slaV1.SLA_SERVICE_NAME, SLA_RPCS)
export class SlaGrpcController implements slaV1.SlaServiceController {
  constructor(
    @Inject(PoliciesService) private readonly policies: PoliciesService,
    @Inject(CalendarsService) private readonly calendars: CalendarsService,
    @Inject(TicketSlaQuery) private readonly ticketSla: TicketSlaQuery,
    @Inject(ComplianceQuery) private readonly compliance: ComplianceQuery,
  ) {}

  @Roles('admin', 'agent', 'integration')
  async getComplianceReport(request: slaV1.GetComplianceReportRequest, metadata: Metadata): Promise<slaV1.GetComplianceReportResponse> {
    callerFrom(metadata);
    const filter = parseRequest(complianceRequestSchema, request);
    const rows = await this.compliance.report(filter);
    return {
      rows: rows.map((r) => ({
        ...r,
        customerId: r.customerId ?? '',
        contractId: r.contractId ?? '',
        policyId: r.policyId ?? '',
        queueId: r.queueId ?? '',
        medianBusinessSeconds: String(r.medianBusinessSeconds),
        p90BusinessSeconds: String(r.p90BusinessSeconds),
      })),
      csv: complianceCsv(rows),
    };
  }

  @Roles('admin', 'integration')
  async createPolicy(request: slaV1.CreatePolicyRequest, metadata: Metadata): Promise<slaV1.CreatePolicyResponse> {
    callerFrom(metadata);
    const { id, settings } = parseRequest(createPolicyRequestSchema, request);
    return { policy: toPolicyMessage(await this.policies.create(id, settings)) };
  }

  @Roles('admin', 'integration')
  async updatePolicy(request: slaV1.UpdatePolicyRequest, metadata: Metadata): Promise<slaV1.UpdatePolicyResponse> {
    callerFrom(metadata);
    const { id, settings, expectedVersion } = parseRequest(updatePolicyRequestSchema, request);
    const { policy, recomputed } = await this.policies.update(id, settings, expectedVersion);
    return { policy: toPolicyMessage(policy), recomputedClocks: recomputed };
  }

  @Roles('admin', 'agent', 'integration')
  async listPolicies(request: slaV1.ListPoliciesRequest, metadata: Metadata): Promise<slaV1.ListPoliciesResponse> {
    callerFrom(metadata);
    const { page } = parseRequest(listRequestSchema, request);
    const rows = await this.policies.list(decodePage(page.pageToken), page.pageSize + 1);
    return { policies: rows.slice(0, page.pageSize).map(toPolicyMessage), page: nextPageOf(rows, page.pageSize) };
  }

  @Roles('admin', 'integration')
  async createCalendar(request: slaV1.CreateCalendarRequest, metadata: Metadata): Promise<slaV1.CreateCalendarResponse> {
    callerFrom(metadata);
    const { id, settings } = parseRequest(createCalendarRequestSchema, request);
    return { calendar: toCalendarMessage(await this.calendars.create(id, settings)) };
  }

  @Roles('admin', 'integration')
  async updateCalendar(request: slaV1.UpdateCalendarRequest, metadata: Metadata): Promise<slaV1.UpdateCalendarResponse> {
    callerFrom(metadata);
    const { id, settings, expectedVersion } = parseRequest(updateCalendarRequestSchema, request);
    const { calendar, recomputed } = await this.calendars.update(id, settings, expectedVersion);
    return { calendar: toCalendarMessage(calendar), recomputedClocks: recomputed };
  }

  @Roles('admin', 'agent', 'integration')
  async listCalendars(request: slaV1.ListCalendarsRequest, metadata: Metadata): Promise<slaV1.ListCalendarsResponse> {
    callerFrom(metadata);
    const { page } = parseRequest(listRequestSchema, request);
    const rows = await this.calendars.list(decodePage(page.pageToken), page.pageSize + 1);
    return { calendars: rows.slice(0, page.pageSize).map(toCalendarMessage), page: nextPageOf(rows, page.pageSize) };
  }

  @Roles('admin', 'agent', 'integration')
  async getTicketSla(request: slaV1.GetTicketSlaRequest, metadata: Metadata): Promise<slaV1.GetTicketSlaResponse> {
    callerFrom(metadata);
    const { ticketId } = parseRequest(ticketRequestSchema, request);
    const sla = await this.ticketSla.get(ticketId);
    return {
      ticketId,
      version: sla.version,
      trafficLight: sla.trafficLight ?? '',
      overdue: sla.overdue,
      clocks: sla.clocks.map(({ view, clock }) => ({
        clockId: view.clockId,
        target: view.target,
        taskId: view.taskId ?? '',
        policyId: view.policyId ?? '',
        calendarId: view.calendarId ?? '',
        state: view.state,
        trafficLight: view.trafficLight,
        targetSeconds: String(view.targetSeconds),
        elapsedBusinessSeconds: String(view.elapsedBusinessSeconds),
        remainingBusinessSeconds: String(view.remainingBusinessSeconds),
        startedAt: toTimestamp(clock.startedAt),
        warningAt: toTimestamp(clock.warningAt),
        dueAt: toTimestamp(clock.dueAt),
        metAt: toTimestamp(clock.metAt),
        breachedAt: toTimestamp(clock.breachedAt),
        escalationLevel: view.escalationLevel,
        phases: clock.phases.map((p) => ({ phase: p.phase, since: toTimestamp(new Date(p.since)) })),
      })),
    };
  }
}
