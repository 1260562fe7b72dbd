import type { CsvDelimiter } from './csv';

/** How exports are written (from the service's configuration). */
export interface ExportSettings {
  /** CSV field separator. */
  readonly csvDelimiter: CsvDelimiter;
  /** IANA time zone of the times in exports and file names. */
  readonly timeZone: string;
}
