import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { knowledgeMigrations } from '../../migrations/knowledge-migrations';
import { ENGLISH_SCENARIOS } from '../../../eval/scenarios-en';
import { GERMAN_FREQUENT, GERMAN_SCENARIOS } from '../../../eval/scenarios-de';
import { parseQuery } from '../query-syntax';
import { planSql, type SearchTerm } from '../search-plan';
import { queryLexemes } from './query-lexemes';
import { highlightAll, snippetOf } from './snippet';
import { textTokens } from './text-tokens';

/** A helpdesk text, the configurations it is checked in, and the query words tried on it one by one. */
interface Sample {
  readonly text: string;
  readonly configs: readonly string[];
  readonly words: readonly string[];
}

const GERMAN = ['kn_german', 'kn_simple'];
const ENGLISH = ['kn_english', 'kn_simple'];

const SAMPLES: readonly Sample[] = [
  {
    text: 'Der Drucker im 2. Stock druckt nicht mehr. Die Druckaufträge bleiben in der Warteschlange hängen.\nLösung: Druckerwarteschlange leeren, den Druckdienst neu starten und den Treiber (Version 3.2.1) aktualisieren.',
    configs: GERMAN,
    words: ['Drucker', 'drucken', 'druckt', 'Druckauftrag', 'Warteschlange', 'hängt', 'Lösung', 'loesung', 'Treiber', 'neu', 'starten', 'nicht', '3.2.1', 'Stock'],
  },
  {
    text: 'Seit dem Update kommen keine E-Mails mehr an. Outlook zeigt „Verbindung zum Server unterbrochen“.\nDas E-Mail-Konto im Outlook-Profil neu anlegen; danach Synchronisierung prüfen.',
    configs: GERMAN,
    words: ['E-Mail', 'Mail', 'Mails', 'email', 'Outlook', 'Verbindung', 'Server', 'unterbrochen', 'Konto', 'Profil', 'prüfen', 'pruefen', 'Update', 'keine'],
  },
  {
    text: 'Der WLAN-Router im Besprechungsraum verliert ständig die Verbindung. Clients fallen alle 5 Minuten aus dem Netz.\nFirmware des Routers auf 7.57 aktualisieren und den 5-GHz-Kanal fest einstellen.',
    configs: GERMAN,
    words: ['WLAN', 'Router', 'WLAN-Router', 'Routers', 'Besprechungsraum', 'Verbindung', 'verliert', 'Minuten', 'Netz', 'Firmware', 'Kanal', 'GHz', 'ständig', '7.57'],
  },
  {
    text: 'Größere Anhänge über 25 MB werden vom Mailserver abgelehnt. Die Fehlermeldung lautet: "Nachricht zu groß".\nAnhänge über den Dateiaustausch (https://files.example.com/upload) teilen oder ZIP-Archive verwenden.',
    configs: GERMAN,
    words: ['groß', 'gross', 'größer', 'Anhang', 'Anhänge', 'Mailserver', 'abgelehnt', 'Fehlermeldung', 'Nachricht', 'Dateiaustausch', 'ZIP', 'Archiv', 'verwenden', 'über'],
  },
  {
    text: 'Beim Anmelden am VPN erscheint der Fehler 809. Der Außendienst kann sich von unterwegs nicht einwählen.\nIm Heimnetz die Ports 500 und 4500 (UDP) freigeben; notfalls das Smartphone als Hotspot nutzen.',
    configs: GERMAN,
    words: ['Anmelden', 'anmeldung', 'VPN', 'Fehler', '809', 'Außendienst', 'aussendienst', 'einwählen', 'Ports', 'UDP', 'freigeben', 'Smartphone', 'Hotspot', 'unterwegs'],
  },
  {
    text: 'Das Passwort für das Benutzerkonto ist abgelaufen, die Mitarbeiterin kann sich nicht mehr am Rechner anmelden.\nKennwort über das Self-Service-Portal zurücksetzen; das neue Passwort muss mindestens 12 Zeichen haben.',
    configs: GERMAN,
    words: ['Passwort', 'Passwörter', 'Benutzerkonto', 'abgelaufen', 'Mitarbeiterin', 'Rechner', 'Kennwort', 'Self-Service', 'Portal', 'zurücksetzen', 'Zeichen', 'für', 'muss', 'mindestens'],
  },
  {
    text: 'Die Straßenkarte in der Außendienst-App lädt nicht; Fußnoten und Maße fehlen in den Berichten.\nCache der App löschen, danach über „Einstellungen → Daten“ neu synchronisieren. Öffnungszeiten: Mo–Fr 8–17 Uhr.',
    configs: GERMAN,
    words: ['Straßenkarte', 'Strassenkarte', 'Außendienst-App', 'App', 'lädt', 'laden', 'Fußnoten', 'Maße', 'Berichte', 'Cache', 'löschen', 'Einstellungen', 'synchronisieren', 'Öffnungszeiten'],
  },
  {
    text: 'Die Scanner der Buchhaltung scannen nur noch in Schwarzweiß. Gescannte Rechnungen sind unleserlich!\nIn den Scan-Profilen die Farbtiefe auf 24 Bit stellen und die Auflösung auf 300 dpi erhöhen.',
    configs: GERMAN,
    words: ['Scanner', 'scannen', 'gescannt', 'Buchhaltung', 'Schwarzweiß', 'Rechnung', 'Rechnungen', 'unleserlich', 'Scan', 'Profil', 'Farbtiefe', 'Auflösung', 'dpi', 'erhöhen'],
  },
  {
    text: 'Teams-Besprechungen brechen nach 60 Minuten ab; Bildschirmfreigabe friert ein. Betroffen sind Windows-10-Geräte mit älterem Grafiktreiber.\nGrafiktreiber aktualisieren und Hardwarebeschleunigung in Teams deaktivieren.',
    configs: GERMAN,
    words: ['Teams', 'Besprechung', 'Besprechungen', 'abbrechen', 'Bildschirmfreigabe', 'friert', 'Windows', 'Geräte', 'Gerät', 'älter', 'Grafiktreiber', 'Treiber', 'Hardwarebeschleunigung', 'deaktivieren'],
  },
  {
    text: 'Kunde meldet: Rücksendung wurde nicht gutgeschrieben, obwohl das Paket laut Sendungsverfolgung (DHL) am 03.05.2024 zugestellt wurde.\nGutschrift manuell buchen und den Kunden per E-Mail informieren.',
    configs: GERMAN,
    words: ['Kunde', 'Kunden', 'Rücksendung', 'gutgeschrieben', 'Paket', 'Sendungsverfolgung', 'DHL', 'zugestellt', 'Gutschrift', 'buchen', 'informieren', 'E-Mail', 'obwohl', 'manuell'],
  },
  {
    text: 'The printer on the second floor stopped printing. Print jobs are stuck in the queue and cannot be deleted.\nClear the print queue, restart the Print Spooler service and update the driver to version 3.2.1.',
    configs: ENGLISH,
    words: ['printer', 'printers', 'printing', 'print', 'jobs', 'stuck', 'queue', 'deleted', 'delete', 'restart', 'spooler', 'service', 'driver', 'the'],
  },
  {
    text: "Users can't receive e-mails since the update. Outlook shows \"Disconnected\" in the status bar.\nRecreate the mail profile; afterwards check that the mailbox is synchronizing.",
    configs: ENGLISH,
    words: ['users', 'user', 'receive', 'e-mail', 'emails', 'mail', 'Outlook', 'disconnected', 'status', 'recreate', 'profile', 'mailbox', 'synchronize', "can't"],
  },
  {
    text: 'The Wi-Fi keeps dropping in meeting rooms; laptops lose the connection every few minutes.\nUpdate the access point firmware to 7.57 and pin the 5 GHz channel. Re-test with two devices.',
    configs: ENGLISH,
    words: ['Wi-Fi', 'wifi', 'dropping', 'drops', 'meeting', 'rooms', 'laptop', 'connection', 'connected', 'minutes', 'firmware', 'channel', 'devices', 'retest'],
  },
  {
    text: 'Attachments larger than 25 MB are rejected by the mail server with the error "Message size exceeds limit".\nShare large files via the file exchange (files.example.com) or compress them into ZIP archives.',
    configs: ENGLISH,
    words: ['attachment', 'attachments', 'larger', 'large', 'rejected', 'server', 'error', 'message', 'size', 'exceeds', 'files', 'compress', 'archive', 'ZIP'],
  },
  {
    text: 'VPN login fails with error 809 for field staff working remotely. Authentication seems to time out.\nOpen ports 500 and 4500/UDP on the home router; as a workaround, tether via the phone’s hotspot.',
    configs: ENGLISH,
    words: ['VPN', 'login', 'logging', 'fails', 'failed', 'error', 'staff', 'remotely', 'authentication', 'timeout', 'ports', 'router', 'workaround', 'hotspot'],
  },
  {
    text: 'The password of the account has expired, so the employee cannot log on to her computer anymore.\nReset the password through the self-service portal; new passwords need at least 12 characters.',
    configs: ENGLISH,
    words: ['password', 'passwords', 'account', 'expired', 'expires', 'employee', 'computer', 'reset', 'self-service', 'portal', 'characters', 'anymore', 'need', 'her'],
  },
  {
    text: 'Customer reports: the refund was not credited although tracking (DHL) shows the parcel was delivered on 03.05.2024.\nBook the credit note manually and inform the customer by e-mail. Café orders are handled separately.',
    configs: ENGLISH,
    words: ['customer', 'customers', 'reports', 'refund', 'credited', 'tracking', 'parcel', 'delivered', 'delivery', 'credit', 'manually', 'inform', 'café', 'cafe'],
  },
  {
    text: 'Scanning in the accounting department only produces black-and-white PDFs. Scanned invoices are unreadable!\nSet the colour depth to 24 bit in the scan profiles and raise the resolution to 300 dpi.',
    configs: ENGLISH,
    words: ['scanning', 'scanner', 'scanned', 'accounting', 'black', 'white', 'PDF', 'invoices', 'invoice', 'unreadable', 'colour', 'profiles', 'resolution', 'raise'],
  },
  {
    text: 'DRUCKER druckt nicht!!! Siehe z.B. https://intranet.example.com/wiki/Drucker-FAQ?id=12 oder support@example.com; Win10-Clients (Windows-10, 5G-WLAN, Office-365-Konto) brauchen v2.3.1 bzw. 192.168.0.10:8080.\nAußerdem: ÄRGER mit Öl, naïve Café-Bestellung, Ærø-Straße, 1.5GB Logs unter /var/log/cups, Temperatur -5 °C, O\'Brien\'s Notizen, „Größe“ ≥ 3,5 cm.\nTaste <Enter> drücken, <b>fett</b> &amp; Promise<void>; Event helpdesk.ticket.resolved.v1 <Strg+Alt+Entf>',
    configs: ['kn_german', 'kn_english', 'kn_simple'],
    words: ['Drucker', 'FAQ', 'Win10', 'Clients', 'Windows', 'WLAN', '5G', 'Office', 'Konto', 'Ärger', 'Öl', 'naive', 'Café', 'Bestellung', 'Ærø', 'Straße', 'Logs', 'cups', 'Temperatur', 'Brien', 'Notizen', 'Größe', 'intranet.example.com', 'support@example.com', '1.5', 'v2.3.1', 'Enter', 'Taste', 'fett', 'void', 'Entf', 'Event', 'resolved'],
  },
];

/** Queries written as tsquery text: prefixes, weights, AND, phrases, quotes. */
const RAW_QUERIES: readonly { text: number; config: string; query: string }[] = [
  { text: 0, config: 'kn_german', query: `'druck':* | 'warteschlang'` },
  { text: 0, config: 'kn_german', query: `'druck':*A & 'treib':B` },
  { text: 2, config: 'kn_german', query: `'wlan-rout' <-> 'wlan' <-> 'rout' | 'verbind'` },
  { text: 10, config: 'kn_english', query: `'print':* & ( 'queue' | 'spooler' )` },
  { text: 11, config: 'kn_english', query: `'can''t' | 'e-mail' <-> 'e' <-> 'mail' | 'outlook':*` },
  { text: 18, config: 'kn_simple', query: `'o''brien' | 'brien' | 'notiz':* | 'gross':*` },
];

interface HeadlineCase {
  readonly sample: number;
  readonly config: string;
  readonly word: string;
  readonly query: string;
}

/** The marked words of a headline, in order. */
const markedWords = (headline: string): string[] => [...headline.matchAll(/«([^»]*)»/g)].map((m) => m[1] ?? '');

/** Each word of a headline (letters and digits) and whether it is marked somewhere in it. */
function wordMarks(headline: string): Map<string, boolean> {
  const marks = new Map<string, boolean>();
  for (const m of headline.matchAll(/(«?)([\p{L}0-9]+)/gu)) {
    const word = m[2] ?? '';
    marks.set(word, m[1] === '«' || (marks.get(word) ?? false));
  }
  return marks;
}

describe('snippets against ts_headline (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const cases: HeadlineCase[] = [];

  /** The query the search compiles for one word (the service's own SQL: kn_any over kn_word_queries). */
  async function compiledQuery(words: readonly string[]): Promise<string> {
    const sql = planSql({ clauses: words.map((text) => [{ kind: 'word', text }]), excluded: [], requireAll: false }, 1);
    if (sql === null) throw new Error('no clause');
    const rows = (await dataSource.query(`SELECT (${sql.any})::text AS q`, [...sql.params])) as { q: string }[];
    return rows[0]?.q ?? '';
  }

  /** The query the search compiles for a user's query text (parsed like the service, without expansion). */
  async function userQuery(text: string): Promise<string> {
    const parsed = parseQuery(text);
    const term = (a: (typeof parsed.clauses)[number][number]): SearchTerm => (a.kind === 'word' ? { kind: 'word', text: a.word } : { kind: 'phrase', text: a.words.join(' ') });
    const sql = planSql({ clauses: parsed.clauses.map((c) => c.map(term)), excluded: [], requireAll: false }, 1);
    if (sql === null) return '';
    const rows = (await dataSource.query(`SELECT (${sql.any})::text AS q`, [...sql.params])) as { q: string }[];
    return rows[0]?.q ?? '';
  }

  async function headlines(items: readonly { text: string; config: string; query: string }[], options: string): Promise<string[]> {
    const rows = (await dataSource.query(
      `SELECT ts_headline(c::regconfig, t, q::tsquery, $4) AS h
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(t, c, q, n) ORDER BY n`,
      [items.map((i) => i.text), items.map((i) => i.config), items.map((i) => i.query), options],
    )) as { h: string }[];
    return rows.map((r) => r.h);
  }

  beforeAll(async () => {
    db = await createTestDatabase('knowledge-snippets');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: knowledgeMigrations, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    for (const [sample, s] of SAMPLES.entries()) {
      for (const word of s.words) {
        const query = await compiledQuery([word]);
        for (const config of s.configs) cases.push({ sample, config, word, query });
      }
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('splits the texts into the tokens of PostgreSQL\'s parser', async () => {
    for (const { text } of SAMPLES) {
      const rows = (await dataSource.query(`SELECT alias, token FROM ts_debug('kn_simple', $1)`, [text])) as { alias: string; token: string }[];
      // PostgreSQL may split a run of blanks in several tokens; only where they are matters.
      const expected = rows.reduce<string[]>((out, r) => {
        const last = out.at(-1);
        if (r.alias === 'blank' && last?.startsWith('blank:')) out[out.length - 1] = last + r.token;
        else out.push(`${r.alias}:${r.token}`);
        return out;
      }, []);
      expect(textTokens(text).map((t) => `${t.type}:${t.text}`)).toEqual(expected);
    }
  });

  it('marks the same words as ts_headline with HighlightAll, one query word at a time', async () => {
    const items = cases.map((c) => ({ text: SAMPLES[c.sample]?.text ?? '', config: c.config, query: c.query }));
    const expected = await headlines(items, 'HighlightAll=true, StartSel=«, StopSel=»');
    const differences = cases
      .map((c, n) => ({ case: `${c.config} ${c.word} (sample ${c.sample})`, pg: markedWords(expected[n] ?? ''), ours: markedWords(highlightAll(items[n]?.text ?? '', c.config, queryLexemes(c.query))) }))
      .filter((d) => d.pg.join('|') !== d.ours.join('|'));
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(expected.filter((h) => h.includes('«')).length).toBeGreaterThanOrEqual(500);
    expect(differences).toEqual([]);
  });

  it('gives exactly ts_headline\'s HighlightAll text for all query words at once', async () => {
    const items = await Promise.all(
      SAMPLES.flatMap((s) => s.configs.map(async (config) => ({ text: s.text, config, query: await compiledQuery(s.words) }))),
    );
    const expected = await headlines(items, 'HighlightAll=true, StartSel=«, StopSel=»');
    expect(items.map((i) => highlightAll(i.text, i.config, queryLexemes(i.query)))).toEqual(expected);
  });

  it('marks the same words as ts_headline for tsqueries with prefixes, weights, AND and phrases', async () => {
    const items = RAW_QUERIES.map((q) => ({ text: SAMPLES[q.text]?.text ?? '', config: q.config, query: q.query }));
    const expected = await headlines(items, 'HighlightAll=true, StartSel=«, StopSel=»');
    expect(items.map((i) => highlightAll(i.text, i.config, queryLexemes(i.query)))).toEqual(expected);
  });

  it('leaves out negated lexemes, which ts_headline marks too', async () => {
    const item = { text: SAMPLES[0]?.text ?? '', config: 'kn_german', query: `'druck' & !'treib'` };
    const [expected] = await headlines([item], 'HighlightAll=true, StartSel=«, StopSel=»');
    expect(markedWords(expected ?? '')).toEqual(['Drucker', 'Treiber']);
    expect(markedWords(highlightAll(item.text, item.config, queryLexemes(item.query)))).toEqual(['Drucker']);
  });

  it('highlights the evaluation tickets for their scenarios\' queries exactly like ts_headline', async () => {
    const items: { text: string; config: string; query: string }[] = [];
    for (const scenario of [...GERMAN_SCENARIOS, ...GERMAN_FREQUENT, ...ENGLISH_SCENARIOS]) {
      const config = scenario.language === 'de' ? 'kn_german' : 'kn_english';
      for (const { q } of scenario.queries) {
        const query = await userQuery(q);
        for (const ticket of scenario.tickets) items.push({ text: `${ticket.problem}\n${ticket.resolution}`, config, query });
      }
    }
    const all = await headlines(items, 'HighlightAll=true, StartSel=«, StopSel=»');
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((h) => h.includes('«')).length).toBeGreaterThanOrEqual(300);
    expect(items.map((i) => highlightAll(i.text, i.config, queryLexemes(i.query)))).toEqual(all);
    const snippets = await headlines(items, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "');
    const conflicts = items.flatMap((item, n) => {
      const pg = wordMarks(snippets[n] ?? '');
      return [...wordMarks(snippetOf(item.text, item.config, queryLexemes(item.query)))].filter(([word, marked]) => pg.has(word) && pg.get(word) !== marked).map(([word]) => word);
    });
    expect(conflicts).toEqual([]);
  });

  it('marks a word in a snippet exactly when ts_headline marks it in its snippet', async () => {
    const single = cases.map((c) => ({ text: SAMPLES[c.sample]?.text ?? '', config: c.config, query: c.query }));
    const all = await Promise.all(
      SAMPLES.flatMap((s) => s.configs.map(async (config) => ({ text: s.text, config, query: await compiledQuery(s.words) }))),
    );
    const items = [...single, ...all];
    const expected = await headlines(items, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "');
    const conflicts: string[] = [];
    items.forEach((item, n) => {
      const pg = wordMarks(expected[n] ?? '');
      const ours = wordMarks(snippetOf(item.text, item.config, queryLexemes(item.query)));
      for (const [word, marked] of ours) {
        if (pg.has(word) && pg.get(word) !== marked) conflicts.push(`${item.config} ${item.query}: ${word}`);
      }
    });
    expect(conflicts).toEqual([]);
  });
});
