import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { KubeObject } from './kustomize';

/** A model class of kubernetes-models: constructed from plain data, `validate()` throws on a schema violation. */
type ModelClass = new (data: never) => { validate(): void };

// The kinds the manifests use, validated against the Kubernetes OpenAPI schemas that
// kubernetes-models ships; a kind missing here fails validation instead of passing unchecked.
const MODELS: Record<string, ModelClass> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Validates rendered objects against the API schemas plus what the schemas leave to the API
 * server: names are DNS labels, no two objects share kind and name, Secrets are never part of the
 * manifests (only referenced). Returns one message per problem.
 */
export function validateObjects(objects: readonly KubeObject[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata?.name}`;
    if (object.kind === 'Secret') problems.push(`${id}: secret values do not belong in the repository; reference a Secret instead`);
    const model = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!model) problems.push(`${id}: no schema for ${object.apiVersion} ${object.kind}`);
    else {
      try {
        new model(object as never).validate();
      } catch (error) {
        problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!DNS_LABEL.test(object.metadata?.name ?? '') || object.metadata.name.length > 63) problems.push(`${id}: name is not a DNS label`);
    if (seen.has(id)) problems.push(`${id}: defined twice`);
    seen.add(id);
  }
  return problems;
}
