import type { TicketChannel, TicketPriority, TicketStatus } from '@helpdesk/contracts';
import type { MessageAudience, MessageDirection, MessageMedium } from '../messages/message';
import type { Appointment } from '../tasks/task';
import type { ExternalReference } from '../tickets/ticket';
import { DEMO_CUSTOMERS, DEMO_SERIALS, DEMO_SERVICE_DESK_MAIL, demoContractNumbers } from './demo-directory';
import { DEMO_AGENTS, DEMO_QUEUES } from './demo-staff';

/** A demo agent by its key in {@link DEMO_AGENTS}. */
export type DemoAgentKey = keyof typeof DEMO_AGENTS;

/** A message on a demo ticket, in the words and on the channel it came or went. */
export interface DemoMessage {
  readonly kind: 'message';
  readonly audience: MessageAudience;
  readonly medium: MessageMedium;
  readonly direction: MessageDirection;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string | null;
  readonly text: string;
}

/** One thing that happens on a demo ticket after it was opened, in order. */
export type DemoStep =
  | DemoMessage
  | { readonly kind: 'status'; readonly to: TicketStatus; readonly reason: string | null; readonly resolution?: { readonly text: string; readonly code: string } }
  | { readonly kind: 'work'; readonly agent: DemoAgentKey; readonly activityType: string; readonly startedAt: Date; readonly endedAt: Date; readonly billable: boolean; readonly note: string }
  | { readonly kind: 'task'; readonly title: string; readonly description: string; readonly assignee: DemoAgentKey; readonly appointment: Appointment };

/** A demo ticket: how it was opened (directory references by number, mail address, serial and key) and what followed. */
export interface DemoTicket {
  readonly summary: string;
  readonly description: string;
  readonly channel: TicketChannel;
  readonly category: string;
  readonly priority: TicketPriority;
  readonly customerNumber: string;
  /** The contact's mail address; null for a monitoring alert. */
  readonly contactEmail: string | null;
  readonly contractNumber: string | null;
  readonly serialNumbers: readonly string[];
  readonly assignee: DemoAgentKey | null;
  readonly queueKey: string | null;
  readonly tags: readonly string[];
  readonly dueAt: Date | null;
  readonly warningLeadMinutes: number | null;
  readonly externalReferences: readonly ExternalReference[];
  readonly steps: readonly DemoStep[];
}

const MINUTE = 60_000;

/**
 * Eight tickets of a service desk's morning, one per situation worth seeing: an urgent server
 * outage in work with an internal note, work log and an on-site appointment, a printer and a VPN
 * request that queue routing hands out round robin, an English ticket waiting for the customer,
 * a solved password reset, a billing question nobody has picked up, a monitoring alert and a
 * cancelled order. Times count from `now`.
 */
export function demoTickets(now: Date): DemoTicket[] {
  const year = now.getUTCFullYear();
  return [serverOutage(now), printerStripes(year), vpnAccess(), calendarSync(now), passwordReset(now), invoiceQuestion(year), firewallAlert(), dockingStations()];
}

function serverOutage(now: Date): DemoTicket {
  const mail = 't.berger@mueller-maschinenbau.example';
  return {
    ...ticket('Dateiserver SRV-FS01 startet nach Stromausfall nicht mehr', 'email', 'technical', 'critical', DEMO_CUSTOMERS.mueller, mail),
    description: 'Nach dem Stromausfall heute Nacht fährt unser Dateiserver SRV-FS01 nicht mehr hoch. Die Konstruktion kann nicht auf die Zeichnungen zugreifen.',
    contractNumber: demoContractNumbers(now.getUTCFullYear()).gold,
    serialNumbers: [DEMO_SERIALS.server],
    assignee: 'fatma',
    queueKey: DEMO_QUEUES.infrastructure,
    tags: ['server', 'hardware'],
    dueAt: new Date(now.getTime() + 4 * 60 * MINUTE),
    warningLeadMinutes: 60,
    steps: [
      inboundMail(mail, 'Server startet nicht – dringend!', 'Guten Morgen,\n\nunser Dateiserver SRV-FS01 startet seit dem Stromausfall nicht mehr. Die Lüfter drehen kurz an, dann geht er wieder aus. Bitte melden Sie sich schnellstmöglich.\n\nViele Grüße\nThomas Berger\nIT-Leitung, Müller Maschinenbau GmbH'),
      { kind: 'status', to: 'in_progress', reason: 'Fehleranalyse per Fernwartung (iLO)' },
      note('iLO-Log: Netzteil 2 meldet "Power Supply Failure", Netzteil 1 ohne Befund. Ersatznetzteil (P38995-B21) bei Comtech bestellt, Lieferung morgen früh.'),
      { kind: 'work', agent: 'fatma', activityType: 'remote_support', startedAt: new Date(now.getTime() - 120 * MINUTE), endedAt: new Date(now.getTime() - 75 * MINUTE), billable: true, note: 'Fernanalyse über iLO, defektes Netzteil 2 identifiziert, Server auf Netzteil 1 provisorisch gestartet' },
      {
        kind: 'task',
        title: 'Netzteil 2 von SRV-FS01 vor Ort tauschen',
        description: 'Ersatznetzteil P38995-B21 mitnehmen; Serverraum im UG, Ansprechpartner Herr Berger.',
        assignee: 'fatma',
        appointment: { mode: 'on_site', ...nextWorkdayMorning(now), location: 'Müller Maschinenbau GmbH, Industriestraße 12, 85748 Garching bei München', joinUrl: null },
      },
      phone('outbound', 'Herrn Berger angerufen: Server läuft provisorisch auf einem Netzteil, Vor-Ort-Termin zum Tausch morgen früh bestätigt.'),
    ],
  };
}

function printerStripes(year: number): DemoTicket {
  return {
    ...ticket('Drucker im 2. OG druckt nur noch Streifen', 'phone', 'technical', 'normal', DEMO_CUSTOMERS.stadtwerke, 'm.schulz@stadtwerke-nordheim.example'),
    description: 'Der Kyocera im Kundenservice (2. OG) druckt seit gestern graue Längsstreifen auf jede Seite.',
    contractNumber: demoContractNumbers(year).silver,
    serialNumbers: [DEMO_SERIALS.printer],
    queueKey: DEMO_QUEUES.firstLevel,
    steps: [
      phone('inbound', 'Frau Schulz ruft an: Streifen auf allen Ausdrucken, auch auf Kopien. Toner wurde letzte Woche gewechselt.'),
      { kind: 'status', to: 'open', reason: null },
    ],
  };
}

function vpnAccess(): DemoTicket {
  return {
    ...ticket('VPN-Zugang für neue Mitarbeiterin im Einkauf', 'portal', 'technical', 'low', DEMO_CUSTOMERS.mueller, 't.berger@mueller-maschinenbau.example'),
    description: 'Frau Lena Vogt beginnt am 1. im Einkauf und braucht einen VPN-Zugang und ein Token für die Zwei-Faktor-Anmeldung.',
  };
}

function calendarSync(now: Date): DemoTicket {
  const mail = 'emily.carter@brightwater-analytics.example';
  return {
    ...ticket('Outlook calendar not syncing on iPhones', 'email', 'technical', 'high', DEMO_CUSTOMERS.brightwater, mail),
    description: 'Since Monday, calendar entries created in Outlook on the desktop no longer show up on our iPhones. Mail works fine.',
    assignee: 'anna',
    queueKey: DEMO_QUEUES.firstLevel,
    dueAt: new Date(now.getTime() + 2 * 24 * 60 * MINUTE),
    warningLeadMinutes: 240,
    steps: [
      inboundMail(mail, 'Calendar sync broken on iPhones', 'Hello,\n\nsince Monday our iPhones no longer show new calendar entries from Outlook. About ten colleagues are affected. Could you please have a look?\n\nKind regards,\nEmily Carter\nOffice Manager, Brightwater Analytics'),
      { kind: 'status', to: 'in_progress', reason: null },
      phone('outbound', 'Called Emily: asked for the iOS version and screenshots of the account settings of one affected iPhone.'),
      { kind: 'status', to: 'pending', reason: 'Waiting for screenshots from the customer' },
    ],
  };
}

function passwordReset(now: Date): DemoTicket {
  return {
    ...ticket('Passwort-Reset für die Buchhaltungssoftware', 'phone', 'technical', 'normal', DEMO_CUSTOMERS.mueller, 's.wolf@mueller-maschinenbau.example'),
    description: 'Frau Wolf hat sich nach dem Urlaub dreimal falsch angemeldet; das Konto in der Buchhaltungssoftware ist gesperrt.',
    contractNumber: demoContractNumbers(now.getUTCFullYear()).gold,
    assignee: 'jonas',
    queueKey: DEMO_QUEUES.firstLevel,
    steps: [
      { kind: 'status', to: 'in_progress', reason: null },
      { kind: 'work', agent: 'jonas', activityType: 'phone_support', startedAt: new Date(now.getTime() - 40 * MINUTE), endedAt: new Date(now.getTime() - 28 * MINUTE), billable: true, note: 'Konto entsperrt, Passwort zurückgesetzt, MFA-App neu registriert' },
      {
        kind: 'status',
        to: 'resolved',
        reason: null,
        resolution: { text: 'Konto entsperrt, Passwort zurückgesetzt und die MFA-App neu registriert; Anmeldung gemeinsam mit Frau Wolf getestet.', code: 'fixed' },
      },
    ],
  };
}

function invoiceQuestion(year: number): DemoTicket {
  const mail = 'k.hartmann@stadtwerke-nordheim.example';
  const invoice = `${year}-0815`;
  return {
    ...ticket(`Rechnung ${invoice}: Vor-Ort-Einsatz doppelt berechnet?`, 'email', 'billing', 'normal', DEMO_CUSTOMERS.stadtwerke, mail),
    description: 'Auf der letzten Rechnung steht der Vor-Ort-Einsatz vom 12. zweimal. Bitte prüfen und ggf. korrigieren.',
    steps: [
      inboundMail(mail, `Rückfrage zur Rechnung ${invoice}`, `Sehr geehrte Damen und Herren,\n\nauf Ihrer Rechnung ${invoice} ist der Vor-Ort-Einsatz vom 12. zweimal aufgeführt. Bitte prüfen Sie das und senden Sie uns ggf. eine Gutschrift.\n\nMit freundlichen Grüßen\nKlaus Hartmann`),
    ],
  };
}

function firewallAlert(): DemoTicket {
  return {
    ...ticket('Firewall meldet wiederholte Anmeldeversuche am VPN-Gateway', 'monitoring', 'technical', 'high', DEMO_CUSTOMERS.mueller, null),
    description: 'Alarm aus der Überwachung: mehr als 500 fehlgeschlagene VPN-Anmeldungen in 10 Minuten von 203.0.113.47.',
    assignee: 'fatma',
    queueKey: DEMO_QUEUES.infrastructure,
    tags: ['security', 'monitoring'],
    externalReferences: [{ system: 'monitoring', kind: 'alert', value: 'ALRT-48213' }],
    steps: [
      { kind: 'status', to: 'open', reason: null },
      note('Quell-IP 203.0.113.47 vorläufig an der Firewall gesperrt; betroffene Konten prüfen, ggf. Kunden informieren.'),
    ],
  };
}

function dockingStations(): DemoTicket {
  return {
    ...ticket('Order: 3 USB-C docking stations for the field team', 'portal', 'sales', 'low', DEMO_CUSTOMERS.brightwater, 'emily.carter@brightwater-analytics.example'),
    description: 'We need three USB-C docking stations (dual monitor) for our field team laptops. Please send us a quote.',
    steps: [{ kind: 'status', to: 'cancelled', reason: 'The customer ordered directly from the manufacturer' }],
  };
}

function ticket(summary: string, channel: TicketChannel, category: string, priority: TicketPriority, customerNumber: string, contactEmail: string | null): DemoTicket {
  return {
    summary,
    description: '',
    channel,
    category,
    priority,
    customerNumber,
    contactEmail,
    contractNumber: null,
    serialNumbers: [],
    assignee: null,
    queueKey: null,
    tags: [],
    dueAt: null,
    warningLeadMinutes: null,
    externalReferences: [],
    steps: [],
  };
}

function inboundMail(from: string, subject: string, text: string): DemoMessage {
  return { kind: 'message', audience: 'customer', medium: 'email', direction: 'inbound', from, to: [DEMO_SERVICE_DESK_MAIL], subject, text };
}

function phone(direction: MessageDirection, text: string): DemoMessage {
  return { kind: 'message', audience: 'customer', medium: 'phone', direction, from: null, to: [], subject: null, text };
}

function note(text: string): DemoMessage {
  return { kind: 'message', audience: 'internal', medium: 'note', direction: 'inbound', from: null, to: [], subject: null, text };
}

/** 08:00–10:00 UTC (09:00 or 10:00 in Germany) on the next weekday after `now`. */
function nextWorkdayMorning(now: Date): { startsAt: Date; endsAt: Date } {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 8));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return { startsAt: day, endsAt: new Date(day.getTime() + 120 * MINUTE) };
}
