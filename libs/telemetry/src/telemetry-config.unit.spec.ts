import { ConfigError, loadConfig } from '@helpdesk/config';
import { telemetryConfigSchema } from './telemetry-config';

describe('telemetryConfigSchema', () => {
  it('reads the service name, version and endpoint', () => {
    const config = loadConfig(telemetryConfigSchema, {
      OTEL_SERVICE_NAME: 'ticket',
      OTEL_SERVICE_VERSION: '1.2.3',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
    expect(config).toEqual({
      OTEL_SERVICE_NAME: 'ticket',
      OTEL_SERVICE_VERSION: '1.2.3',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
  });

  it('leaves export off when the endpoint is unset or empty', () => {
    const config = loadConfig(telemetryConfigSchema, { OTEL_SERVICE_NAME: 'sla', OTEL_EXPORTER_OTLP_ENDPOINT: '' });
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('names the missing service name in one line', () => {
    expect(() => loadConfig(telemetryConfigSchema, {})).toThrow(
      new ConfigError('OTEL_SERVICE_NAME', 'config: OTEL_SERVICE_NAME must be set to the service name (e.g. ticket) (got nothing)'),
    );
  });

  it('rejects an endpoint that is not an http(s) URL', () => {
    expect(() =>
      loadConfig(telemetryConfigSchema, { OTEL_SERVICE_NAME: 'sla', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }),
    ).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be a http\(s\):\/\/ URL/);
  });
});
