import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generatedFiles } from '../src/generated-files';
import { kustomize, type KubeObject } from '../src/kubernetes/kustomize';
import { validateObjects } from '../src/kubernetes/validate-objects';
import { SERVICES } from '../src/platform';

const DEPLOY = join(__dirname, '..');
const OVERLAYS = ['dev', 'production'] as const;

type Container = { name: string; image: string; args?: string[]; ports?: { name: string; containerPort: number }[]; [key: string]: unknown };
type PodSpec = { containers: Container[]; securityContext: Record<string, unknown>; volumes: { name: string; secret?: { secretName: string } }[] };

const find = (objects: KubeObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found as KubeObject & { spec: Record<string, unknown> & { template: { spec: PodSpec } } };
};

/**
 * `kubectl kustomize` when a kubectl with Kustomize v5 is on PATH (CI's fresh machine has none;
 * Debian's kubernetes-client 1.20 embeds Kustomize v2, which predates the `patches` field).
 */
function kubectlKustomize(dir: string): KubeObject[] | undefined {
  const version = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 30_000 });
  const kustomizeMajor = Number(/Kustomize Version: v(\d+)/.exec(version.stdout ?? '')?.[1] ?? 0);
  if (version.error || kustomizeMajor < 5) return undefined;
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 });
  if (run.error || run.status !== 0) return undefined;
  return parseAllDocuments(run.stdout).map((d) => d.toJS() as KubeObject);
}

const sortKey = (o: KubeObject) => `${o.kind}/${o.metadata.name}`;

describe('Kubernetes manifests', () => {
  it('are exactly what the generator writes (run `npm run generate -w @helpdesk/deploy` after changing it)', () => {
    for (const [path, content] of generatedFiles()) expect({ path, content: readFileSync(join(DEPLOY, path), 'utf8') }).toEqual({ path, content });
  });

  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    const objects = kustomize(join(DEPLOY, 'kubernetes/overlays', overlay));

    it('renders objects that validate against the Kubernetes API schemas', () => {
      expect(validateObjects(objects)).toEqual([]);
      expect(objects.every((o) => o.metadata.namespace === (overlay === 'production' ? 'helpdesk' : 'helpdesk-dev'))).toBe(true);
    });

    it('renders the same as kubectl kustomize, where kubectl is installed', () => {
      const reference = kubectlKustomize(join(DEPLOY, 'kubernetes/overlays', overlay));
      if (!reference) return; // no kubectl with Kustomize v5: the schema validation above still ran
      const ours = [...objects].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      expect(ours).toEqual([...reference].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    });

    it.each(SERVICES.map((s) => [s.name, s] as const))('runs %s with probes, limits, a locked-down pod, PDB, HPA, migration Job and network policy', (name, service) => {
      const deployment = find(objects, 'Deployment', name);
      const pod = deployment.spec.template.spec;
      const container = pod.containers[0]!;
      expect(container.image).toMatch(new RegExp(`/helpdesk/${name}:[\\w.-]+$`));
      expect(container).toMatchObject({
        livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
        readinessProbe: { httpGet: { path: '/readyz', port: 'http' } },
        resources: { requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { cpu: expect.any(String), memory: expect.any(String) } },
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        env: [{ name: 'NATS_CREDS', value: '/var/run/secrets/helpdesk/nats/user.nk' }],
      });
      expect(container.ports?.map((p) => p.containerPort)).toEqual([service.grpcPort, service.httpPort, ...service.extraPorts.map((p) => p.port)]);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.volumes.find((v) => v.name === 'nats-creds')?.secret?.secretName).toBe(`helpdesk-${name}-nats`);
      expect(deployment.spec.template).toMatchObject({ metadata: { annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(service.httpPort) } } });

      expect(find(objects, 'Service', name).spec).toMatchObject({ ports: expect.arrayContaining([expect.objectContaining({ name: 'grpc', port: service.grpcPort }), expect.objectContaining({ name: 'http', port: service.httpPort })]) });
      expect(find(objects, 'PodDisruptionBudget', name).spec).toMatchObject({ selector: deployment.spec['selector'] });
      expect(find(objects, 'HorizontalPodAutoscaler', name).spec).toMatchObject({ scaleTargetRef: { kind: 'Deployment', name } });
      const job = find(objects, 'Job', `${name}-migrate`).spec.template.spec;
      expect(job.containers[0]).toMatchObject({ image: container.image, args: ['migrate'] });

      const policy = find(objects, 'NetworkPolicy', name).spec as unknown as { ingress: { ports: { port: number }[] }[] };
      const open = policy.ingress.flatMap((rule) => rule.ports.map((p) => p.port));
      expect(open.sort()).toEqual(container.ports!.map((p) => p.containerPort).sort());
    });

    it('sets up the JetStream streams before the services with the overlay’s replica count', () => {
      const config = find(objects, 'ConfigMap', 'helpdesk-nats-streams') as unknown as { data: Record<string, string> };
      const replicas = Object.values(config.data).map((json) => (JSON.parse(json) as { num_replicas: number }).num_replicas);
      expect(new Set(replicas)).toEqual(new Set([overlay === 'production' ? 3 : 1]));
      expect(find(objects, 'Job', 'helpdesk-nats-streams').spec.template.spec.volumes).toContainEqual(expect.objectContaining({ secret: expect.objectContaining({ secretName: 'helpdesk-nats-ops' }) }));
    });
  });

  it('takes SMTP from the internet only in production, through a load balancer', () => {
    const production = kustomize(join(DEPLOY, 'kubernetes/overlays/production'));
    expect(find(production, 'Service', 'mail-gateway-smtp').spec).toMatchObject({ type: 'LoadBalancer', ports: [{ port: 25, targetPort: 'smtp' }] });
    expect(kustomize(join(DEPLOY, 'kubernetes/overlays/dev')).some((o) => o.metadata.name === 'mail-gateway-smtp')).toBe(false);
  });

  it('reports schema violations, secret values and unknown kinds', () => {
    const broken: KubeObject[] = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'broken' }, spec: { selector: {}, template: { spec: { containers: [{ image: 'x:1' }] } } } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leaked' }, stringData: { DATABASE_URL: 'postgres://u:p@h/d' } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'Not_A_Label' } },
    ];
    const problems = validateObjects(broken).join('\n');
    expect(problems).toMatch(/Deployment\/broken: .*must have required property name/);
    expect(problems).toMatch(/Secret\/leaked: secret values do not belong/);
    expect(problems).toMatch(/Widget\/Not_A_Label: no schema/);
    expect(problems).toMatch(/Widget\/Not_A_Label: name is not a DNS label/);
  });
});
