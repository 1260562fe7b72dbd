// A small support glossary: words customers and agents use for the same thing. Expansion is by
// accent-folded lower-case surface word; each group lists every spelling it should match.

const GROUPS: readonly (readonly string[])[] = [
  ['passwort', 'kennwort', 'password', 'passwd', 'pin'],
  ['laptop', 'notebook'],
  ['email', 'mail', 'emails', 'mails'],
  ['wlan', 'wifi', 'funknetz', 'wireless'],
  ['bildschirm', 'monitor', 'display', 'screen'],
  ['handy', 'smartphone', 'mobiltelefon', 'phone'],
  ['anmelden', 'einloggen', 'login', 'anmeldung', 'logon', 'signin'],
  ['abmelden', 'ausloggen', 'logout'],
  ['kaputt', 'defekt', 'broken'],
  ['langsam', 'trage', 'lahm', 'slow'],
  ['gesperrt', 'locked', 'blockiert'],
  ['drucker', 'printer', 'druckers'],
  ['rechnung', 'invoice', 'faktura'],
  ['lizenz', 'license', 'licence'],
  ['absturz', 'abgesturzt', 'sturzt', 'crash', 'crashes', 'crashed', 'freezes', 'hangt'],
  ['fehlermeldung', 'fehler', 'error'],
  ['ausdruck', 'druck', 'print'],
  ['zugriff', 'access', 'berechtigung', 'permission', 'rechte'],
  ['verbindung', 'connection', 'connect', 'verbinden'],
  ['telefon', 'telefonanlage', 'tk', 'pbx'],
  ['server', 'host'],
  ['backup', 'sicherung', 'datensicherung'],
  ['update', 'aktualisierung', 'upgrade'],
  ['postfach', 'mailbox', 'inbox'],
  ['festplatte', 'disk', 'laufwerk', 'drive'],
  ['netzwerk', 'network', 'lan'],
  ['tastatur', 'keyboard'],
  ['maus', 'mouse'],
  ['kalender', 'calendar'],
  ['speicher', 'storage', 'speicherplatz'],
  ['zertifikat', 'certificate', 'cert'],
  ['scanner', 'scannen', 'scan'],
];

const INDEX = new Map<string, readonly string[]>();
for (const group of GROUPS) for (const word of group) INDEX.set(word, group);

/** The other spellings of a word (not the word itself); empty when the glossary has none. */
export function synonymsOf(word: string): readonly string[] {
  return (INDEX.get(word) ?? []).filter((w) => w !== word);
}
