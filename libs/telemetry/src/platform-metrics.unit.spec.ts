import { metricsRegistry } from './metrics-registry';
import { platformMetrics } from './platform-metrics';

describe('platformMetrics', () => {
  it('creates the metrics once and hands out the same objects', () => {
    expect(platformMetrics()).toBe(platformMetrics());
    expect(platformMetrics().consumerLag).toBe(platformMetrics().consumerLag);
  });

  it('registers every metric in the process registry with its labels', async () => {
    const metrics = platformMetrics();
    metrics.outboxBacklog.set({ service: 'ticket' }, 3);
    metrics.consumerHandledTotal.inc({ durable: 'sla-ticket-status', outcome: 'duplicate' });
    metrics.grpcRequestDurationSeconds.observe({ method: '/helpdesk.ticket.v1.TicketService/GetTicket', code: 'OK' }, 0.02);

    const text = await metricsRegistry.metrics();
    expect(text).toContain('helpdesk_outbox_backlog{service="ticket"} 3');
    expect(text).toContain('helpdesk_consumer_handled_total{durable="sla-ticket-status",outcome="duplicate"} 1');
    expect(text).toContain('helpdesk_grpc_request_duration_seconds_count{method="/helpdesk.ticket.v1.TicketService/GetTicket",code="OK"} 1');
    for (const name of [
      'helpdesk_outbox_published_total',
      'helpdesk_outbox_parked_total',
      'helpdesk_outbox_relay_delay_seconds',
      'helpdesk_consumer_lag',
      'helpdesk_consumer_redeliveries_total',
      'helpdesk_handler_duration_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('carries the default Node.js metrics', async () => {
    expect(await metricsRegistry.metrics()).toContain('process_cpu_user_seconds_total');
  });
});
