import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { libTracer } from './lib-tracer';
import { contextFromTraceContext } from './trace-context';

/**
 * Runs `handle` inside a SERVER span that continues the caller's W3C trace context (`traceparent`
 * header) or starts a new trace, and ends it when the response is done. The http instrumentation
 * does this only when it was loaded before `node:http` (`--require @helpdesk/telemetry/register`);
 * services started as `node dist/main.js` load it too late, and a webhook's events would then
 * carry no trace context at all. A span that the instrumentation already started stays the parent.
 */
export function handleInSpan(request: IncomingMessage, response: ServerResponse, handle: (request: IncomingMessage, response: ServerResponse) => void): void {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const active = context.active();
  const parent = trace.getSpan(active) ? active : contextFromTraceContext({ traceparent: header('traceparent'), tracestate: header('tracestate') });
  const path = new URL(request.url ?? '/', 'http://service').pathname;
  const span = libTracer().startSpan(`${request.method ?? 'GET'} ${path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': path } }, parent);
  response.once('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    span.end();
  });
  context.with(trace.setSpan(parent, span), () => handle(request, response));
}
