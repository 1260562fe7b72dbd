import type { PackageDefinition } from '@grpc/proto-loader';

/**
 * The fully qualified names of the services declared directly in `packages`
 * (`helpdesk.ticket.v1.TicketService`), in definition order.
 */
export function servicesIn(definition: PackageDefinition, packages: readonly string[]): string[] {
  return Object.entries(definition)
    .filter(([name, entry]) => !('format' in entry) && packages.some((pkg) => isDirectChild(name, pkg)))
    .map(([name]) => name);
}

function isDirectChild(name: string, pkg: string): boolean {
  return name.startsWith(`${pkg}.`) && !name.slice(pkg.length + 1).includes('.');
}
