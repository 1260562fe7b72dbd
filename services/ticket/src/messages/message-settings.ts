/** The communication log's configuration, as `MessagesModule.forRoot` receives it. */
export interface MessageSettings {
  /** Largest attachment accepted, in bytes (`TICKET_ATTACHMENT_MAX_BYTES`, default 25 MiB). */
  readonly attachmentMaxBytes: number;
}

/** Injection token of the {@link MessageSettings}. */
export const MESSAGE_SETTINGS = Symbol('MESSAGE_SETTINGS');
