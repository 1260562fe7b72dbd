import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { COMMON_CONFIG, PART_OF } from './labels';

/** Settings every service shares; secrets (DATABASE_URL, AUTH_JWT_SECRET …) are in per-service Secrets. */
export function commonConfig(): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: COMMON_CONFIG, labels: { ...PART_OF } },
    data: {
      NATS_URL: 'nats://nats:4222',
      LOG_LEVEL: 'info',
      // The migration Jobs apply schema changes; pods only report not-ready until they are done.
      MIGRATE_ON_START: 'false',
      EVENT_RETENTION: '30d',
      EVENT_DUPLICATE_WINDOW: '2m',
      CONSUMER_MAX_DELIVER: '5',
      // Replace with your identity provider's JWKS (an overlay patch); AUTH_ISSUER/AUTH_AUDIENCE as needed.
      AUTH_JWKS_URL: 'https://login.example.com/.well-known/jwks.json',
    },
  };
}

/** Denies everything the per-service policies do not allow, for every pod of the platform. */
export function defaultDeny(): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'helpdesk-default-deny', labels: { ...PART_OF } },
    spec: { podSelector: { matchLabels: { ...PART_OF } }, policyTypes: ['Ingress', 'Egress'] },
  };
}
