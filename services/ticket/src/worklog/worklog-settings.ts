import type { WorkRules } from './work-recording';

/** The work log feature's configuration, as `WorklogModule.forRoot` receives it. */
export type WorklogSettings = WorkRules;

/** Injection token of the {@link WorklogSettings}. */
export const WORKLOG_SETTINGS = Symbol('WORKLOG_SETTINGS');
