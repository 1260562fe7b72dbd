import { AuthError } from './auth.errors';
import type { Caller } from './caller';
import { scopeOf } from './customer-scope';
import { requireRole } from './require-role';

const agent: Caller = { kind: 'staff', subject: 'a', roles: ['agent'] };
const customer: Caller = { kind: 'customer', subject: 'c', customerId: 'cust-1', contactId: 'cont-1' };

describe('requireRole', () => {
  it('passes when the caller holds one of the allowed roles', () => {
    expect(() => requireRole(agent, ['agent', 'admin'], 'TicketService/AssignTicket')).not.toThrow();
    expect(() => requireRole(customer, ['agent', 'customer'], 'TicketService/GetTicket')).not.toThrow();
  });

  it('denies with a message naming the role and the action', () => {
    expect(() => requireRole(customer, ['agent', 'admin'], 'TicketService/AssignTicket')).toThrow(
      new AuthError('PERMISSION_DENIED', 'role customer may not call TicketService/AssignTicket'),
    );
    const integrationAgent: Caller = { kind: 'staff', subject: 'i', roles: ['agent', 'integration'] };
    expect(() => requireRole(integrationAgent, ['admin'], 'BillingService/IssueStatement')).toThrow(
      'roles agent, integration may not call BillingService/IssueStatement',
    );
  });
});

describe('scopeOf', () => {
  it('gives staff every customer and a customer only their own', () => {
    expect(scopeOf(agent)).toEqual({ kind: 'all' });
    expect(scopeOf(customer)).toEqual({ kind: 'customer', customerId: 'cust-1', contactId: 'cont-1' });
  });
});
