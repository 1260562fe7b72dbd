import { mailV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import type { OutboundMail, OutboundStatus } from './outbound-mail';

const STATUS: Readonly<Record<OutboundStatus, mailV1.DeliveryStatus>> = {
  queued: mailV1.DeliveryStatus.DELIVERY_STATUS_QUEUED,
  // A mail being attempted is still waiting for its outcome.
  sending: mailV1.DeliveryStatus.DELIVERY_STATUS_QUEUED,
  sent: mailV1.DeliveryStatus.DELIVERY_STATUS_SENT,
  failed: mailV1.DeliveryStatus.DELIVERY_STATUS_FAILED,
};

/** An outbound mail as `helpdesk.mail.v1.OutboundDelivery`. */
export function toDeliveryMessage(mail: OutboundMail): mailV1.OutboundDelivery {
  const waiting = mail.status === 'queued' || mail.status === 'sending';
  return {
    id: mail.id,
    mailboxId: mail.mailboxId,
    ticketId: mail.ticketId ?? '',
    ticketMessageId: mail.ticketMessageId ?? '',
    purpose: mail.purpose,
    messageIdHeader: mail.messageIdHeader,
    to: [...mail.to],
    cc: [...mail.cc],
    subject: mail.subject,
    status: STATUS[mail.status],
    attempts: mail.attempts,
    lastReplyCode: mail.lastReply?.code ?? 0,
    lastReplyText: mail.lastReply?.text ?? '',
    nextAttemptAt: waiting ? toTimestamp(mail.nextAttemptAt) : undefined,
    createdAt: toTimestamp(mail.createdAt),
  };
}
