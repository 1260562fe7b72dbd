import type { DeployedService } from '../platform';

/** Label every object of the platform carries; network policies select peers by it. */
export const PART_OF = { 'app.kubernetes.io/part-of': 'helpdesk' } as const;

/** The labels that select one service's pods (stable: Deployment selectors are immutable). */
export function selectorLabels(service: DeployedService): Record<string, string> {
  return { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': 'server', ...PART_OF };
}

/** Labels of a service's objects. */
export function serviceLabels(service: DeployedService, component = 'server'): Record<string, string> {
  return { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': component, ...PART_OF };
}

/** The release the base manifests name; overlays pin their own with `images:`. */
export const IMAGE_TAG = '0.1.0';

/** The image reference the base uses; overlays rewrite registry and tag with `images:`. */
export function imageOf(service: DeployedService): string {
  return `helpdesk/${service.name}:${IMAGE_TAG}`;
}

/** Where the NATS nkey seed of a service is mounted; `NATS_CREDS` points at it. */
export const NATS_CREDS_DIR = '/var/run/secrets/helpdesk/nats';
export const NATS_CREDS_FILE = `${NATS_CREDS_DIR}/user.nk`;

/** Names of the Secrets an operator creates (deploy/README.md); the repository holds no values. */
export const secretName = (service: DeployedService) => `helpdesk-${service.name}`;
export const natsSecretName = (service: DeployedService) => `helpdesk-${service.name}-nats`;
export const COMMON_CONFIG = 'helpdesk-common';
export const configName = (service: DeployedService) => `helpdesk-${service.name}`;
