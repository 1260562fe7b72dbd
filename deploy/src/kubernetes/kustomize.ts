import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** A Kubernetes object as plain JSON. */
export type KubeObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [key: string]: unknown }; [key: string]: unknown };

interface JsonPatchOp {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: string;
  readonly value?: unknown;
}

interface Kustomization {
  readonly resources?: string[];
  readonly namespace?: string;
  readonly images?: { name: string; newName?: string; newTag?: string }[];
  readonly patches?: { target: { kind?: string; name?: string }; patch: string }[];
  readonly [key: string]: unknown;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);

/**
 * Renders a kustomization the way `kubectl kustomize` does, for the subset of Kustomize this
 * repository uses (resources, namespace, images, JSON 6902 patches with kind/name targets), so
 * that `npm test` needs no kubectl. Anything outside the subset is refused rather than ignored;
 * the tests compare the result with real `kubectl kustomize` where one is installed.
 */
export function kustomize(dir: string): KubeObject[] {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir} has no kustomization.yaml`);
  const k = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) throw new Error(`${file}: unsupported fields ${unsupported.join(', ')}`);

  let objects: KubeObject[] = (k.resources ?? []).flatMap((resource) => {
    const path = join(dir, resource);
    return statSync(path).isDirectory() ? kustomize(path) : readObjects(path);
  });
  for (const patch of k.patches ?? []) {
    const ops = parse(patch.patch) as JsonPatchOp[];
    const targets = objects.filter((o) => (!patch.target.kind || o.kind === patch.target.kind) && (!patch.target.name || new RegExp(`^(?:${patch.target.name})$`).test(o.metadata.name)));
    if (targets.length === 0) throw new Error(`${file}: patch target ${JSON.stringify(patch.target)} matches nothing`);
    objects = objects.map((o) => (targets.includes(o) ? applyPatch(o, ops) : o));
  }
  for (const image of k.images ?? []) objects = objects.map((o) => setImage(o, image));
  if (k.namespace) objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: k.namespace! } }));
  return objects;
}

function readObjects(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]!.message}`);
      return doc.toJS() as KubeObject | null;
    })
    .filter((o): o is KubeObject => o !== null);
}

/** RFC 6902 add/replace/remove on a copy (the only operations the overlays use). */
export function applyPatch<T>(target: T, ops: readonly JsonPatchOp[]): T {
  const copy = structuredClone(target) as unknown;
  for (const { op, path, value } of ops) {
    const tokens = path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop();
    if (last === undefined) throw new Error(`patch path ${path} addresses the whole object`);
    let parent = copy as Record<string, unknown> | unknown[];
    for (const token of tokens) {
      const next = (parent as Record<string, unknown>)[token];
      if (typeof next !== 'object' || next === null) throw new Error(`patch path ${path}: ${token} does not exist`);
      parent = next as Record<string, unknown> | unknown[];
    }
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`patch path ${path}: bad index`);
      if (op === 'add') parent.splice(index, 0, structuredClone(value));
      else if (index >= parent.length) throw new Error(`patch path ${path} does not exist`);
      else if (op === 'replace') parent[index] = structuredClone(value);
      else parent.splice(index, 1);
    } else {
      if (op !== 'add' && !(last in parent)) throw new Error(`patch path ${path} does not exist`);
      if (op === 'remove') delete parent[last];
      else parent[last] = structuredClone(value);
    }
  }
  return copy as T;
}

interface PodTemplateOwner {
  spec?: { template?: { spec?: { containers?: { image?: string }[]; initContainers?: { image?: string }[] } } };
}

function setImage(object: KubeObject, image: { name: string; newName?: string; newTag?: string }): KubeObject {
  const pod = (object as PodTemplateOwner).spec?.template?.spec;
  if (!pod) return object;
  const copy = structuredClone(object);
  const podCopy = (copy as PodTemplateOwner).spec!.template!.spec!;
  for (const container of [...(podCopy.containers ?? []), ...(podCopy.initContainers ?? [])]) {
    const current = container.image ?? '';
    const [name, tag] = splitImage(current);
    if (name !== image.name) continue;
    container.image = `${image.newName ?? name}${image.newTag ? `:${image.newTag}` : tag ? `:${tag}` : ''}`;
  }
  return copy;
}

function splitImage(image: string): [string, string | undefined] {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}
