import { ticketV1 } from '@helpdesk/contracts';
import { z } from 'zod';
import { requiredProtoEnumSchema } from '../tickets/ticket-enums.grpc-mapper';
import { listTicketsRequestSchema } from '../tickets/ticket-requests.grpc-mapper';
import type { ExportFormat } from './exports.service';

/** Export format → `helpdesk.ticket.v1.ExportFormat`. */
export const EXPORT_FORMAT_TO_PROTO: Readonly<Record<ExportFormat, ticketV1.ExportFormat>> = {
  csv: ticketV1.ExportFormat.EXPORT_FORMAT_CSV,
  pdf: ticketV1.ExportFormat.EXPORT_FORMAT_PDF,
};

// An unset selection message selects everything, as an empty ListTicketsRequest does.
const EVERYTHING: ticketV1.ListTicketsRequest = {
  statuses: [],
  priorities: [],
  categories: [],
  queueId: '',
  assigneeId: '',
  customerId: '',
  contactId: '',
  assetId: '',
  trafficLights: [],
  overdueOnly: false,
  tag: '',
  createdAfter: undefined,
  createdBefore: undefined,
  updatedAfter: undefined,
  updatedBefore: undefined,
  text: '',
  sort: ticketV1.TicketSort.TICKET_SORT_UNSPECIFIED,
  page: undefined,
};

/**
 * `ExportTicketsRequest` → the ticket filter (read exactly as `ListTickets` reads it; the page is
 * ignored) and the format, which must be set. Issues name the field (`selection.customerId`).
 */
export const exportTicketsRequestSchema = z.object({
  selection: z.preprocess((value) => value ?? EVERYTHING, listTicketsRequestSchema).transform((query) => query.filter),
  format: requiredProtoEnumSchema(EXPORT_FORMAT_TO_PROTO, ticketV1.ExportFormat.EXPORT_FORMAT_UNSPECIFIED),
});
