import type { Actor, AttachmentRef, TicketMessage } from '@helpdesk/contracts';

/** Who may see a message: customer, internal (agents only) or supplier. */
export type MessageAudience = TicketMessage['audience'];
/** How a message was exchanged: email, phone, chat, portal, note or system. */
export type MessageMedium = TicketMessage['medium'];
/** inbound: came to the service desk; outbound: sent (or to be sent) by it. */
export type MessageDirection = TicketMessage['direction'];
/** reply, auto_acknowledgement or notification; the mail gateway picks its template by it. */
export type MessagePurpose = TicketMessage['purpose'];

/**
 * One stored file of a message: the contract's reference (content address, name, type, size).
 * The content itself lives once per sha256 in the attachment store.
 */
export type StoredAttachment = AttachmentRef;

/** One entry of a ticket's communication log, as the domain sees it. */
export interface Message {
  /** UUIDv7. */
  readonly id: string;
  readonly ticketId: string;
  readonly audience: MessageAudience;
  readonly medium: MessageMedium;
  readonly direction: MessageDirection;
  readonly purpose: MessagePurpose;
  readonly author: Actor;
  /** Sender address of an email message; null for other media or when not given. */
  readonly from: string | null;
  /** Recipients of an email message; empty for other media. */
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** Subject of an email message; null for other media or when not given. */
  readonly subject: string | null;
  /** Plain-text body; derived from the HTML when only HTML was given. */
  readonly text: string;
  /** Sanitized HTML (safe subset); null for a text-only message. */
  readonly html: string | null;
  readonly attachments: readonly StoredAttachment[];
  /** The mail gateway's id of the raw inbound mail; null otherwise. */
  readonly mailId: string | null;
  /** The telephony gateway's call id of a phone message; null otherwise. */
  readonly callId: string | null;
  /** The message of the same ticket this one answers; null when it starts a thread. */
  readonly inReplyToMessageId: string | null;
  readonly createdAt: Date;
}

/** A file as a caller sends it with a new message. */
export interface AttachmentUpload {
  /** File name as given by the sender; never empty. */
  readonly fileName: string;
  /** MIME type; `application/octet-stream` when the sender did not say. */
  readonly contentType: string;
  readonly content: Uint8Array;
  /** True for inline parts referenced from the HTML by Content-ID. */
  readonly inline: boolean;
  /** MIME Content-ID without angle brackets; null when none. */
  readonly contentId: string | null;
}

/**
 * A file whose content another service holds — an inbound mail's attachment stays in the mail
 * gateway, and `helpdesk.mail.received.v1` carries only its reference. The message lists it like
 * any other file; GetAttachment says where to fetch the content until a copy is stored here.
 */
export interface AttachmentReference {
  readonly ref: StoredAttachment;
  /** The mail gateway's mail id and MIME part path of the content. */
  readonly origin: { readonly mailId: string; readonly partId: string };
}

/**
 * A new message as a caller asks for it. Audience, medium and direction are optional here
 * because a customer's are forced (see `messageRequestFor`); staff must give them.
 */
export interface AddMessageInput {
  readonly audience?: MessageAudience;
  readonly medium?: MessageMedium;
  readonly direction?: MessageDirection;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string | null;
  /** Plain text as sent; may be empty when `html` is given. */
  readonly text: string;
  /** HTML as sent, not yet sanitized; null when none. */
  readonly html: string | null;
  readonly attachments: readonly AttachmentUpload[];
  readonly inReplyToMessageId: string | null;
}

/**
 * A message written by another part of the service (the inbound mail and call consumers, the
 * auto-acknowledgement): everything fixed, plus what only the platform knows.
 */
export interface SystemMessageInput extends Omit<AddMessageInput, 'audience' | 'medium' | 'direction'> {
  readonly audience: MessageAudience;
  readonly medium: MessageMedium;
  readonly direction: MessageDirection;
  /** Defaults to `reply`. */
  readonly purpose?: MessagePurpose;
  /** For a message from an inbound mail: `helpdesk.mail.received.v1` mailId. */
  readonly mailId?: string | null;
  /** For a phone message: the telephony gateway's call id. */
  readonly callId?: string | null;
  /** Files whose content another service holds, listed after `attachments`; none by default. */
  readonly attachmentReferences?: readonly AttachmentReference[];
}

/** A message request after the caller's rules applied: everything decided except the body. */
export interface MessageRequest extends Omit<SystemMessageInput, 'purpose' | 'mailId' | 'callId'> {
  readonly purpose: MessagePurpose;
  readonly mailId: string | null;
  readonly callId: string | null;
}
