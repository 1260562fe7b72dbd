import { SERVICES } from '../platform';
import { stringify } from 'yaml';
import { IMAGE_TAG, selectorLabels } from './labels';

/** A JSON 6902 patch of the objects a target selects, as kustomize's `patches:` takes it. */
interface Patch {
  readonly target: { readonly kind: string; readonly name?: string };
  readonly ops: readonly { readonly op: 'add' | 'replace' | 'remove'; readonly path: string; readonly value?: unknown }[];
}

/** One overlay's kustomization.yaml content. */
export interface Overlay {
  readonly name: string;
  readonly namespace: string;
  readonly resources: readonly string[];
  readonly registry: string;
  readonly tag: string;
  readonly patches: readonly Patch[];
}

const replicas = (min: number, max: number): Patch[] => [
  { target: { kind: 'Deployment' }, ops: [{ op: 'replace', path: '/spec/replicas', value: min }] },
  {
    target: { kind: 'HorizontalPodAutoscaler' },
    ops: [
      { op: 'replace', path: '/spec/minReplicas', value: min },
      { op: 'replace', path: '/spec/maxReplicas', value: max },
    ],
  },
];

/** The two overlays: a one-replica development namespace and a production namespace with R3 streams. */
export const OVERLAYS: readonly Overlay[] = [
  {
    name: 'dev',
    namespace: 'helpdesk-dev',
    resources: ['../../base', '../../nats-streams/r1'],
    registry: 'localhost:5000/helpdesk',
    tag: 'dev',
    patches: [
      ...replicas(1, 2),
      { target: { kind: 'PodDisruptionBudget' }, ops: [{ op: 'replace', path: '/spec/maxUnavailable', value: 1 }] },
      { target: { kind: 'ConfigMap', name: 'helpdesk-common' }, ops: [{ op: 'replace', path: '/data/LOG_LEVEL', value: 'debug' }] },
    ],
  },
  {
    name: 'production',
    namespace: 'helpdesk',
    resources: ['../../base', '../../nats-streams/r3', 'mail-gateway-smtp.yaml'],
    registry: 'registry.example.com/helpdesk',
    tag: IMAGE_TAG,
    patches: [
      ...replicas(3, 10),
      {
        target: { kind: 'Deployment' },
        ops: [
          { op: 'replace', path: '/spec/template/spec/containers/0/resources', value: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '2', memory: '1Gi' } } },
        ],
      },
      // Knowledge keeps its search index in memory (~0.9 KB per article: ~880 MB RSS at 1 M articles),
      // so it gets room for a million-article base; KNOWLEDGE_SEARCH_INDEX=off needs the 1 Gi of the others.
      {
        target: { kind: 'Deployment', name: 'knowledge' },
        ops: [
          { op: 'replace', path: '/spec/template/spec/containers/0/resources', value: { requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } } },
        ],
      },
      // Spread each service's replicas over zones as well as nodes.
      ...SERVICES.map(
        (s): Patch => ({
          target: { kind: 'Deployment', name: s.name },
          ops: [
            {
              op: 'add',
              path: '/spec/template/spec/topologySpreadConstraints/-',
              value: { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selectorLabels(s) } },
            },
          ],
        }),
      ),
      { target: { kind: 'ConfigMap', name: 'helpdesk-common' }, ops: [{ op: 'replace', path: '/data/NATS_URL', value: 'nats://nats.nats.svc:4222' }] },
    ],
  },
];

/** kustomization.yaml of an overlay. */
export function kustomization(overlay: Overlay): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: overlay.namespace,
    resources: [...overlay.resources],
    images: SERVICES.map((s) => ({ name: `helpdesk/${s.name}`, newName: `${overlay.registry}/${s.name}`, newTag: overlay.tag })),
    patches: overlay.patches.map((p) => ({ target: { ...p.target }, patch: stringify(p.ops) })),
  };
}
