/** The directory's configuration, as `DirectoryModule.forRoot` receives it. */
export interface DirectorySettings {
  /** `DIRECTORY_DEFAULT_COUNTRY`: ISO 3166-1 alpha-2 country of phone numbers written without a country code. */
  readonly defaultCountry: string;
  /** `DIRECTORY_TIME_ZONE`: IANA zone whose calendar day "today" is for contract validity and warranty. */
  readonly timeZone: string;
}

/** Injection token of the {@link DirectorySettings}. */
export const DIRECTORY_SETTINGS = Symbol('DIRECTORY_SETTINGS');
