import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { SERVICES, type DeployedService } from '../platform';
import {
  COMMON_CONFIG,
  NATS_CREDS_DIR,
  NATS_CREDS_FILE,
  PART_OF,
  configName,
  imageOf,
  natsSecretName,
  secretName,
  selectorLabels,
  serviceLabels,
} from './labels';

/** Any object of the base. */
export type Manifest = IServiceAccount | IConfigMap | IDeployment | IService | IPodDisruptionBudget | IHorizontalPodAutoscaler | IJob | INetworkPolicy;

const TCP = 'TCP' as const;
const UDP = 'UDP' as const;
const RUN_AS = 1000; // the `node` user of the image (deploy/images/Dockerfile)

/** The pod spec shared by the Deployment and the migration Job: same image, config and secrets. */
function podSpec(service: DeployedService, container: IContainer, restartPolicy: 'Always' | 'OnFailure'): IPodSpec {
  return {
    serviceAccountName: service.name,
    automountServiceAccountToken: false,
    restartPolicy,
    securityContext: { runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS, fsGroup: RUN_AS, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        image: imageOf(service),
        imagePullPolicy: 'IfNotPresent',
        envFrom: [{ configMapRef: { name: COMMON_CONFIG } }, { configMapRef: { name: configName(service) } }, { secretRef: { name: secretName(service) } }],
        env: [{ name: 'NATS_CREDS', value: NATS_CREDS_FILE }],
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        volumeMounts: [
          { name: 'tmp', mountPath: '/tmp' },
          { name: 'nats-creds', mountPath: NATS_CREDS_DIR, readOnly: true },
        ],
        ...container,
      },
    ],
    volumes: [
      { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
      { name: 'nats-creds', secret: { secretName: natsSecretName(service), defaultMode: 0o400, items: [{ key: 'user.nk', path: 'user.nk' }] } },
    ],
  };
}

function deployment(service: DeployedService): IDeployment {
  const ports = [
    { name: 'grpc', containerPort: service.grpcPort, protocol: TCP },
    { name: 'http', containerPort: service.httpPort, protocol: TCP },
    ...service.extraPorts.map((p) => ({ name: p.name, containerPort: p.port, protocol: TCP })),
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name, labels: serviceLabels(service) },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(service) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: selectorLabels(service),
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(service.httpPort), 'prometheus.io/path': '/metrics' },
        },
        spec: {
          ...podSpec(
            service,
            {
              name: service.name,
              ports,
              // Health endpoints live on the HTTP port; startup covers migrations-free boot plus stream set-up.
              startupProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
              livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
              readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
              resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } },
            },
            'Always',
          ),
          // SIGTERM → stop taking work, finish handlers, flush the outbox (10 s) and telemetry.
          terminationGracePeriodSeconds: 40,
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selectorLabels(service) } },
          ],
        },
      },
    },
  };
}

function migrationJob(service: DeployedService): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${service.name}-migrate`, labels: serviceLabels(service, 'migration') },
    spec: {
      backoffLimit: 6,
      ttlSecondsAfterFinished: 86_400,
      template: {
        metadata: { labels: serviceLabels(service, 'migration') },
        spec: podSpec(
          service,
          { name: 'migrate', args: ['migrate'], resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } },
          'OnFailure',
        ),
      },
    },
  };
}

function service(svc: DeployedService): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svc.name, labels: serviceLabels(svc) },
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(svc),
      ports: [
        { name: 'grpc', port: svc.grpcPort, targetPort: 'grpc', protocol: TCP, appProtocol: 'grpc' },
        { name: 'http', port: svc.httpPort, targetPort: 'http', protocol: TCP, appProtocol: 'http' },
        ...svc.extraPorts.map((p) => ({ name: p.name, port: p.port, targetPort: p.name, protocol: TCP })),
      ],
    },
  };
}

function podDisruptionBudget(svc: DeployedService): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: svc.name, labels: serviceLabels(svc) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(svc) } },
  };
}

function autoscaler(svc: DeployedService): IHorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: svc.name, labels: serviceLabels(svc) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: svc.name },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      // Scale down slowly: consumers rebalance and timers are re-claimed on every change.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
    },
  };
}

function config(svc: DeployedService): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configName(svc), labels: serviceLabels(svc) },
    // Service-specific settings; every variable and its default: deploy/README.md.
    data: {
      GRPC_PORT: String(svc.grpcPort),
      HTTP_PORT: String(svc.httpPort),
      ...Object.fromEntries(svc.extraPorts.map((p) => [p.env, String(p.port)])),
      ...(svc.nodeOptions ? { NODE_OPTIONS: svc.nodeOptions } : {}),
    },
  };
}

function serviceAccount(svc: DeployedService): IServiceAccount {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: svc.name, labels: serviceLabels(svc) }, automountServiceAccountToken: false };
}

const helpdeskPods = { podSelector: { matchLabels: { ...PART_OF } } };
const apiClients = { namespaceSelector: { matchLabels: { 'helpdesk.io/api-access': 'true' } } };
const monitoring = { namespaceSelector: { matchLabels: { 'helpdesk.io/monitoring': 'true' } } };

/**
 * Only the traffic the architecture needs. In: gRPC from the platform's pods and from namespaces
 * labelled `helpdesk.io/api-access=true` (API clients, the ingress controller); metrics from
 * namespaces labelled `helpdesk.io/monitoring=true`; webhooks and SMTP from anywhere where the
 * service takes them. Out: DNS, PostgreSQL, NATS, OTLP, the other services' gRPC, and what the
 * gateways reach outside (mail relay, PBX).
 */
function networkPolicy(svc: DeployedService): INetworkPolicy {
  const tcp = (port: number) => ({ protocol: TCP, port });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: svc.name, labels: serviceLabels(svc) },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': svc.name, ...PART_OF } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [helpdeskPods, apiClients], ports: [tcp(svc.grpcPort)] },
        svc.publicHttp ? { ports: [tcp(svc.httpPort)] } : { from: [monitoring, apiClients], ports: [tcp(svc.httpPort)] },
        ...svc.extraPorts.map((p) => ({ ports: [tcp(p.port)] })),
      ],
      egress: [
        { ports: [{ protocol: UDP, port: 53 }, tcp(53)] },
        { ports: [tcp(5432)] },
        { ports: [tcp(4222)] },
        { ports: [tcp(4317), tcp(4318)] },
        { to: [helpdeskPods], ports: SERVICES.map((s) => tcp(s.grpcPort)) },
        ...(svc.egressPorts.length > 0 ? [{ ports: svc.egressPorts.map((p) => tcp(p.port)) }] : []),
      ],
    },
  };
}

/** Every object of one service, in apply order. */
export function serviceManifests(svc: DeployedService): Manifest[] {
  return [serviceAccount(svc), config(svc), migrationJob(svc), deployment(svc), service(svc), podDisruptionBudget(svc), autoscaler(svc), networkPolicy(svc)];
}
