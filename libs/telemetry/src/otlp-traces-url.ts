/**
 * The traces URL for an OTLP/HTTP base endpoint, as the OTel spec derives it from
 * OTEL_EXPORTER_OTLP_ENDPOINT: the path `v1/traces` appended to the endpoint's own path.
 */
export function otlpTracesUrl(endpoint: string): string {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/traces`;
  return url.toString();
}
