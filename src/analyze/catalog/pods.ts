// The pod scope of a catalog match (`pods: "sidecar" | "ambient"`): which pod templates get Istio's sidecar, and
// which ones ztunnel captures, as far as the repository tells. One place for the injector's and the CNI's skip rules,
// instead of a copy of (some of) them in every entry's conditions.
import type { PodScope } from '../../knowledge/catalog.js'
import { isMap, podTemplatePath, valueAt, WORKLOAD_KINDS } from './paths.js'

/** What a pod template says about itself (the workload's written namespace included). */
export interface PodFacts {
  /** metadata.namespace of the workload, when written. */
  namespace?: string
  hostNetwork: boolean
  /** The `sidecar.istio.io/inject` label, or the annotation when there is no label, lower-cased ('' = neither). */
  inject: string
  /** The `sidecar.istio.io/inject` LABEL is exactly "true" (the object-selector webhook's `In ["true"]`; "True" or "yes" is not selected). */
  injectLabelTrue: boolean
  /** The pod carries an `istio.io/rev` label (the revision webhooks select on it). */
  revLabel: boolean
  /** The pod's `istio.io/dataplane-mode` label. */
  dataplaneMode?: string
}

/** A Namespace's labels the injector's webhooks and the CNI agent select on. */
export interface NamespaceFacts {
  injection?: string
  rev: boolean
  dataplaneMode?: string
}

/** Istio's pkg/kube/inject `IgnoredNamespaces`: the injector never changes pods there. */
const NEVER_INJECTED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'])
/** The istio-cni chart's default `excludeNamespaces`: the CNI agent never captures pods there. */
const NEVER_CAPTURED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system'])
const INJECT_TRUE: ReadonlySet<string> = new Set(['y', 'yes', 'true', 'on'])

function text(v: unknown): string | undefined {
  return v === undefined || v === null || typeof v === 'object' ? undefined : String(v)
}

/** The pod facts of a workload document (Pod, or the pod template of a Deployment, CronJob, …); undefined for other kinds. */
export function podFactsOf(value: unknown, kind: string | undefined): PodFacts | undefined {
  if (kind === undefined || !WORKLOAD_KINDS.has(kind) || !isMap(value)) return undefined
  const template = podTemplatePath(kind)
  const base = template === '' ? [] : template.split('.')
  return podFactsAt(valueAt(value, [...base, 'metadata']), valueAt(value, [...base, 'spec']), valueAt(value, ['metadata', 'namespace']))
}

/** The pod facts of a pod template's metadata and spec, with the workload's written `metadata.namespace`. */
export function podFactsAt(metadata: unknown, spec: unknown, written: unknown): PodFacts {
  const labels = isMap(metadata) && isMap(metadata.labels) ? metadata.labels : {}
  const annotations = isMap(metadata) && isMap(metadata.annotations) ? metadata.annotations : {}
  const injectLabel = text(labels['sidecar.istio.io/inject'])
  const inject = ('sidecar.istio.io/inject' in labels ? injectLabel : text(annotations['sidecar.istio.io/inject'])) ?? ''
  const namespace = text(written)
  const mode = text(labels['istio.io/dataplane-mode'])
  return {
    ...(namespace ? { namespace } : {}),
    hostNetwork: isMap(spec) && spec.hostNetwork === true,
    inject: inject.toLowerCase(),
    injectLabelTrue: injectLabel === 'true',
    revLabel: text(labels['istio.io/rev']) !== undefined,
    ...(mode !== undefined ? { dataplaneMode: mode } : {})
  }
}

/** The labels of a v1 Namespace document that decide its pods' data plane; undefined for any other document. */
export function namespaceFactsOf(value: unknown, kind: string | undefined, apiVersion: string | undefined): { name: string; facts: NamespaceFacts } | undefined {
  if (kind !== 'Namespace' || apiVersion !== 'v1' || !isMap(value) || !isMap(value.metadata)) return undefined
  const name = text(value.metadata.name)
  if (!name) return undefined
  const labels = isMap(value.metadata.labels) ? value.metadata.labels : {}
  const injection = text(labels['istio-injection'])
  const mode = text(labels['istio.io/dataplane-mode'])
  return { name, facts: { ...(injection !== undefined ? { injection } : {}), rev: text(labels['istio.io/rev']) !== undefined, ...(mode !== undefined ? { dataplaneMode: mode } : {}) } }
}

/**
 * The injector's own skip rules (istio/istio pkg/kube/inject/webhook.go `injectRequired`): host network, an ignored
 * namespace, or a `sidecar.istio.io/inject` label (the annotation when there is no label) other than y/yes/true/on.
 */
export function injectorSkips(pod: PodFacts): boolean {
  if (pod.hostNetwork) return true
  if (pod.namespace !== undefined && NEVER_INJECTED_NAMESPACES.has(pod.namespace)) return true
  return pod.inject !== '' && !INJECT_TRUE.has(pod.inject)
}

/**
 * Whether the pod gets the sidecar. `ns`: its Namespace in the repository, or undefined when the repository has none
 * of that name (or the workload writes no namespace), which is taken to inject. The webhooks of the istiod chart
 * (templates/mutatingwebhook.yaml) see a pod when its Namespace has `istio-injection: enabled`, or has no
 * `istio-injection` label and an `istio.io/rev` one, or has neither and the pod carries a `sidecar.istio.io/inject: "true"`
 * or `istio.io/rev` label; any other `istio-injection` value (disabled) keeps every webhook away.
 */
export function getsSidecar(pod: PodFacts, ns: NamespaceFacts | undefined): boolean {
  if (injectorSkips(pod)) return false
  if (ns === undefined) return true
  if (ns.injection !== undefined) return ns.injection === 'enabled'
  return ns.rev || pod.injectLabelTrue || pod.revLabel
}

/**
 * Whether ztunnel captures the pod (istio/istio cni/pkg/util/podutil.go `PodRedirectionEnabled`, the cni chart's
 * `excludeNamespaces: [kube-system]`): the pod or its Namespace says `istio.io/dataplane-mode: ambient`, the pod label is
 * not `none`, it is not on the host network or in kube-system, and it gets no sidecar, which the repository tells
 * by the pod's own `istio.io/rev` or inject-true label or by its Namespace. A Namespace the repository does not hold
 * may be ambient: such a pod counts as captured.
 */
export function capturedByZtunnel(pod: PodFacts, ns: NamespaceFacts | undefined): boolean {
  if (pod.hostNetwork || pod.dataplaneMode === 'none') return false
  if (pod.namespace !== undefined && NEVER_CAPTURED_NAMESPACES.has(pod.namespace)) return false
  const sidecar = ns === undefined ? !injectorSkips(pod) && (pod.injectLabelTrue || pod.revLabel) : getsSidecar(pod, ns)
  if (sidecar) return false
  if (pod.dataplaneMode === 'ambient') return true
  return ns === undefined || ns.dataplaneMode === 'ambient'
}

/** Whether a pod is in a match's scope, given its Namespace in the repository (undefined: not there). */
export function inPodScope(scope: PodScope, pod: PodFacts, ns: NamespaceFacts | undefined): boolean {
  return scope === 'sidecar' ? getsSidecar(pod, ns) : capturedByZtunnel(pod, ns)
}

/** Whether the pod is out of scope whatever its Namespace says (decided per document, before the repository is known). */
export function outOfScopeAnyway(scope: PodScope, pod: PodFacts): boolean {
  if (scope === 'sidecar') return injectorSkips(pod)
  return pod.hostNetwork || pod.dataplaneMode === 'none' || (pod.namespace !== undefined && NEVER_CAPTURED_NAMESPACES.has(pod.namespace))
}
