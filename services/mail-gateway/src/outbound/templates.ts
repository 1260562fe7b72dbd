/** Template languages the gateway has. */
export type TemplateLanguage = 'de' | 'en';

/** The language of a template: the contact's, else the mailbox's, else the configured default (a tag such as `de-AT` counts as `de`). */
export function templateLanguage(contact: string | null, mailbox: string | null, fallback: TemplateLanguage): TemplateLanguage {
  for (const tag of [contact, mailbox]) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (base === 'de' || base === 'en') return base;
  }
  return fallback;
}

/** What the auto-acknowledgement says. */
export interface AcknowledgementFacts {
  readonly ticketNumber: string;
  readonly summary: string;
}

/**
 * The auto-acknowledgement ("we received your request, your ticket number is …"). It replaces
 * the ticket service's English default text, so a German mailbox or contact gets German.
 */
export function acknowledgementText(language: TemplateLanguage, facts: AcknowledgementFacts): string {
  if (language === 'de') {
    return [
      'Guten Tag,',
      '',
      `vielen Dank für Ihre Nachricht. Wir haben Ihre Anfrage „${facts.summary}“ unter der Ticketnummer ${facts.ticketNumber} aufgenommen und melden uns so bald wie möglich.`,
      '',
      'Bitte lassen Sie die Ticketnummer im Betreff stehen, wenn Sie uns zu dieser Anfrage schreiben.',
      '',
      'Diese Nachricht wurde automatisch erstellt.',
    ].join('\n');
  }
  return [
    'Hello,',
    '',
    `thank you for your message. We have received your request "${facts.summary}"; your ticket number is ${facts.ticketNumber}. We will get back to you as soon as possible.`,
    '',
    'Please keep the ticket number in the subject when you write to us about this request.',
    '',
    'This message was sent automatically.',
  ].join('\n');
}

/** What an escalation notification says. */
export interface EscalationFacts {
  readonly recipientName: string;
  readonly ticketNumber: string;
  readonly summary: string;
  readonly level: number;
  readonly trigger: 'warning' | 'breach' | 'after_breach';
  readonly target: string;
  readonly dueAt: string | null;
}

/** Subject and text of an SLA escalation notification to an agent, lead or manager. */
export function escalationMail(language: TemplateLanguage, facts: EscalationFacts): { subject: string; text: string } {
  const due = facts.dueAt ?? '—';
  if (language === 'de') {
    const reason = { warning: 'droht verletzt zu werden', breach: 'ist verletzt', after_breach: 'ist seit einiger Zeit verletzt' }[facts.trigger];
    return {
      subject: `Eskalationsstufe ${facts.level}: ${facts.summary}`,
      text: [`Hallo ${facts.recipientName},`, '', `das SLA-Ziel „${facts.target}“ von Ticket ${facts.ticketNumber} (${facts.summary}) ${reason}. Fällig: ${due}.`, `Das Ticket hat Eskalationsstufe ${facts.level} erreicht.`, '', 'Diese Nachricht wurde automatisch erstellt.'].join('\n'),
    };
  }
  const reason = { warning: 'is about to be breached', breach: 'has been breached', after_breach: 'has been breached for a while' }[facts.trigger];
  return {
    subject: `Escalation level ${facts.level}: ${facts.summary}`,
    text: [`Hello ${facts.recipientName},`, '', `the SLA target "${facts.target}" of ticket ${facts.ticketNumber} (${facts.summary}) ${reason}. Due: ${due}.`, `The ticket has reached escalation level ${facts.level}.`, '', 'This message was sent automatically.'].join('\n'),
  };
}
