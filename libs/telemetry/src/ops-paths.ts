/** The paths the ops server answers; shared with the HTTP instrumentation so probes stay untraced. */
export const OPS_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);
