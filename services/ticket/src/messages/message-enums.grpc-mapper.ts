import { ticketV1 } from '@helpdesk/contracts';
import type { MessageAudience, MessageDirection, MessageMedium } from './message';

// Domain value → proto enum name, one exhaustive table per enum (see ticket-enums.grpc-mapper.ts).

/** Message audience → `helpdesk.ticket.v1.MessageAudience`. */
export const MESSAGE_AUDIENCE_TO_PROTO: Readonly<Record<MessageAudience, ticketV1.MessageAudience>> = {
  customer: ticketV1.MessageAudience.MESSAGE_AUDIENCE_CUSTOMER,
  internal: ticketV1.MessageAudience.MESSAGE_AUDIENCE_INTERNAL,
  supplier: ticketV1.MessageAudience.MESSAGE_AUDIENCE_SUPPLIER,
};

/** Message medium → `helpdesk.ticket.v1.MessageMedium`. */
export const MESSAGE_MEDIUM_TO_PROTO: Readonly<Record<MessageMedium, ticketV1.MessageMedium>> = {
  email: ticketV1.MessageMedium.MESSAGE_MEDIUM_EMAIL,
  phone: ticketV1.MessageMedium.MESSAGE_MEDIUM_PHONE,
  chat: ticketV1.MessageMedium.MESSAGE_MEDIUM_CHAT,
  portal: ticketV1.MessageMedium.MESSAGE_MEDIUM_PORTAL,
  note: ticketV1.MessageMedium.MESSAGE_MEDIUM_NOTE,
  system: ticketV1.MessageMedium.MESSAGE_MEDIUM_SYSTEM,
};

/** Message direction → `helpdesk.ticket.v1.MessageDirection`. */
export const MESSAGE_DIRECTION_TO_PROTO: Readonly<Record<MessageDirection, ticketV1.MessageDirection>> = {
  inbound: ticketV1.MessageDirection.MESSAGE_DIRECTION_INBOUND,
  outbound: ticketV1.MessageDirection.MESSAGE_DIRECTION_OUTBOUND,
};
