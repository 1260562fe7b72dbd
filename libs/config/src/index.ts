export { ConfigError } from './config-error';
export { loadConfig, loadConfigOrExit } from './load-config';
export type { Environment } from './load-config';
export {
  bool,
  duration,
  httpUrl,
  logLevel,
  natsUrl,
  parseDurationMs,
  port,
  positiveInt,
  postgresUrl,
  subjectPrefix,
} from './env-fields';
export { commonConfigSchema } from './common-config';
export type { CommonConfig } from './common-config';
export { isTimeZone, timeZone } from './time-zone';
