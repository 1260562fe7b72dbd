import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceSpec } from './service-discovery';
import { announceTicketService, gatewayUsageHint, hintWhenReady, ticketEndpoints, ticketUsageHint } from './usage-hint';

describe('ticket usage hint', () => {
  it('points at the default ports unless the environment moves every service', () => {
    expect(ticketEndpoints({})).toEqual({ grpc: '127.0.0.1:50051', readyz: 'http://127.0.0.1:8081/readyz' });
    expect(ticketEndpoints({ GRPC_PORT: '6000', HTTP_PORT: '6001' })).toEqual({ grpc: '127.0.0.1:6000', readyz: 'http://127.0.0.1:6001/readyz' });
  });

  it('says how to get a token and list tickets with grpcurl or node', () => {
    const lines = ticketUsageHint(ticketEndpoints({}), true);
    expect(lines[0]).toContain('demo data');
    expect(lines.join('\n')).toContain('export TOKEN=$(npm run -s dev-token)');
    expect(lines.join('\n')).toContain('grpcurl -plaintext -H "authorization: Bearer $TOKEN" 127.0.0.1:50051 helpdesk.ticket.v1.TicketService/ListTickets');
    expect(lines.find((line) => line.includes('node -e'))).toContain("('127.0.0.1:50051',");
    expect(ticketUsageHint(ticketEndpoints({}), false)[0]).not.toContain('demo data');
  });

  describe('once ready', () => {
    let server: Server;
    let ready = false;
    let url = '';
    let onRequest = (): void => undefined;
    beforeAll(async () => {
      server = createServer((_, response) => {
        response.writeHead(ready ? 200 : 503).end();
        onRequest();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('logs the hint after /readyz answers 200, not before', async () => {
      ready = false;
      const logged: string[] = [];
      let requests = 0;
      const twoRefused = new Promise<void>((resolve) => {
        onRequest = () => {
          if (++requests === 2) resolve();
        };
      });
      const hinted = hintWhenReady({ grpc: 'x:1', readyz: url }, ['hint'], (line) => logged.push(line), () => false);
      await twoRefused;
      expect(logged).toEqual([]);
      ready = true;
      await hinted;
      expect(logged).toEqual(['hint']);
    });

    it('stays quiet when the supervisor is stopping', async () => {
      ready = false;
      const logged: string[] = [];
      await hintWhenReady({ grpc: 'x:1', readyz: url }, ['hint'], (line) => logged.push(line), () => true);
      expect(logged).toEqual([]);
    });
  });

  it('does nothing without a ticket service', async () => {
    const logged: string[] = [];
    const other = { name: 'billing' } as ServiceSpec;
    await announceTicketService([other], {}, (line) => logged.push(line), () => false);
    expect(logged).toEqual([]);
  });
});

describe('gateway usage hint', () => {
  it('tells how to mail the demo mailbox, ring the demo hotline and watch the monitor', () => {
    const lines = gatewayUsageHint(['ticket', 'mail-gateway', 'telephony-gateway'], {}, true).join('\n');
    expect(lines).toContain('swaks --server 127.0.0.1:2525 --to support@helpdesk.localhost');
    expect(lines).toContain('http://127.0.0.1:8083/cti/0195f3a0-0000-7000-8000-0000000c0001');
    expect(lines).toContain('http://127.0.0.1:8083/monitor/calls');
  });

  it('leaves out the demo mailbox and connection without demo data, and gateways that do not run', () => {
    expect(gatewayUsageHint(['ticket', 'telephony-gateway'], { MAIL_SMTP_PORT: '2626' }, false)).toEqual([
      '  # the hotline monitor (Server-Sent Events):',
      '  curl -N -H "authorization: Bearer $TOKEN" http://127.0.0.1:8083/monitor/calls',
    ]);
    expect(gatewayUsageHint(['ticket'], {}, true)).toEqual([]);
  });
});
