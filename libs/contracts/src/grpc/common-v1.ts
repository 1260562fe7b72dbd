// The messages of proto package helpdesk.common.v1, exported from the lib as `commonV1` so
// that proto names (Money, Actor…) never clash with the event types of the same name.
export { ActorKind } from '../generated/helpdesk/common/v1/audit';
export type { Actor, AuditInfo } from '../generated/helpdesk/common/v1/audit';
export type { BadRequest, ErrorInfo, FieldViolation } from '../generated/helpdesk/common/v1/errors';
export type { Money } from '../generated/helpdesk/common/v1/money';
export type { PageRequest, PageResponse } from '../generated/helpdesk/common/v1/paging';
export type { CalendarDate, DateRange, TimeRange } from '../generated/helpdesk/common/v1/time';
export type { Timestamp } from '../generated/google/protobuf/timestamp';
