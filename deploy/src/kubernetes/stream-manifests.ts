import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { STREAMS } from '@helpdesk/contracts';
import { streamDefinition } from '../nats/stream-definitions';
import { PART_OF } from './labels';

/** nats-box carries the `nats` CLI; pinned like every image. */
export const NATS_BOX_IMAGE = 'natsio/nats-box:0.14.5';

const labels = { 'app.kubernetes.io/name': 'nats-streams', 'app.kubernetes.io/component': 'setup', ...PART_OF };

// Adds a missing stream or brings an existing one to the file's configuration (replicas included).
const SCRIPT = [
  'set -eu',
  'for file in /streams/*.json; do',
  '  name=$(basename "$file" .json)',
  '  if nats stream info "$name" >/dev/null 2>&1; then',
  '    nats stream edit "$name" --config "$file" --force',
  '  else',
  '    nats stream add "$name" --config "$file"',
  '  fi',
  'done',
].join('\n');

/**
 * The stream definitions as a ConfigMap and a Job that applies them with the ops user's nkey
 * (Secret `helpdesk-nats-ops`, key `user.nk`), before the services first start.
 */
export function streamManifests(replicas: number): (IConfigMap | IJob | INetworkPolicy)[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'helpdesk-nats-streams', labels },
      data: Object.fromEntries(STREAMS.map((s) => [`${s.name}.json`, `${JSON.stringify(streamDefinition(s, replicas), null, 2)}\n`])),
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'helpdesk-nats-streams', labels },
      spec: {
        backoffLimit: 10,
        ttlSecondsAfterFinished: 86_400,
        template: {
          metadata: { labels },
          spec: {
            restartPolicy: 'OnFailure',
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'streams',
                image: NATS_BOX_IMAGE,
                command: ['/bin/sh', '-c', SCRIPT],
                env: [
                  { name: 'NATS_URL', valueFrom: { configMapKeyRef: { name: 'helpdesk-common', key: 'NATS_URL' } } },
                  { name: 'NATS_NKEY', value: '/var/run/secrets/helpdesk/nats/user.nk' },
                  // The CLI keeps its context under $HOME; the root filesystem is read-only.
                  { name: 'HOME', value: '/tmp' },
                ],
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
                volumeMounts: [
                  { name: 'streams', mountPath: '/streams', readOnly: true },
                  { name: 'nats-creds', mountPath: '/var/run/secrets/helpdesk/nats', readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            volumes: [
              { name: 'streams', configMap: { name: 'helpdesk-nats-streams' } },
              { name: 'nats-creds', secret: { secretName: 'helpdesk-nats-ops', defaultMode: 0o400 } },
              { name: 'tmp', emptyDir: {} },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'helpdesk-nats-streams', labels },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'nats-streams', ...PART_OF } },
        policyTypes: ['Ingress', 'Egress'],
        egress: [{ ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }, { ports: [{ protocol: 'TCP', port: 4222 }] }],
      },
    },
  ];
}
