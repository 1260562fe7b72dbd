import type { ArticleInput } from '../articles/articles.service';

/**
 * Published FAQ articles of the demo, about the products of the ticket service's demo directory
 * (services/ticket/src/demo/demo-directory.ts: the Kyocera printer and the HPE file server).
 */
export const DEMO_ARTICLES: readonly ArticleInput[] = [
  {
    title: 'Drucker druckt nicht mehr, Aufträge bleiben in der Warteschlange hängen',
    problem: 'Druckaufträge an den Kyocera ECOSYS M3655idn bleiben in der Druckerwarteschlange stehen; der Drucker zeigt keinen Fehler.',
    resolution: 'Druckwarteschlange auf dem Druckserver leeren (Dienst "Druckwarteschlange" neu starten), danach den Drucker einmal aus- und einschalten. Bleibt das Problem, den aktuellen KX-Treiber installieren.',
    language: 'de',
    category: 'technical',
    products: ['Kyocera ECOSYS M3655idn'],
    tags: ['drucker'],
    visibility: 'customer',
  },
  {
    title: 'Konto nach mehreren Fehlversuchen gesperrt (Microsoft 365 / MFA)',
    problem: 'Nach mehreren falschen Passworteingaben ist die Anmeldung an Microsoft 365 gesperrt; die Authenticator-App fragt nicht mehr nach.',
    resolution: 'Das Konto entsperrt die Hotline nach Rückruf an die hinterlegte Nummer. Danach das Passwort zurücksetzen und die Authenticator-App unter https://aka.ms/mysecurityinfo neu registrieren.',
    language: 'de',
    category: 'technical',
    products: [],
    tags: ['m365', 'mfa'],
    visibility: 'customer',
  },
  {
    title: 'Network share on the file server is slow or unreachable',
    problem: 'Opening files on the department share takes minutes or fails with "network path not found".',
    resolution: 'Check that the file server SRV-FS01 answers ping and that the DFS namespace points to it; a full data volume also slows it down. Free space or extend the volume, then reconnect the drive.',
    language: 'en',
    category: 'technical',
    products: ['HPE ProLiant DL380 Gen11'],
    tags: ['file-server'],
    visibility: 'internal',
  },
];
