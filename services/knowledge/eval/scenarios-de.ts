import { t, type Scenario } from './scenario';

// German scenarios: an IT system house's hotline (printers, Microsoft 365, network, telephony,
// ERP, hardware) plus billing, sales and HR requests.

export const GERMAN_SCENARIOS: readonly Scenario[] = [
  {
    key: 'de-print-queue', language: 'de', category: 'technical', product: 'Kyocera ECOSYS M3655idn',
    tickets: [
      t('Drucker druckt nicht, Aufträge hängen', 'Seit heute früh bleiben alle Druckaufträge in der Warteschlange hängen, der Kyocera im 2. OG druckt gar nichts mehr.', 'Spooler-Dienst auf dem Druckserver neu gestartet und die hängenden Aufträge gelöscht, danach druckte der Drucker wieder.'),
      t('Druckaufträge werden nicht abgearbeitet', 'Wir können nicht mehr drucken. In der Druckerwarteschlange stehen 30 Dokumente mit Status Fehler.', 'Druckwarteschlange geleert und den Druckspooler neu gestartet; Ursache war ein beschädigter Auftrag mit 400 Seiten.'),
    ],
    queries: [{ q: 'Druckerwarteschlange hängt', kind: 'compound' }, { q: 'druckauftäge bleiben hängen', kind: 'typo' }],
  },
  {
    key: 'de-print-blank', language: 'de', category: 'technical', product: 'Kyocera ECOSYS M3655idn',
    tickets: [
      t('Drucker gibt nur leere Seiten aus', 'Der Drucker zieht das Papier ein, aber die Seiten kommen komplett weiß raus.', 'Die Schutzfolie am neuen Toner war nicht entfernt. Folie abgezogen, Toner neu eingesetzt, Druckbild wieder in Ordnung.'),
      t('Weiße Seiten beim Drucken', 'Nach dem Tonerwechsel druckt unser Gerät nur noch weiße Blätter.', 'Toner saß nicht richtig und die Transportsicherung war noch drin. Sicherung entfernt, Toner eingerastet.'),
    ],
    queries: [{ q: 'Drucker druckt leere Blätter nach Tonerwechsel', kind: 'paraphrase' }],
  },
  {
    key: 'de-scan-mail', language: 'de', category: 'technical', product: 'Kyocera TASKalfa 3554ci',
    tickets: [
      t('Scan to Mail geht nicht mehr', 'Der Kopierer verschickt keine Scans mehr per E-Mail, es kommt Fehler 1102.', 'Im Gerät war noch die alte SMTP-Authentifizierung hinterlegt. Auf das neue App-Kennwort für den Scanner-Account umgestellt.'),
      t('Kopierer sendet keine Scans', 'Scannen an E-Mail funktioniert seit Montag nicht, das Display zeigt Sendefehler.', 'Microsoft 365 hat Basic Auth für SMTP abgeschaltet; SMTP-Relay über den Connector eingerichtet, Scans kommen wieder an.'),
    ],
    queries: [{ q: 'Scanner schickt keine Mail Fehler 1102', kind: 'paraphrase' }, { q: 'Kopierer mailversand fehlgeschlagen', kind: 'compound' }],
  },
  {
    key: 'de-m365-locked', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Konto gesperrt nach falschem Passwort', 'Ich habe mich mehrmals vertippt und jetzt ist mein Microsoft-Konto gesperrt.', 'Konto im Entra Admin Center entsperrt, Passwort zurückgesetzt und MFA neu registriert.'),
      t('Anmeldung bei Office nicht mehr möglich', 'Beim Anmelden an Outlook kommt „Ihr Konto wurde gesperrt“. Ich komme an nichts mehr ran.', 'Sperre nach zu vielen Fehlversuchen aufgehoben und ein temporäres Kennwort vergeben; Benutzer hat ein neues gesetzt.'),
    ],
    queries: [{ q: 'Benutzerkonto gesperrt Kennwort vergessen', kind: 'synonym' }, { q: 'Kontosperre Office 365', kind: 'compound' }],
  },
  {
    key: 'de-mfa-new-phone', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Neues Handy, Authenticator fehlt', 'Ich habe ein neues Smartphone und kann die Anmeldung nicht mehr bestätigen, die Authenticator-App ist leer.', 'Alte MFA-Methoden im Admin Center gelöscht, Benutzer hat die Authenticator-App auf dem neuen Telefon neu eingerichtet.'),
      t('Zwei-Faktor geht nach Handywechsel nicht', 'Nach dem Wechsel auf das neue iPhone bekomme ich keine Push-Benachrichtigung für die Anmeldung mehr.', 'MFA-Registrierung zurückgesetzt; beim nächsten Login wurde die App neu registriert.'),
    ],
    queries: [{ q: 'Authenticator App neues Mobiltelefon', kind: 'synonym' }, { q: 'MFA Handywechsel', kind: 'compound' }],
  },
  {
    key: 'de-outlook-pst', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Postfach voll, keine Mails mehr', 'Outlook meldet, dass mein Postfach voll ist, und ich kann keine E-Mails mehr senden.', 'Gelöschte Elemente geleert und das Online-Archiv aktiviert; alte Mails per Archivrichtlinie verschoben.'),
      t('Speicherplatz Postfach überschritten', 'Ich bekomme ständig die Meldung Postfachgröße überschritten, Empfangen geht auch nicht mehr.', 'Archivpostfach aktiviert und Aufbewahrungsrichtlinie auf 2 Jahre gesetzt; Postfach wieder unter 50 GB.'),
    ],
    queries: [{ q: 'Mailbox voll kann nicht senden', kind: 'synonym' }, { q: 'Postfachspeicher überschritten', kind: 'compound' }],
  },
  {
    key: 'de-outlook-search', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Outlook Suche findet nichts', 'Die Suche in Outlook liefert keine Ergebnisse mehr, obwohl die Mails da sind.', 'Windows-Suchindex neu aufgebaut (Indizierungsoptionen → Neu erstellen); nach zwei Stunden fand die Suche wieder alles.'),
      t('Suche in Outlook unvollständig', 'Bei der Suche in Outlook tauchen nur Mails der letzten Woche auf.', 'Outlook-Index war beschädigt; Index gelöscht und neu erstellt.'),
    ],
    queries: [{ q: 'Outlook findet alte Mails nicht', kind: 'paraphrase' }, { q: 'Suchindex Outlook neu aufbauen', kind: 'compound' }],
  },
  {
    key: 'de-vpn-timeout', language: 'de', category: 'technical', product: 'SecureConnect VPN Gateway 3000',
    tickets: [
      t('VPN trennt sich ständig', 'Die VPN-Verbindung im Homeoffice bricht alle 10 Minuten ab.', 'Idle-Timeout am VPN-Gateway von 10 Minuten auf 8 Stunden erhöht.'),
      t('VPN Abbruch nach kurzer Zeit', 'Wir fliegen nach ein paar Minuten aus dem VPN raus, wenn wir nichts tun.', 'Leerlauf-Timeout im Gateway-Profil hochgesetzt; Verbindungen bleiben jetzt stabil.'),
    ],
    queries: [{ q: 'VPN Verbindung bricht ab Homeoffice', kind: 'paraphrase' }, { q: 'VPN-Verbindungsabbruch', kind: 'compound' }],
  },
  {
    key: 'de-vpn-809', language: 'de', category: 'technical', product: 'SecureConnect VPN Gateway 3000',
    tickets: [
      t('VPN Fehler 809', 'Der VPN-Client meldet Fehler 809 und verbindet nicht.', 'VPN-Client 5.1 hat einen Fehler mit IKEv2; Update auf 5.2 installiert.'),
      t('Fehlermeldung 809 beim Verbinden', 'Seit heute kommt beim Verbinden mit dem Firmennetz die Meldung 809.', 'Client auf Version 5.2 aktualisiert, danach verband er sofort.'),
    ],
    queries: [{ q: 'vpn error 809', kind: 'paraphrase' }, { q: 'VPN Fehlercode 809', kind: 'compound' }],
  },
  {
    key: 'de-wlan-guest', language: 'de', category: 'technical', product: 'UniFi Access Point U6',
    tickets: [
      t('Gäste-WLAN ohne Internet', 'Besucher können sich ins Gäste-WLAN einwählen, haben aber kein Internet.', 'DHCP-Bereich des Gästenetzes war erschöpft; Lease-Zeit auf 2 Stunden verkürzt und Bereich vergrößert.'),
      t('Gastnetz verbindet, aber keine Seiten', 'Im Besprechungsraum kommt man ins Gastnetz, aber keine Webseite lädt.', 'Keine freien IP-Adressen im Gast-VLAN mehr; DHCP-Pool erweitert.'),
    ],
    queries: [{ q: 'Gast WLAN kein Internet', kind: 'compound' }, { q: 'wifi für besucher geht nicht', kind: 'synonym' }],
  },
  {
    key: 'de-wlan-slow', language: 'de', category: 'technical', product: 'UniFi Access Point U6',
    tickets: [
      t('WLAN im Lager sehr langsam', 'Die Handscanner im Lager haben ständig Aussetzer, das WLAN ist extrem langsam.', 'Access Point im Lager funkte auf einem überlasteten Kanal; Kanal 36 fest eingestellt und Sendeleistung erhöht.'),
      t('Funknetz bricht im Lager ein', 'Im hinteren Lagerbereich reißt die Verbindung der Scanner immer wieder ab.', 'Zusätzlichen Access Point in Halle 2 montiert und Kanäle neu verteilt.'),
    ],
    queries: [{ q: 'Lager WLAN Aussetzer Scanner', kind: 'paraphrase' }, { q: 'wlan lahm lagerhalle', kind: 'synonym' }],
  },
  {
    key: 'de-fileshare', language: 'de', category: 'technical', product: 'HPE ProLiant DL380 Gen11',
    tickets: [
      t('Netzlaufwerk nicht erreichbar', 'Das Laufwerk S: ist rot durchgestrichen und lässt sich nicht öffnen.', 'Dateiserver war nach Windows-Update nicht neu gestartet; Neustart durchgeführt, Laufwerk S: wieder verbunden.'),
      t('Gruppenlaufwerk weg', 'Unser Abteilungslaufwerk ist heute Morgen verschwunden, Netzwerkpfad nicht gefunden.', 'Der Dienst Server auf dem Dateiserver hing; Dienst neu gestartet, Freigaben wieder erreichbar.'),
    ],
    queries: [{ q: 'Netzwerklaufwerk getrennt', kind: 'compound' }, { q: 'Laufwerk S nicht verfügbar', kind: 'paraphrase' }],
  },
  {
    key: 'de-server-disk', language: 'de', category: 'technical', product: 'HPE ProLiant DL380 Gen11',
    tickets: [
      t('Server meldet Festplatte defekt', 'Am Server leuchtet eine Festplatte orange und iLO meldet ein degradiertes Array.', 'Defekte SAS-Platte im laufenden Betrieb getauscht (Garantie); Rebuild des RAID 5 abgeschlossen.'),
      t('RAID degradiert', 'Die Überwachung meldet RAID degraded auf dem Dateiserver.', 'Platte in Bay 3 ausgefallen, Ersatzplatte eingebaut und Wiederherstellung des Arrays überwacht.'),
    ],
    queries: [{ q: 'Festplattendefekt Server orange LED', kind: 'compound' }, { q: 'raid degradet', kind: 'typo' }],
  },
  {
    key: 'de-backup-failed', language: 'de', category: 'technical', product: 'Veeam Backup & Replication',
    tickets: [
      t('Datensicherung fehlgeschlagen', 'Die nächtliche Sicherung ist heute mit Fehler abgebrochen.', 'Backup-Repository war voll; alte Wiederherstellungspunkte gelöscht und Aufbewahrung auf 14 Tage gesetzt.'),
      t('Backup Job Warnung Speicher', 'Veeam schickt jeden Morgen eine Fehlermail, das Backup läuft nicht durch.', 'Zu wenig Platz auf dem Sicherungsziel; Repository um 4 TB erweitert.'),
    ],
    queries: [{ q: 'Backup schlägt fehl Speicher voll', kind: 'synonym' }, { q: 'Sicherungsfehler Veeam', kind: 'compound' }],
  },
  {
    key: 'de-restore-file', language: 'de', category: 'technical', product: 'Veeam Backup & Replication',
    tickets: [
      t('Gelöschte Datei wiederherstellen', 'Ich habe versehentlich eine Excel-Datei auf dem Laufwerk gelöscht. Kann man die zurückholen?', 'Datei aus der Sicherung von gestern Abend wiederhergestellt und in den Originalordner gelegt.'),
      t('Ordner aus Versehen gelöscht', 'Ein Kollege hat den Projektordner gelöscht, bitte zurückspielen.', 'Ordner per Veeam File Level Restore vom Stand 22 Uhr zurückgespielt.'),
    ],
    queries: [{ q: 'versehentlich gelöschte Datei zurückholen', kind: 'paraphrase' }, { q: 'Dateiwiederherstellung', kind: 'compound' }],
  },
  {
    key: 'de-phone-noaudio', language: 'de', category: 'technical', product: 'Yealink T54W',
    tickets: [
      t('Telefon klingelt, aber kein Ton', 'Wenn ich einen Anruf annehme, höre ich nichts und der Anrufer hört mich auch nicht.', 'RTP-Ports in der Firewall waren nach Update geschlossen; Portbereich 10000–20000 UDP wieder freigegeben.'),
      t('Einseitige Sprachverbindung', 'Bei Gesprächen hört uns die Gegenseite nicht, wir hören sie aber.', 'SIP-ALG im Router deaktiviert, danach Sprache in beide Richtungen.'),
    ],
    queries: [{ q: 'Telefonat kein Ton Gegenseite hört nichts', kind: 'compound' }, { q: 'telefon audio einseitig', kind: 'paraphrase' }],
  },
  {
    key: 'de-phone-register', language: 'de', category: 'technical', product: 'Yealink T54W',
    tickets: [
      t('Telefon zeigt Nicht registriert', 'Mein Tischtelefon zeigt seit heute früh „Nicht registriert“.', 'Nach Stromausfall hatte das Telefon keine IP; PoE-Switchport neu gestartet, Registrierung wieder ok.'),
      t('Telefonanlage: Apparat offline', 'Das Telefon am Empfang ist offline und man kann nicht telefonieren.', 'SIP-Passwort war nach Provisionierung falsch; Konfiguration neu ausgerollt.'),
    ],
    queries: [{ q: 'Tischtelefon nicht registriert', kind: 'compound' }, { q: 'Telefon offline', kind: 'paraphrase' }],
  },
  {
    key: 'de-erp-slow', language: 'de', category: 'technical', product: 'ProERP 9',
    tickets: [
      t('ERP extrem langsam', 'Das Warenwirtschaftssystem braucht für jede Maske 20 Sekunden.', 'Statistiken der SQL-Datenbank veraltet; Wartungsplan mit Index-Rebuild eingerichtet, Antwortzeiten wieder unter einer Sekunde.'),
      t('Warenwirtschaft hängt', 'ProERP reagiert seit gestern sehr träge, besonders beim Buchen.', 'Datenbankindizes fragmentiert; Indexpflege durchgeführt und nächtlichen Job angelegt.'),
    ],
    queries: [{ q: 'Warenwirtschaft langsam', kind: 'compound' }, { q: 'ProERP träge beim Buchen', kind: 'paraphrase' }],
  },
  {
    key: 'de-erp-license', language: 'de', category: 'technical', product: 'ProERP 9',
    tickets: [
      t('Keine freie Lizenz im ERP', 'Beim Start von ProERP kommt „Keine freie Lizenz verfügbar“.', 'Hängende Sitzungen im Lizenzserver beendet; Sitzungs-Timeout auf 30 Minuten gesetzt.'),
      t('Lizenzfehler beim Anmelden', 'Drei Kollegen kommen nicht ins ERP, Meldung Lizenzen erschöpft.', 'Verwaiste Benutzersitzungen freigegeben und zwei zusätzliche Lizenzen bestellt.'),
    ],
    queries: [{ q: 'ERP Lizenz nicht verfügbar', kind: 'paraphrase' }, { q: 'Lizenzserver Sitzungen', kind: 'compound' }],
  },
  {
    key: 'de-laptop-battery', language: 'de', category: 'technical', product: 'Lenovo ThinkPad T14',
    tickets: [
      t('Laptop geht nicht mehr an', 'Mein Notebook startet nicht, es leuchtet keine LED.', 'Akku tiefentladen; Netzteil 30 Minuten angeschlossen und Reset über das Notfallloch durchgeführt.'),
      t('ThinkPad tot', 'Das ThinkPad reagiert nicht auf den Einschaltknopf.', 'Reset per Büroklammer im Reset-Loch, danach mit Netzteil geladen; Gerät startet wieder.'),
    ],
    queries: [{ q: 'Notebook startet nicht', kind: 'synonym' }, { q: 'Laptop lässt sich nicht einschalten', kind: 'paraphrase' }],
  },
  {
    key: 'de-dock-monitor', language: 'de', category: 'technical', product: 'Lenovo ThinkPad T14',
    tickets: [
      t('Zweiter Monitor an Docking bleibt schwarz', 'An der Dockingstation wird nur ein Bildschirm erkannt, der zweite bleibt schwarz.', 'Dock-Firmware und DisplayLink-Treiber aktualisiert; beide Monitore laufen.'),
      t('Docking-Station kein Bild', 'Seit dem Update habe ich an der Dockingstation kein Bild mehr.', 'Firmware der USB-C-Dockingstation aktualisiert und Grafiktreiber neu installiert.'),
    ],
    queries: [{ q: 'Dockingstation Bildschirm schwarz', kind: 'compound' }, { q: 'zweiter Monitor kein Signal', kind: 'synonym' }],
  },
  {
    key: 'de-teams-camera', language: 'de', category: 'technical', product: 'Microsoft Teams',
    tickets: [
      t('Kamera in Teams schwarz', 'In Teams-Besprechungen sehen die anderen mich nicht, die Kamera bleibt schwarz.', 'Datenschutzschalter der Kamera war aktiv; außerdem Kamerazugriff für Apps in den Windows-Einstellungen erlaubt.'),
      t('Webcam wird nicht erkannt', 'Teams zeigt „Keine Kamera gefunden“.', 'Kamerazugriff in Windows-Datenschutz war deaktiviert; aktiviert und Teams neu gestartet.'),
    ],
    queries: [{ q: 'Teams Kamera geht nicht', kind: 'paraphrase' }, { q: 'Webkamera Videokonferenz schwarz', kind: 'compound' }],
  },
  {
    key: 'de-teams-audio', language: 'de', category: 'technical', product: 'Microsoft Teams',
    tickets: [
      t('Headset in Teams kein Ton', 'Ich höre in Teams-Anrufen nichts, obwohl das Headset angeschlossen ist.', 'In Teams war der Lautsprecher des Monitors als Audiogerät gewählt; Headset als Standard gesetzt.'),
      t('Teams Mikrofon stumm', 'Meine Kollegen hören mich in Teams nicht.', 'Falsches Mikrofon in den Teams-Geräteeinstellungen ausgewählt; Headset-Mikrofon gewählt.'),
    ],
    queries: [{ q: 'Teams Headset Mikrofon geht nicht', kind: 'paraphrase' }, { q: 'teams audiogerät falsch', kind: 'compound' }],
  },
  {
    key: 'de-cert-expired', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Zertifikatsfehler auf der Webseite', 'Unsere Kunden bekommen beim Aufruf des Portals eine Warnung, die Verbindung sei nicht sicher.', 'SSL-Zertifikat war abgelaufen; neues Zertifikat über Let’s Encrypt ausgestellt und automatische Erneuerung eingerichtet.'),
      t('Browser meldet unsichere Verbindung', 'Beim Intranet kommt NET::ERR_CERT_DATE_INVALID.', 'Abgelaufenes Serverzertifikat erneuert und im Reverse Proxy eingespielt.'),
    ],
    queries: [{ q: 'SSL Zertifikat abgelaufen', kind: 'paraphrase' }, { q: 'Webseite nicht sicher Warnung', kind: 'paraphrase' }],
  },
  {
    key: 'de-new-employee', language: 'de', category: 'hr', product: null,
    tickets: [
      t('Neuer Mitarbeiter ab 1.12.', 'Bitte für unsere neue Kollegin ab dem 1.12. einen Benutzer, Postfach und Laptop einrichten.', 'Benutzerkonto, Postfach und Lizenz angelegt, Laptop nach Standard installiert und am ersten Arbeitstag übergeben.'),
      t('Onboarding neuer Azubi', 'Wir bekommen einen Auszubildenden, der braucht Zugang zu ERP und Mail.', 'Konto nach Onboarding-Checkliste angelegt, ERP-Rolle Azubi zugewiesen und Zugangsdaten an die Ausbilderin übergeben.'),
    ],
    queries: [{ q: 'Benutzer anlegen neuer Mitarbeiter', kind: 'paraphrase' }, { q: 'Mitarbeiteronboarding', kind: 'compound' }],
  },
  {
    key: 'de-leaver', language: 'de', category: 'hr', product: null,
    tickets: [
      t('Mitarbeiter verlässt Firma', 'Herr Weber hört zum Monatsende auf, bitte Zugänge sperren und Postfach an die Vertretung geben.', 'Konto zum Stichtag deaktiviert, Postfach in freigegebenes Postfach umgewandelt und der Vertretung Zugriff gegeben.'),
      t('Austritt Kollegin Zugänge', 'Frau Klein ist ausgeschieden, bitte alle Zugänge entfernen.', 'Zugänge gesperrt, Lizenzen entzogen, Daten nach Offboarding-Checkliste übergeben.'),
    ],
    queries: [{ q: 'Offboarding Konto sperren Postfach weiterleiten', kind: 'paraphrase' }, { q: 'Mitarbeiteraustritt', kind: 'compound' }],
  },
  {
    key: 'de-invoice-wrong', language: 'de', category: 'billing', product: null,
    tickets: [
      t('Rechnung doppelt berechnet', 'Auf der Novemberrechnung ist die Wartungspauschale zweimal berechnet.', 'Doppelte Position storniert und Gutschrift über 249 € erstellt.'),
      t('Falsche Position auf Rechnung', 'Sie haben uns Vor-Ort-Einsatz berechnet, der Termin war aber remote.', 'Position auf Remote-Support korrigiert und Rechnungskorrektur versendet.'),
    ],
    queries: [{ q: 'Rechnung falsch Gutschrift', kind: 'paraphrase' }, { q: 'Rechnungskorrektur', kind: 'compound' }],
  },
  {
    key: 'de-invoice-copy', language: 'de', category: 'billing', product: null,
    tickets: [
      t('Rechnungskopie benötigt', 'Unsere Buchhaltung findet die Rechnung 2026-1043 nicht, bitte erneut zusenden.', 'Rechnung als PDF erneut an die Buchhaltung geschickt und Rechnungsempfänger-Adresse ergänzt.'),
      t('Rechnung nicht erhalten', 'Wir haben für Oktober keine Rechnung bekommen.', 'Rechnungsversand ging an alte Adresse; Adresse aktualisiert und Rechnung neu versendet.'),
    ],
    queries: [{ q: 'Rechnung nochmal schicken', kind: 'paraphrase' }, { q: 'Rechnungsadresse ändern', kind: 'compound' }],
  },
  {
    key: 'de-contract-quota', language: 'de', category: 'billing', product: null,
    tickets: [
      t('Stundenkontingent aufgebraucht?', 'Wie viele Stunden haben wir von unserem Kontingent noch übrig?', 'Aktuellen Kontingentstand (3,5 von 20 Stunden übrig) mitgeteilt und Aufstockung angeboten.'),
      t('Abrechnung Wartungsvertrag Stunden', 'Bitte eine Übersicht der verbrauchten Stunden aus dem Servicevertrag.', 'Leistungsnachweis mit allen Einsätzen des Quartals als PDF verschickt.'),
    ],
    queries: [{ q: 'verbrauchte Stunden Servicevertrag', kind: 'paraphrase' }, { q: 'Kontingent Reststunden', kind: 'compound' }],
  },
  {
    key: 'de-offer-laptops', language: 'de', category: 'sales', product: 'Lenovo ThinkPad T14',
    tickets: [
      t('Angebot für 5 Notebooks', 'Bitte ein Angebot für fünf Laptops inkl. Dockingstation und Einrichtung.', 'Angebot über 5 ThinkPad T14 mit Dock, Installation und 3 Jahren Vor-Ort-Garantie erstellt und versendet.'),
      t('Preisanfrage Laptops', 'Was kosten bei Ihnen neue Notebooks für unser Vertriebsteam?', 'Preisliste und Angebot für ThinkPad T14 inklusive Einrichtungspauschale geschickt.'),
    ],
    queries: [{ q: 'Angebot Laptop kaufen', kind: 'synonym' }, { q: 'Notebookangebot', kind: 'compound' }],
  },
  {
    key: 'de-m365-license-order', language: 'de', category: 'sales', product: 'Microsoft 365',
    tickets: [
      t('Zusätzliche Office Lizenzen', 'Wir brauchen zwei weitere Microsoft 365 Business Standard Lizenzen.', 'Zwei Lizenzen über den CSP-Vertrag hinzugebucht und den Benutzern zugewiesen.'),
      t('Lizenzen nachbestellen', 'Für die neuen Kollegen fehlen Office-Lizenzen.', 'Lizenzanzahl im Partner Center erhöht, Abrechnung ab Folgemonat.'),
    ],
    queries: [{ q: 'weitere Microsoft Lizenzen bestellen', kind: 'paraphrase' }, { q: 'Lizenzbestellung Office', kind: 'compound' }],
  },
  {
    key: 'de-password-expired', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Passwort abgelaufen im Homeoffice', 'Windows sagt, mein Kennwort ist abgelaufen, aber im Homeoffice kann ich es nicht ändern.', 'Passwort per VPN-Verbindung vor der Anmeldung geändert; danach Cached Credentials aktualisiert.'),
      t('Kennwort ändern geht nicht', 'Ich werde aufgefordert, mein Passwort zu ändern, aber es kommt ein Fehler, Domäne nicht erreichbar.', 'Anleitung geschickt: erst VPN verbinden, dann Strg+Alt+Entf → Kennwort ändern.'),
    ],
    queries: [{ q: 'Passwort abgelaufen Homeoffice ändern', kind: 'synonym' }, { q: 'Passwortänderung Domäne nicht erreichbar', kind: 'compound' }],
  },
  {
    key: 'de-excel-crash', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Excel stürzt beim Öffnen ab', 'Excel schließt sich sofort, wenn ich eine bestimmte Datei öffne.', 'Fehlerhaftes Add-in deaktiviert und Office-Schnellreparatur ausgeführt.'),
      t('Excel hängt sich auf', 'Beim Start friert Excel ein und reagiert nicht mehr.', 'Excel im abgesicherten Modus gestartet, altes COM-Add-in der ERP-Schnittstelle entfernt.'),
    ],
    queries: [{ q: 'Excel Absturz Add-in', kind: 'compound' }, { q: 'excel stürtzt ab', kind: 'typo' }],
  },
  {
    key: 'de-shared-calendar', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Kalender freigeben', 'Wie kann meine Assistentin meinen Kalender bearbeiten?', 'Stellvertretungsrechte in Outlook mit Berechtigung Bearbeiter eingerichtet.'),
      t('Kalenderberechtigung für Kollegen', 'Mein Kollege soll Termine in meinem Kalender eintragen können.', 'Kalenderfreigabe mit Bearbeitungsrechten erteilt und Anleitung geschickt.'),
    ],
    queries: [{ q: 'Kalender Berechtigung Stellvertretung', kind: 'compound' }, { q: 'kalender teilen kollege', kind: 'paraphrase' }],
  },
  {
    key: 'de-mail-spam', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Kundenmails landen im Spam', 'Mails eines wichtigen Kunden landen immer im Junk-Ordner.', 'Absenderdomäne in die Liste sicherer Absender aufgenommen und Anti-Spam-Richtlinie angepasst.'),
      t('Mails kommen nicht an, Quarantäne', 'Ein Lieferant sagt, er hat uns geschrieben, aber wir finden nichts.', 'Mails lagen in der Quarantäne; freigegeben und Absender als vertrauenswürdig eingetragen.'),
    ],
    queries: [{ q: 'Mails im Junk Ordner', kind: 'paraphrase' }, { q: 'Spamfilter Quarantäne Lieferant', kind: 'compound' }],
  },
  {
    key: 'de-windows-update', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Windows Update bleibt bei 35 % hängen', 'Der Rechner installiert seit zwei Stunden Updates und hängt bei 35 %.', 'SoftwareDistribution-Ordner geleert und Update-Dienst neu gestartet; Update lief durch.'),
      t('Updates schlagen fehl 0x80070002', 'Windows Update bricht immer mit Fehler 0x80070002 ab.', 'Update-Cache zurückgesetzt und DISM/SFC ausgeführt; danach installierten die Updates.'),
    ],
    queries: [{ q: 'Windows Update hängt', kind: 'paraphrase' }, { q: 'Updatefehler 0x80070002', kind: 'compound' }],
  },
  {
    key: 'de-onedrive-sync', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('OneDrive synchronisiert nicht', 'OneDrive zeigt seit Tagen ein rotes Kreuz und synchronisiert nichts.', 'Zu lange Dateipfade verhinderten die Synchronisation; Pfade gekürzt und OneDrive zurückgesetzt.'),
      t('Dateien werden nicht hochgeladen', 'Meine Dateien aus dem Desktop-Ordner landen nicht in der Cloud.', 'OneDrive-Client zurückgesetzt und neu angemeldet; Sync läuft.'),
    ],
    queries: [{ q: 'OneDrive Synchronisierung rotes Kreuz', kind: 'compound' }, { q: 'onedrive sync fehler', kind: 'paraphrase' }],
  },
  {
    key: 'de-keyboard', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Tastatur schreibt falsche Zeichen', 'Wenn ich Z drücke, kommt Y, und Umlaute fehlen.', 'Tastaturlayout war auf Englisch (USA) umgestellt; Deutsch als Standard gesetzt und Hotkey Alt+Shift deaktiviert.'),
      t('Y und Z vertauscht', 'Auf meiner Tastatur sind Y und Z vertauscht.', 'Eingabesprache auf Deutsch zurückgestellt.'),
    ],
    queries: [{ q: 'Tastatur y z vertauscht', kind: 'paraphrase' }, { q: 'Tastaturlayout englisch', kind: 'compound' }],
  },
  {
    key: 'de-website-down', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Homepage nicht erreichbar', 'Unsere Firmenwebseite zeigt nur noch Fehler 503.', 'PHP-FPM auf dem Webserver war abgestürzt; Dienst neu gestartet und Speicherlimit erhöht.'),
      t('Webseite offline', 'Die Webseite lädt nicht, Kunden rufen schon an.', 'Webserver-Prozess hing nach Speicherüberlauf; neu gestartet und Monitoring aktiviert.'),
    ],
    queries: [{ q: 'Webseite Fehler 503', kind: 'paraphrase' }, { q: 'Firmenwebseite down', kind: 'compound' }],
  },
  {
    key: 'de-ups-alarm', language: 'de', category: 'technical', product: 'APC Smart-UPS 1500',
    tickets: [
      t('USV piept im Serverraum', 'Im Serverraum piept die USV dauerhaft.', 'Batterietest fehlgeschlagen; Batteriemodul getauscht, Selbsttest erfolgreich.'),
      t('Alarm Batterie USV', 'Die unterbrechungsfreie Stromversorgung meldet Batterie ersetzen.', 'Ersatzbatterie RBC7 eingebaut und Laufzeit kalibriert.'),
    ],
    queries: [{ q: 'USV Batterie tauschen', kind: 'paraphrase' }, { q: 'Stromversorgung piept Serverraum', kind: 'compound' }],
  },
  {
    key: 'de-mobile-mail', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Mails auf dem Handy einrichten', 'Wie bekomme ich meine Firmenmails aufs Diensthandy?', 'Outlook-App installiert, mit Firmenkonto angemeldet und Intune-Richtlinie bestätigt.'),
      t('Firmenmail auf iPhone', 'Auf dem neuen iPhone kommen keine geschäftlichen E-Mails an.', 'Gerät in Intune registriert, danach Outlook-App eingerichtet.'),
    ],
    queries: [{ q: 'E-Mail auf Smartphone einrichten', kind: 'synonym' }, { q: 'Diensthandy Mail', kind: 'compound' }],
  },
  {
    key: 'de-pdf-print', language: 'de', category: 'technical', product: 'Adobe Acrobat Reader',
    tickets: [
      t('PDF druckt nicht richtig', 'PDF-Dateien werden nur halb oder mit falschen Zeichen gedruckt.', 'In Acrobat Reader „Als Bild drucken“ aktiviert; außerdem Druckertreiber aktualisiert.'),
      t('Acrobat Druck Sonderzeichen', 'Beim Drucken aus dem Reader kommen nur Hieroglyphen.', 'Druckertreiber von PCL auf KX umgestellt; PDF druckt korrekt.'),
    ],
    queries: [{ q: 'PDF Druck falsche Zeichen', kind: 'paraphrase' }, { q: 'acrobat druckt kauderwelsch', kind: 'paraphrase' }],
  },
  {
    key: 'de-remote-desktop', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Remotedesktop verbindet nicht', 'Ich komme nicht mehr auf den Terminalserver, die Verbindung wird abgelehnt.', 'Benutzer war nicht mehr in der Gruppe Remotedesktopbenutzer; Gruppenmitgliedschaft ergänzt.'),
      t('RDP Zugriff verweigert', 'Beim Verbinden mit dem RDS kommt „Zugriff verweigert“.', 'Berechtigung für Remotedesktop fehlte nach Abteilungswechsel; Gruppe ergänzt.'),
    ],
    queries: [{ q: 'Terminalserver Zugriff verweigert', kind: 'compound' }, { q: 'remote desktop geht nicht', kind: 'paraphrase' }],
  },
  {
    key: 'de-access-rights', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Kein Zugriff auf Ordner Vertrieb', 'Ich kann den Ordner Vertrieb auf dem Laufwerk nicht öffnen, Zugriff verweigert.', 'Benutzer in die Berechtigungsgruppe Vertrieb-Ändern aufgenommen; nach Ab- und Anmelden Zugriff vorhanden.'),
      t('Berechtigung für Projektordner', 'Bitte Schreibrechte für den Projektordner Neubau vergeben.', 'NTFS-Rechte über die Gruppe Projekt-Neubau-Schreiben vergeben.'),
    ],
    queries: [{ q: 'Ordnerberechtigung Schreibrechte', kind: 'compound' }, { q: 'keine Rechte auf Ordner', kind: 'synonym' }],
  },
  {
    key: 'de-ticket-portal', language: 'de', category: 'other', product: null,
    tickets: [
      t('Zugang zum Kundenportal', 'Wie bekomme ich einen Zugang zu Ihrem Ticketportal?', 'Portalzugang für den Ansprechpartner angelegt; Einladung mit Link zum Setzen des Passworts verschickt.'),
      t('Portal Login funktioniert nicht', 'Ich kann mich im Serviceportal nicht anmelden, Einladungslink abgelaufen.', 'Neue Einladung verschickt; Link ist 7 Tage gültig.'),
    ],
    queries: [{ q: 'Kundenportal Zugang Einladung', kind: 'compound' }, { q: 'Serviceportal anmelden', kind: 'compound' }],
  },
  {
    key: 'de-maintenance-window', language: 'de', category: 'other', product: null,
    tickets: [
      t('Wartungsfenster abstimmen', 'Wann können Sie die Server-Updates einspielen, ohne dass die Produktion steht?', 'Wartungsfenster auf Samstag 6–8 Uhr festgelegt und im Kalender eingetragen.'),
      t('Termin für Serverwartung', 'Bitte die Wartung der Server außerhalb der Arbeitszeiten planen.', 'Monatliches Wartungsfenster am ersten Samstag 6 Uhr vereinbart.'),
    ],
    queries: [{ q: 'Serverwartung außerhalb Arbeitszeit', kind: 'compound' }, { q: 'wartungsfentser samstag', kind: 'typo' }],
  },
  {
    key: 'de-monitor-flicker', language: 'de', category: 'technical', product: null,
    tickets: [
      t('Bildschirm flackert', 'Mein Monitor flackert ständig und wird kurz schwarz.', 'Defektes DisplayPort-Kabel getauscht; Bild stabil.'),
      t('Monitor geht immer wieder aus', 'Der Bildschirm schaltet sich alle paar Minuten ab und wieder an.', 'Kabel war locker bzw. beschädigt; neues Kabel eingesetzt.'),
    ],
    queries: [{ q: 'Monitor flimmert', kind: 'paraphrase' }, { q: 'Bildschirmflackern', kind: 'compound' }],
  },
  {
    key: 'de-mail-signature', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Signatur fehlt in Outlook', 'Meine E-Mail-Signatur wird in Antworten nicht mehr eingefügt.', 'In den Outlook-Signatureinstellungen war für Antworten „keine“ gewählt; Standard-Signatur zugewiesen.'),
      t('Neue Signatur für alle', 'Bitte die neue Firmensignatur mit Logo bei allen Mitarbeitern einrichten.', 'Zentrale Signaturvorlage im Exchange-Transport hinterlegt.'),
    ],
    queries: [{ q: 'Outlook Signatur Antworten fehlt', kind: 'paraphrase' }, { q: 'Mailsignatur', kind: 'compound' }],
  },
];

// Two more cases that came in three times each: the problems every hotline sees weekly.
export const GERMAN_FREQUENT: readonly Scenario[] = [
  {
    key: 'de-outlook-offline', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Outlook zeigt Offline', 'Outlook steht unten rechts auf „Offline arbeiten“ und ruft keine Mails ab.', 'Schaltfläche „Offline arbeiten“ im Reiter Senden/Empfangen deaktiviert.'),
      t('Keine neuen Mails in Outlook', 'Seit heute Mittag kommen bei mir keine neuen E-Mails mehr an, die Kollegen bekommen welche.', 'Outlook war im Offlinemodus; umgeschaltet, Mails kamen sofort.'),
      t('Outlook getrennt', 'In der Statusleiste steht „Getrennt“, Senden geht nicht.', 'Outlook-Profil repariert und Offlinemodus beendet.'),
    ],
    queries: [{ q: 'Outlook ruft keine Mails ab', kind: 'paraphrase' }, { q: 'outlok offline arbeiten', kind: 'typo' }],
  },
  {
    key: 'de-mail-forward', language: 'de', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Abwesenheitsnotiz einrichten', 'Wie richte ich eine Abwesenheitsnotiz für meinen Urlaub ein?', 'Anleitung für automatische Antworten in Outlook geschickt und gemeinsam eingerichtet.'),
      t('Automatische Antwort im Urlaub', 'Bitte für Frau Sommer eine automatische Antwort einrichten, sie ist krank.', 'Automatische Antworten im Exchange Admin Center für den Zeitraum aktiviert.'),
      t('Out of Office geht nicht', 'Meine Abwesenheitsnotiz wird an externe Absender nicht verschickt.', 'In den automatischen Antworten war nur „innerhalb meiner Organisation“ aktiv; außerhalb aktiviert.'),
    ],
    queries: [{ q: 'Abwesenheitsassistent Urlaub', kind: 'compound' }, { q: 'automatische Antwort extern', kind: 'paraphrase' }],
  },
];
