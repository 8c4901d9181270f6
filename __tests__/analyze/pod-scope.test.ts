// The pod scope of catalog matches (`pods: "sidecar" | "ambient"`, src/analyze/catalog/pods.ts): one place for the
// sidecar injector's and ztunnel's skip rules, read from the pod template and from its Namespace wherever the
// repository holds it. Two entries stand for the scopes: istio-1.21-extra-stat-tags-deprecated (sidecar, a notice on
// every target from 1.21) and istio-1.24-bypass-inbound-capture-annotation (ambient, a warning on targets before 1.24).
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import { mayHoldPairingFacts } from '../../src/analyze/catalog/cross-object.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { CATALOG, validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const SIDECAR = 'istio-1.21-extra-stat-tags-deprecated'
const AMBIENT = 'istio-1.24-bypass-inbound-capture-annotation'

interface Pod {
  namespace?: string
  labels?: string[]
  annotations?: string[]
  hostNetwork?: boolean
}

const deployment = (p: Pod, annotation: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    ...(p.namespace ? [`  namespace: ${p.namespace}`] : []),
    'spec:',
    '  template:',
    '    metadata:',
    ...(p.labels?.length ? ['      labels:', ...p.labels.map((l) => `        ${l}`)] : []),
    '      annotations:',
    `        ${annotation}`,
    ...(p.annotations ?? []).map((a) => `        ${a}`),
    '    spec:',
    ...(p.hostNetwork ? ['      hostNetwork: true'] : []),
    '      containers:',
    '      - name: app',
    '        image: app',
    ''
  ].join('\n')

const STATS = 'sidecar.istio.io/extraStatTags: foo'
const BYPASS = 'ambient.istio.io/bypass-inbound-capture: "true"'
const namespace = (name: string, labels: string[]): string =>
  ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`, ...(labels.length ? ['  labels:', ...labels.map((l) => `    ${l}`)] : []), ''].join('\n')

/**
 * The catalog findings of `deploy.yaml` as a pull request touching only it sees them: the other files are the
 * repository's untouched files, parsed as pairing context (as `check <file> --repo <dir>` reads them), then settled.
 */
function onPullRequest(text: string, others: Record<string, string>, target: string): string[] {
  const file = parseManifestFile('k8s/deploy.yaml', text)
  expect(file.problems).toEqual([])
  const context = Object.entries(others).map(([path, t]) => {
    // The CLI parses an untouched file as context only when its text may hold such facts.
    expect(mayHoldPairingFacts(t)).toBe(true)
    return parseManifestFile(path, t)
  })
  const ctx: AnalysisContext = { target: parseRelease(target), files: [file], pairingFiles: context }
  const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return at(catalogAnalyzer.settle!(found, ctx))
}

describe('pod scope "sidecar": only pods that get the sidecar', () => {
  it('trips on a pod with no say of its own whose Namespace the repository does not hold (taken to inject)', () => {
    const text = deployment({ namespace: 'apps' }, STATS)
    expect(at(of(run('k8s/deploy.yaml', text, '1.21'), SIDECAR))).toEqual([`k8s/deploy.yaml:${lineOf(text, 'extraStatTags')} notice`])
    expect(onPullRequest(text, {}, '1.21')).toEqual([`k8s/deploy.yaml:${lineOf(text, 'extraStatTags')} notice`])
  })
  it('is quiet on hostNetwork pods and in the namespaces the injector ignores', () => {
    expect(of(run('k8s/deploy.yaml', deployment({ hostNetwork: true }, STATS), '1.21'), SIDECAR)).toEqual([])
    for (const ns of ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']) {
      expect(of(run('k8s/deploy.yaml', deployment({ namespace: ns }, STATS), '1.21'), SIDECAR)).toEqual([])
    }
  })
  it('reads the inject label before the annotation, any case, and any value but y/yes/true/on as off', () => {
    for (const v of ['"false"', '"no"', 'disabled', '"OFF"']) {
      expect(of(run('k8s/deploy.yaml', deployment({ labels: [`sidecar.istio.io/inject: ${v}`] }, STATS), '1.21'), SIDECAR)).toEqual([])
      expect(of(run('k8s/deploy.yaml', deployment({ annotations: [`sidecar.istio.io/inject: ${v}`] }, STATS), '1.21'), SIDECAR)).toEqual([])
    }
    // The label wins: label true + annotation false injects; label false + annotation true does not.
    const labelOn = deployment({ labels: ['sidecar.istio.io/inject: "True"'], annotations: ['sidecar.istio.io/inject: "false"'] }, STATS)
    expect(at(of(run('k8s/deploy.yaml', labelOn, '1.21'), SIDECAR))).toEqual([`k8s/deploy.yaml:${lineOf(labelOn, 'extraStatTags')} notice`])
    expect(of(run('k8s/deploy.yaml', deployment({ labels: ['sidecar.istio.io/inject: "false"'], annotations: ['sidecar.istio.io/inject: "true"'] }, STATS), '1.21'), SIDECAR)).toEqual([])
  })
  it('follows the Namespace in ANOTHER file: disabled and unlabelled are quiet, enabled and a revision trip', () => {
    const text = deployment({ namespace: 'apps' }, STATS)
    const trip = [`k8s/deploy.yaml:${lineOf(text, 'extraStatTags')} notice`]
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['istio-injection: disabled']) }, '1.21')).toEqual([])
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['team: a']) }, '1.21')).toEqual([])
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['istio.io/dataplane-mode: ambient']) }, '1.21')).toEqual([])
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['istio-injection: enabled']) }, '1.21')).toEqual(trip)
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['istio.io/rev: canary']) }, '1.21')).toEqual(trip)
    // Another namespace's labels say nothing of this pod.
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('other', ['istio-injection: disabled']) }, '1.21')).toEqual(trip)
  })
  it('reads every variant of a Namespace the repository writes more than once: in scope where some variant injects', () => {
    const text = deployment({ namespace: 'apps' }, STATS)
    const trip = [`k8s/deploy.yaml:${lineOf(text, 'extraStatTags')} notice`]
    // A kustomize base without labels and an overlay that adds the injection label: the overlay's pods get the sidecar.
    const base = { 'base/ns.yaml': namespace('apps', []), 'overlays/prod/ns.yaml': namespace('apps', ['istio-injection: enabled']) }
    expect(onPullRequest(text, base, '1.21')).toEqual(trip)
    // The same two files in the other order say the same.
    expect(onPullRequest(text, { 'a/ns.yaml': namespace('apps', ['istio-injection: enabled']), 'b/ns.yaml': namespace('apps', []) }, '1.21')).toEqual(trip)
    // No variant injects: quiet.
    expect(onPullRequest(text, { 'base/ns.yaml': namespace('apps', []), 'overlays/prod/ns.yaml': namespace('apps', ['istio-injection: disabled']) }, '1.21')).toEqual([])
  })
  it('in an unlabelled Namespace, only the pod\'s own inject-true LABEL or istio.io/rev label brings the sidecar', () => {
    const ns = { 'k8s/ns.yaml': namespace('apps', []) }
    const labelled = deployment({ namespace: 'apps', labels: ['sidecar.istio.io/inject: "true"'] }, STATS)
    expect(onPullRequest(labelled, ns, '1.21')).toEqual([`k8s/deploy.yaml:${lineOf(labelled, 'extraStatTags')} notice`])
    const rev = deployment({ namespace: 'apps', labels: ['istio.io/rev: canary'] }, STATS)
    expect(onPullRequest(rev, ns, '1.21')).toEqual([`k8s/deploy.yaml:${lineOf(rev, 'extraStatTags')} notice`])
    // The webhook's object selector takes the label value "true" exactly: "True" or "yes" brings no webhook here.
    expect(onPullRequest(deployment({ namespace: 'apps', labels: ['sidecar.istio.io/inject: "True"'] }, STATS), ns, '1.21')).toEqual([])
    // The annotation alone is not what the object-selector webhook selects on.
    expect(onPullRequest(deployment({ namespace: 'apps', annotations: ['sidecar.istio.io/inject: "true"'] }, STATS), ns, '1.21')).toEqual([])
    // istio-injection: disabled keeps every webhook away, whatever the pod says.
    expect(onPullRequest(labelled, { 'k8s/ns.yaml': namespace('apps', ['istio-injection: disabled']) }, '1.21')).toEqual([])
  })
})

describe('pod scope "ambient": only pods ztunnel captures', () => {
  it('trips on a pod labelled ambient, and on a pod whose Namespace the repository does not hold', () => {
    const labelled = deployment({ namespace: 'apps', labels: ['istio.io/dataplane-mode: ambient'] }, BYPASS)
    expect(at(of(run('k8s/deploy.yaml', labelled, '1.23'), AMBIENT))).toEqual([`k8s/deploy.yaml:${lineOf(labelled, 'bypass-inbound')} warning`])
    const unknown = deployment({ namespace: 'apps' }, BYPASS)
    expect(onPullRequest(unknown, {}, '1.23')).toEqual([`k8s/deploy.yaml:${lineOf(unknown, 'bypass-inbound')} warning`])
  })
  it('is quiet on dataplane-mode none, hostNetwork and kube-system', () => {
    expect(of(run('k8s/deploy.yaml', deployment({ labels: ['istio.io/dataplane-mode: none'] }, BYPASS), '1.23'), AMBIENT)).toEqual([])
    expect(of(run('k8s/deploy.yaml', deployment({ labels: ['istio.io/dataplane-mode: ambient'], hostNetwork: true }, BYPASS), '1.23'), AMBIENT)).toEqual([])
    expect(of(run('k8s/deploy.yaml', deployment({ namespace: 'kube-system', labels: ['istio.io/dataplane-mode: ambient'] }, BYPASS), '1.23'), AMBIENT)).toEqual([])
  })
  it('is quiet on a pod that gets a sidecar through its own istio.io/rev or inject-true label', () => {
    expect(onPullRequest(deployment({ namespace: 'apps', labels: ['istio.io/rev: canary'] }, BYPASS), {}, '1.23')).toEqual([])
    expect(onPullRequest(deployment({ namespace: 'apps', labels: ['sidecar.istio.io/inject: "true"', 'istio.io/dataplane-mode: ambient'] }, BYPASS), {}, '1.23')).toEqual([])
    // ... unless its Namespace keeps the injector away: then the pod's own ambient label enrols it.
    const off = deployment({ namespace: 'apps', labels: ['sidecar.istio.io/inject: "true"', 'istio.io/dataplane-mode: ambient'] }, BYPASS)
    expect(onPullRequest(off, { 'k8s/ns.yaml': namespace('apps', ['istio-injection: disabled']) }, '1.23')).toEqual([`k8s/deploy.yaml:${lineOf(off, 'bypass-inbound')} warning`])
  })
  it('follows the Namespace in ANOTHER file: ambient trips, sidecar-injecting or plain Namespaces are quiet', () => {
    const text = deployment({ namespace: 'apps' }, BYPASS)
    const trip = [`k8s/deploy.yaml:${lineOf(text, 'bypass-inbound')} warning`]
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['istio.io/dataplane-mode: ambient']) }, '1.23')).toEqual(trip)
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['team: a']) }, '1.23')).toEqual([])
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['istio-injection: enabled', 'istio.io/dataplane-mode: ambient']) }, '1.23')).toEqual([])
    expect(onPullRequest(text, { 'k8s/ns.yaml': namespace('apps', ['istio.io/rev: canary', 'istio.io/dataplane-mode: ambient']) }, '1.23')).toEqual([])
    // A pod labelled ambient in a plain Namespace is captured all the same.
    const labelled = deployment({ namespace: 'apps', labels: ['istio.io/dataplane-mode: ambient'] }, BYPASS)
    expect(onPullRequest(labelled, { 'k8s/ns.yaml': namespace('apps', ['team: a']) }, '1.23')).toEqual([`k8s/deploy.yaml:${lineOf(labelled, 'bypass-inbound')} warning`])
  })
})

describe('the validator guards the scope', () => {
  const withEntry = (match: unknown): CatalogRelease[] =>
    CATALOG.map((r) =>
      r.release !== '1.21'
        ? r
        : { ...r, entries: [...r.entries, { id: 'istio-1.21-pod-scope-probe', change: 'deprecated', severity: 'notice', since: '1.21', message: 'A probe entry for the pod-scope validator test.', match: [match], sources: r.entries[0].sources } as CatalogRelease['entries'][number]] }
    )
  it('refuses a $workload match that reads sidecar keys without pods, and pods where no pod is read', () => {
    const unscoped = validateCatalog(withEntry({ type: 'field', kinds: ['$workload'], paths: ['$podMetadata.annotations["sidecar.istio.io/foo"]'] }))
    expect(unscoped).toEqual([expect.stringContaining('istio-1.21-pod-scope-probe match[0]: a pod-template match that reads sidecar or ambient keys')])
    const misplaced = validateCatalog(withEntry({ type: 'field', pods: 'sidecar', kinds: ['Gateway'], paths: ['spec.servers'] }))
    expect(misplaced).toEqual([expect.stringContaining('istio-1.21-pod-scope-probe match[0]: pods applies to')])
    expect(validateCatalog(withEntry({ type: 'field', pods: 'ambient', kinds: ['$workload'], paths: ['$podMetadata.annotations["ambient.istio.io/foo"]'] }))).toEqual([])
  })
})
