import type { Actor } from '@helpdesk/contracts';
import type { Asset } from '../assets/asset';
import type { Contract, ContractData } from './contract';
import { decideEntitlement, type EntitlementCandidate } from './entitlement';

const actor: Actor = { kind: 'integration', id: null, displayName: 'erp' };
const at = new Date('2026-01-01T00:00:00.000Z');
const CUSTOMER = '01936a00-1111-7aaa-8bbb-000000000001';
const meta = { version: 1, externalRef: null, active: true, createdAt: at, createdBy: actor, updatedAt: at, updatedBy: actor };

function contract(id: string, over: Partial<ContractData> = {}, active = true): Contract {
  const data: ContractData = {
    customerId: CUSTOMER,
    contractNumber: `V-${id}`,
    name: `Contract ${id}`,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    slaPolicyId: null,
    billingPlanId: null,
    freeSupport: false,
    entitlements: [],
    quotaRef: null,
    ...over,
  };
  return { id, ...meta, active, data };
}

const asset = (warrantyEndsOn: string | null): Asset => ({
  id: 'asset-1',
  ...meta,
  data: { serialNumber: 'SN-1', productName: 'Gateway', productSku: null, customerId: CUSTOMER, supplierId: null, warrantyEndsOn, contractId: null },
});

const specific = (c: Contract): EntitlementCandidate => ({ contract: c, specific: true });
const general = (c: Contract): EntitlementCandidate => ({ contract: c, specific: false });

describe('decideEntitlement', () => {
  const gold = contract('gold', { slaPolicyId: 'sla-gold', billingPlanId: 'plan-gold', validFrom: '2026-01-01', validUntil: '2026-06-30' });

  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-06-30', true],
    ['2026-07-01', false],
  ])('applies a contract valid 2026-01-01..2026-06-30 on %s: %p', (day, applies) => {
    const decision = decideEntitlement({ customerId: CUSTOMER, asset: null }, [specific(gold)], day);
    expect(decision).toMatchObject({ entitled: applies, basis: applies ? 'contract' : 'none', freeSupport: false, onDate: day });
    expect(decision.slaPolicyId).toBe(applies ? 'sla-gold' : null);
    expect(decision.billingPlanId).toBe(applies ? 'plan-gold' : null);
  });

  it('applies an open-ended contract from its first day on, and never an archived one', () => {
    const open = contract('open', { validFrom: '2026-03-01', validUntil: null });
    expect(decideEntitlement({ customerId: CUSTOMER, asset: null }, [general(open)], '2099-01-01').contract?.id).toBe('open');
    expect(decideEntitlement({ customerId: CUSTOMER, asset: null }, [general(open)], '2026-02-28').contract).toBeNull();
    const archived = contract('old', {}, false);
    expect(decideEntitlement({ customerId: CUSTOMER, asset: null }, [specific(archived)], '2026-05-01')).toMatchObject({ entitled: false, basis: 'none' });
  });

  it('gives free support under warranty up to and including its last day, and paid support after', () => {
    const within = decideEntitlement({ customerId: CUSTOMER, asset: asset('2026-06-30') }, [general(gold)], '2026-06-30');
    expect(within).toMatchObject({ entitled: true, freeSupport: true, basis: 'warranty', slaPolicyId: 'sla-gold', assetId: 'asset-1', warrantyEndsOn: '2026-06-30' });
    expect(within.explanation).toContain('under warranty until 2026-06-30');
    const after = decideEntitlement({ customerId: CUSTOMER, asset: asset('2026-06-30') }, [], '2026-07-01');
    expect(after).toMatchObject({ entitled: false, freeSupport: false, basis: 'none', contract: null });
    expect(after.explanation).toContain('warranty ended 2026-06-30');
  });

  it('takes free support from a free contract', () => {
    const goodwill = contract('goodwill', { freeSupport: true });
    expect(decideEntitlement({ customerId: CUSTOMER, asset: asset(null) }, [specific(goodwill)], '2026-05-01')).toMatchObject({ freeSupport: true, basis: 'contract' });
  });

  it('prefers a specific contract, then the most recently started one, then the lowest number', () => {
    const wide = contract('wide', { validFrom: '2026-04-01' });
    const device = contract('device', { validFrom: '2026-01-01' });
    expect(decideEntitlement({ customerId: CUSTOMER, asset: null }, [general(wide), specific(device)], '2026-05-01').contract?.id).toBe('device');
    const older = contract('older', { validFrom: '2025-01-01', validUntil: null });
    expect(decideEntitlement({ customerId: CUSTOMER, asset: null }, [general(older), general(wide)], '2026-05-01').contract?.id).toBe('wide');
    const a = contract('a', { contractNumber: 'V-1' });
    const b = contract('b', { contractNumber: 'V-2' });
    expect(decideEntitlement({ customerId: CUSTOMER, asset: null }, [general(b), general(a)], '2026-05-01').contract?.id).toBe('a');
  });
});
