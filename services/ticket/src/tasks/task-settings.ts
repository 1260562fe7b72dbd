import type { CallbackPolicy } from './task-creation';

/** The tasks feature's configuration, as `TasksModule.forRoot` receives it. */
export interface TaskSettings {
  /** When callback tasks for missed calls are due and reminded. */
  readonly callbacks: CallbackPolicy;
}

/** Injection token of the {@link TaskSettings}. */
export const TASK_SETTINGS = Symbol('TASK_SETTINGS');
