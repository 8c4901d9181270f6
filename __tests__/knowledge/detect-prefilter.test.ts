// The prefilter detection applies before parsing a file (mayNameVersion) must never turn away a file detection uses.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { detectIstio, mayNameVersion } from '../../src/knowledge/detect.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { ManifestFile } from '../../src/manifests/types.js'

function yamlFiles(dir: string): string[] {
  const out: string[] = []
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === 'node_modules') continue
      const p = join(d, e.name)
      if (e.isDirectory()) visit(p)
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(p)
    }
  }
  visit(dir)
  return out.sort()
}

/**
 * Detection over every file of a repository, unfiltered (parsed files skip the prefilter): each place a version
 * source, an unreadable install or a chart repository comes from, as file:line, with what the prefilter says of
 * the file's bytes.
 */
function usedByDetection(root: string): { where: string; passes: boolean }[] {
  const bytes = new Map<string, Buffer>()
  const files: ManifestFile[] = []
  for (const path of yamlFiles(root)) {
    const data = readFileSync(path)
    const rel = relative(root, path).split('\\').join('/')
    bytes.set(rel, data)
    files.push(parseManifestFile(rel, data))
  }
  const detection = detectIstio(files)
  const used = [...detection.candidates, ...detection.unresolved].map((c) => ({ file: c.file, line: c.line }))
  for (const file of files) {
    for (const doc of file.documents) {
      const v = doc.value as { kind?: unknown } | null
      if (v && (v.kind === 'HelmRepository' || v.kind === 'OCIRepository')) used.push({ file: file.path, line: doc.line })
    }
  }
  return used.map((u) => ({ where: `${u.file}:${u.line}`, passes: mayNameVersion(bytes.get(u.file) as Buffer) }))
}

const shared = join(process.cwd(), '..', 'shared', 'realworld')

describe('detection prefilter over real repositories', () => {
  const roots = [join(process.cwd(), '__fixtures__'), join(process.cwd(), 'examples')]
  if (existsSync(shared)) for (const e of readdirSync(shared, { withFileTypes: true })) if (e.isDirectory()) roots.push(join(shared, e.name))

  it.each(roots.map((r) => [relative(process.cwd(), r), r]))('lets through every file detection reads a version or a chart repository from: %s', (_name, root) => {
    const used = usedByDetection(root)
    expect(used.filter((u) => !u.passes).map((u) => u.where)).toEqual([])
  })

  it('finds the sources it is meant to keep in the bundled example (so the check above is not vacuous)', () => {
    const used = usedByDetection(join(process.cwd(), 'examples', 'gitops', 'head'))
    expect(used).toContainEqual({ where: 'clusters/prod/istio-system/istiod.yaml:21', passes: true })
  })

  if (existsSync(shared)) {
    it('keeps the unreadable Flux installs of gitops-istio and the Chart.yaml dependencies of the Istio sample charts', () => {
      expect(usedByDetection(join(shared, 'gitops-istio'))).toContainEqual({ where: 'istio/system/istio.yaml:27', passes: true })
      expect(usedByDetection(join(shared, 'istio-1.28.0'))).toContainEqual({ where: 'manifests/sample-charts/ambient/Chart.yaml:25', passes: true })
    })
  }
})

describe('detection prefilter on spellings the text search must not miss', () => {
  const helmRelease = (kind: string, chartKey = 'chart') => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: ${kind}\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  ${chartKey}:\n    spec:\n      chart: istiod\n      version: 1.27.2\n`
  const cases: [string, string, string | Uint8Array, string][] = [
    ['a plain Flux HelmRelease', 'a.yaml', helmRelease('HelmRelease'), 'a.yaml:10'],
    ['a kind with a tag', 'a.yaml', helmRelease('!!str HelmRelease'), 'a.yaml:10'],
    ['a quoted kind', 'a.yaml', helmRelease('"HelmRelease"'), 'a.yaml:10'],
    ['a kind spelled with an escape', 'a.yaml', helmRelease('"Helm\\x52elease"'), 'a.yaml:10'],
    ['a kind broken over lines by an escaped line break', 'a.yaml', helmRelease('"Helm\\\n  Release"'), 'a.yaml:11'],
    ['JSON', 'a.yaml', JSON.stringify({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'istiod' }, spec: { chart: { spec: { chart: 'istiod', version: '1.27.2' } } } }), 'a.yaml:1'],
    ['a Chart.yaml in JSON', 'charts/x/Chart.yaml', '{"apiVersion": "v2", "name": "x", "version": "0.1.0", "dependencies": [{"name": "istiod", "version": "1.27.2", "repository": "https://istio-release.storage.googleapis.com/charts"}]}\n', 'charts/x/Chart.yaml:1'],
    ['Helm values with a space before the colon', 'values.yaml', 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global :\n      tag: 1.27.2\n', 'values.yaml:6'],
    ['an Argo CD Application in a flow mapping', 'app.yaml', '{apiVersion: argoproj.io/v1alpha1, kind: Application, metadata: {name: istiod}, spec: {source: {chart: istiod, repoURL: "https://istio-release.storage.googleapis.com/charts", targetRevision: 1.27.2}}}\n', 'app.yaml:1'],
    ['a file with a UTF-8 byte order mark', 'a.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(helmRelease('HelmRelease'))]), 'a.yaml:10'],
    ['a UTF-16 file', 'a.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(helmRelease('HelmRelease'), 'utf16le')]), 'a.yaml:10']
  ]
  it.each(cases)('%s is let through and detected', (_name, path, content, where) => {
    expect(mayNameVersion(content)).toBe(true)
    const found = detectIstio([parseManifestFile(path, content)]).candidates.map((c) => `${c.file}:${c.line} ${c.version}`)
    expect(found).toContain(`${where} 1.27.2`)
  })

  it('turns away words that are only part of a longer name: a template reference, a proxy setting', () => {
    const vs = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  hosts: [a]\n'
    expect(mayNameVersion(Buffer.from(vs))).toBe(false)
    expect(mayNameVersion(Buffer.from(`${vs}---\nmetadata:\n  annotations:\n    proxy.istio.io/config: |\n      holdApplicationUntilProxyStarts: true\n`))).toBe(false)
    expect(mayNameVersion(Buffer.from('image: "{{ .Values.global.hub }}/proxyv2:{{ .Values.global.tag }}"\n'))).toBe(false)
    // The same words as whole scalars are let through.
    expect(mayNameVersion(Buffer.from('global:\n  tag: 1.27.2\n'))).toBe(true)
    expect(mayNameVersion(Buffer.from('kind: ApplicationSet\n'))).toBe(true)
  })
})
