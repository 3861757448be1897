// Kubernetes manifests: loads every YAML document of deploy/k8s and checks the references between them
// (selectors, probes, ConfigMap/Secret keys, Service/Ingress/HPA targets, kustomization completeness).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { bffEnv, coreApiEnv, images, type Doc } from '../images/image-specs.js';

const k8sDir = dirname(fileURLToPath(import.meta.url));
const read = (path: string) => readFileSync(path, 'utf8');

export const documentedSecret = 'co2-portal-secrets';

export function loadK8s(): { files: Map<string, Doc[]> } {
  const files = new Map<string, Doc[]>();
  for (const file of readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f))) {
    const docs = parseAllDocuments(read(join(k8sDir, file)));
    for (const doc of docs) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    }
    files.set(file, docs.map((d) => d.toJS() as Doc).filter((d) => d !== null));
  }
  return { files };
}

export function configMapData(): Record<string, string> {
  const docs = [...loadK8s().files.values()].flat();
  return docs.find((d) => d.kind === 'ConfigMap' && d.metadata?.name === 'co2-portal-config')?.data ?? {};
}

const subset = (small: Doc | undefined, big: Doc | undefined) =>
  small !== undefined && Object.keys(small).length > 0 && Object.entries(small).every(([k, v]) => big?.[k] === v);

export function checkK8s(files: Map<string, Doc[]>): string[] {
  const problems: string[] = [];
  const kustomization = files.get('kustomization.yaml')?.[0];
  if (!kustomization) return ['k8s: kustomization.yaml missing'];
  const example = files.get('secret.example.yaml') ?? [];
  const secretKeys = new Set(
    example
      .filter((d) => d.kind === 'Secret' && d.metadata?.name === documentedSecret)
      .flatMap((d) => Object.keys({ ...d.stringData, ...d.data })),
  );
  if (secretKeys.size === 0) problems.push(`k8s: secret.example.yaml does not document ${documentedSecret}`);

  const listed = (kustomization.resources ?? []) as string[];
  const manifestFiles = [...files.keys()].filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml');
  for (const file of manifestFiles) if (!listed.includes(file)) problems.push(`k8s: kustomization does not list ${file}`);
  for (const file of listed) if (!files.has(file)) problems.push(`k8s: kustomization lists missing ${file}`);
  if (listed.includes('secret.example.yaml')) problems.push('k8s: kustomization deploys the example secret');

  const docs = listed.flatMap((f) => (files.get(f) ?? []).map((doc) => ({ file: f, doc })));
  for (const { file, doc } of docs) {
    if (!doc.apiVersion || !doc.kind || !doc.metadata?.name) {
      problems.push(`k8s: ${file}: a document lacks apiVersion, kind or metadata.name`);
    }
    if (doc.kind === 'Secret') problems.push(`k8s: ${file}: a Secret with values is deployed from the repository`);
  }
  const ofKind = (kind: string) => docs.map((d) => d.doc).filter((d) => d.kind === kind);
  const deployments = ofKind('Deployment');
  const configMaps = new Map(ofKind('ConfigMap').map((c) => [c.metadata.name as string, c.data ?? {}]));
  const kustomizedImages = new Set((kustomization.images ?? []).map((i: Doc) => i.name as string));

  for (const deployment of deployments) {
    const name = deployment.metadata.name as string;
    const where = `k8s: Deployment ${name}`;
    const template = deployment.spec?.template ?? {};
    if (!subset(deployment.spec?.selector?.matchLabels, template.metadata?.labels)) {
      problems.push(`${where}: selector does not match the template labels`);
    }
    const pod = template.spec ?? {};
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot is not set`);
    const containers = (pod.containers ?? []) as Doc[];
    if (containers.length === 0) problems.push(`${where}: no containers`);
    for (const c of containers) {
      const at = `${where}/${c.name}`;
      if (!c.image) problems.push(`${at}: no image`);
      const imageName = String(c.image).split(':')[0]!;
      if (!kustomizedImages.has(imageName)) problems.push(`${at}: image ${imageName} not in kustomization images`);
      const spec = images.find((i) => `co2-portal/${i.file.replace('.Dockerfile', '')}` === imageName);
      const ports = (c.ports ?? []) as Doc[];
      if (ports.length === 0) problems.push(`${at}: no ports`);
      if (spec && !ports.some((p) => p.containerPort === spec.port)) {
        problems.push(`${at}: containerPort differs from the image's EXPOSE ${spec.port}`);
      }
      for (const probe of ['livenessProbe', 'readinessProbe'] as const) {
        const http = c[probe]?.httpGet;
        if (!http) {
          problems.push(`${at}: no ${probe}`);
          continue;
        }
        const portOk = typeof http.port === 'number' ? ports.some((p) => p.containerPort === http.port) : ports.some((p) => p.name === http.port);
        if (!portOk) problems.push(`${at}: ${probe} port ${http.port} is not a container port`);
        const expected = name === 'web' ? '/' : probe === 'livenessProbe' ? '/healthz' : '/readyz';
        if (http.path !== expected) problems.push(`${at}: ${probe} path ${http.path}, expected ${expected}`);
      }
      for (const kind of ['requests', 'limits'] as const) {
        if (!c.resources?.[kind]?.cpu || !c.resources?.[kind]?.memory) problems.push(`${at}: resources.${kind} incomplete`);
      }
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
      const names = ((c.env ?? []) as Doc[]).map((e) => e.name as string);
      const required = name === 'bff' ? [...bffEnv, 'REMOTES_REGISTRY'] : name === 'core-api' ? coreApiEnv : [];
      for (const key of required) if (!names.includes(key)) problems.push(`${at}: env ${key} missing`);
      for (const env of (c.env ?? []) as Doc[]) {
        const cm = env.valueFrom?.configMapKeyRef;
        if (cm && !(configMaps.get(cm.name) && cm.key in configMaps.get(cm.name)!)) {
          problems.push(`${at}: env ${env.name} refers to missing ConfigMap key ${cm.name}/${cm.key}`);
        }
        const secret = env.valueFrom?.secretKeyRef;
        if (secret && (secret.name !== documentedSecret || !secretKeys.has(secret.key))) {
          problems.push(`${at}: env ${env.name} refers to undocumented secret key ${secret.name}/${secret.key}`);
        }
      }
      for (const from of (c.envFrom ?? []) as Doc[]) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name)) {
          problems.push(`${at}: envFrom refers to missing ConfigMap ${from.configMapRef.name}`);
        }
        if (from.secretRef && from.secretRef.name !== documentedSecret) {
          problems.push(`${at}: envFrom refers to undocumented Secret ${from.secretRef.name}`);
        }
      }
    }
  }

  const podsOf = (selector: Doc | undefined) =>
    deployments.filter((d) => subset(selector, d.spec?.template?.metadata?.labels));
  const services = ofKind('Service');
  for (const service of services) {
    const where = `k8s: Service ${service.metadata.name}`;
    const targets = podsOf(service.spec?.selector);
    if (targets.length === 0) {
      problems.push(`${where}: selector matches no Deployment`);
      continue;
    }
    const containerPorts = targets.flatMap((d) => d.spec.template.spec.containers.flatMap((c: Doc) => c.ports ?? []));
    for (const port of (service.spec?.ports ?? []) as Doc[]) {
      const target = port.targetPort ?? port.port;
      const found = containerPorts.some((p: Doc) => (typeof target === 'number' ? p.containerPort === target : p.name === target));
      if (!found) problems.push(`${where}: targetPort ${target} is not a container port`);
    }
  }

  const ingresses = ofKind('Ingress');
  if (ingresses.length === 0) problems.push('k8s: no Ingress');
  const routed = new Map<string, string>();
  for (const ingress of ingresses) {
    const where = `k8s: Ingress ${ingress.metadata.name}`;
    if (ingress.spec?.ingressClassName !== 'nginx') problems.push(`${where}: ingressClassName is not nginx`);
    const annotations = ingress.metadata.annotations ?? {};
    const wanted: Record<string, string> = {
      'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
      'nginx.ingress.kubernetes.io/proxy-body-size': '100m',
    };
    for (const [key, value] of Object.entries(wanted)) {
      if (annotations[key] !== value) problems.push(`${where}: annotation ${key} should be ${value}`);
    }
    if (!(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']) >= 300)) {
      problems.push(`${where}: proxy-read-timeout too short for SSE`);
    }
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        const service = services.find((s) => s.metadata.name === backend?.name);
        if (!service) {
          problems.push(`${where}: ${path.path} → unknown Service ${backend?.name}`);
          continue;
        }
        const portOk = (service.spec.ports as Doc[]).some((p) =>
          backend.port?.name !== undefined ? p.name === backend.port.name : p.port === backend.port?.number,
        );
        if (!portOk) problems.push(`${where}: ${path.path} → ${backend.name} on a port the Service lacks`);
        routed.set(path.path, backend.name);
      }
    }
  }
  for (const [path, service] of Object.entries({ '/api': 'bff', '/auth': 'bff', '/bff': 'bff', '/portal': 'bff', '/': 'web' })) {
    if (routed.get(path) !== service) problems.push(`k8s: Ingress path ${path} should go to ${service}`);
  }

  const hpas = ofKind('HorizontalPodAutoscaler');
  for (const hpa of hpas) {
    const where = `k8s: HPA ${hpa.metadata.name}`;
    if (hpa.apiVersion !== 'autoscaling/v2') problems.push(`${where}: apiVersion is not autoscaling/v2`);
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const target = deployments.find((d) => d.metadata.name === ref.name);
    if (ref.kind !== 'Deployment' || !target) problems.push(`${where}: scaleTargetRef names no Deployment`);
    else if (target.spec?.replicas !== undefined) {
      problems.push(`${where}: Deployment ${ref.name} sets replicas, which every apply would reset under the HPA`);
    }
    const cpuTarget = (hpa.spec?.metrics ?? []).some((m: Doc) => m.resource?.name === 'cpu');
    const requestsCpu = (target?.spec?.template?.spec?.containers ?? []).every((c: Doc) => c.resources?.requests?.cpu);
    if (cpuTarget && !requestsCpu) problems.push(`${where}: CPU utilisation needs resources.requests.cpu on ${ref.name}`);
    if (!(hpa.spec?.minReplicas <= hpa.spec?.maxReplicas)) problems.push(`${where}: minReplicas > maxReplicas`);
  }
  for (const name of ['bff', 'core-api']) {
    if (!hpas.some((h) => h.spec?.scaleTargetRef?.name === name)) problems.push(`k8s: no HPA for ${name}`);
  }
  for (const pdb of ofKind('PodDisruptionBudget')) {
    if (podsOf(pdb.spec?.selector?.matchLabels).length === 0) {
      problems.push(`k8s: PodDisruptionBudget ${pdb.metadata.name} selects no Deployment`);
    }
  }
  return problems;
}
