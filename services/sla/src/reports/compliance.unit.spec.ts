import { complianceCsv } from './compliance';

describe('complianceCsv', () => {
  it('writes a header and one CRLF line per row, empty cells for missing ids', () => {
    const csv = complianceCsv([
      { customerId: 'c1', contractId: null, policyId: 'p1', queueId: null, target: 'resolution', tickets: 3, met: 2, breached: 1, open: 0, medianBusinessSeconds: 60, p90BusinessSeconds: 90 },
    ]);
    expect(csv).toBe(
      'customer_id,contract_id,policy_id,queue_id,target,tickets,met,breached,open,median_business_seconds,p90_business_seconds\r\nc1,,p1,,resolution,3,2,1,0,60,90\r\n',
    );
  });
});
