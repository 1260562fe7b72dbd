// Words and queries of the knowledge benchmark: the vocabulary of an IT hotline in German and
// English, drawn with a skew (a few words are very common, most are rare) like real tickets.

export const WORDS: readonly string[] = (
  'drucker druckt toner papierstau warteschlange spooler treiber scanner kopierer scan mail smtp relay port starttls ' +
  'outlook postfach kalender signatur abwesenheit archiv suchindex offline synchronisation onedrive sharepoint teams kamera mikrofon headset ' +
  'konto gesperrt passwort kennwort anmeldung authenticator handy smartphone mfa lizenz lizenzen server dateiserver laufwerk freigabe netzlaufwerk ' +
  'festplatte raid rebuild backup sicherung wiederherstellung veeam repository aufbewahrung vpn verbindung gateway timeout fehler client update ' +
  'wlan funknetz access point kanal lager gastnetz dhcp bereich firewall router telefon telefonanlage registriert sip rtp ton anruf weiterleitung ' +
  'erp warenwirtschaft datenbank index langsam träge buchen rechnung gutschrift position kontingent stunden angebot notebook laptop dockingstation ' +
  'monitor bildschirm flackert kabel displayport tastatur layout zertifikat abgelaufen webseite webserver neustart dienst usv batterie ' +
  'printer printing paper jam tray roller offline ip address mailbox quota archive password prompt credential manager locked account ' +
  'phone authenticator wifi wireless channel interference bandwidth slow internet share drive path network bitlocker recovery key bios ' +
  'microphone screen sharing meeting policy bounce spf dkim phishing sessions sync token contacts import csv date format dashboard report ' +
  'card payment terminal receipt till sync queue photos upload battery invoice credit note direct debit mandate hours quote seats subscription ' +
  'onboarding leaver forwarding voicemail certificate expired website dns record keyboard portal invitation restore backup repository retention'
).split(' ');

/** Queries as agents and customers type them (plain words, typos, compounds, syntax). */
export const QUERIES: readonly string[] = [
  'drucker druckt nicht', 'toner papierstau', 'Druckerwarteschlange', 'scanner mail smtp', 'outlook postfach voll', 'kennwort gesperrt',
  'passwrot vergessen', 'vpn timeout', 'vpn fehler gateway', 'wlan lager langsam', 'netzlaufwerk weg', 'raid rebuild festplatte',
  'backup fehler repository', 'telefon kein ton', 'erp langsam datenbank', 'rechnung gutschrift', 'notebook dockingstation monitor',
  'zertifikat abgelaufen webseite', 'usv batterie', 'teams kamera mikrofon', 'printer offline', 'paper jam tray', 'locked account password',
  'outlook password prompt', 'wifi interference channel', 'slow internet bandwidth', 'bitlocker recovery key', 'screen sharing teams',
  'mail bounce spf', 'phishing password sessions', 'card terminal payment', 'receipt printer till', 'invoice credit note', '"credit note"',
  'vpn -timeout', 'drucker OR printer', 'onedrive sync', 'certficate expired', 'keyboard layout', 'voicemail forwarding',
];
