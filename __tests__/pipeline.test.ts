import { afterAll, describe, expect, it } from '@jest/globals'
import { gitChangeSet } from '../src/changes/git.js'
import { gitSnapshot } from '../src/changes/snapshots.js'
import { runAnalysis } from '../src/pipeline.js'
import { makeExampleRepo, makeRepo, type TempRepo } from './support/gitrepo.js'

const repos: TempRepo[] = []
afterAll(() => repos.forEach((r) => r.cleanup()))

async function analyse(repo: TempRepo, target = 'auto', from = 'auto') {
  const changes = gitChangeSet(repo.dir, repo.baseSha, repo.headSha)
  return runAnalysis({ changes, head: gitSnapshot(repo.dir, repo.headSha), base: gitSnapshot(repo.dir, changes.baseRef as string) }, { target, from, paths: [] })
}

describe('git change set', () => {
  it('lists added, modified, renamed and removed files with the head lines inside hunks', () => {
    const body = Array.from({ length: 20 }, (_, i) => `k${i}: v${i}`).join('\n') + '\n'
    const repo = makeRepo(
      { 'a.yaml': body, 'old/name.yaml': 'kind: X\napiVersion: v1\nmetadata:\n  name: same\n', 'gone.yaml': 'a: 1\n' },
      { 'a.yaml': body.replace('k10: v10', 'k10: changed'), 'new/name.yaml': 'kind: X\napiVersion: v1\nmetadata:\n  name: same\n', 'added.yml': 'x: 1\n' }
    )
    repos.push(repo)
    const changes = gitChangeSet(repo.dir, repo.baseSha, repo.headSha)
    const byPath = new Map(changes.files.map((f) => [f.path, f]))
    expect(byPath.get('a.yaml')?.status).toBe('modified')
    expect([...byPath.get('a.yaml')!.addedLines]).toEqual([11])
    // three lines of context either side of line 11, one hunk
    expect([...byPath.get('a.yaml')!.commentableLines.keys()]).toEqual([8, 9, 10, 11, 12, 13, 14])
    expect(byPath.get('new/name.yaml')).toMatchObject({ status: 'renamed', previousPath: 'old/name.yaml' })
    expect(byPath.get('gone.yaml')?.status).toBe('removed')
    expect(byPath.get('added.yml')?.status).toBe('added')
    expect(changes.headSha).toBe(repo.headSha)
  })
})

describe('pipeline on the bundled example', () => {
  it('detects the Istio bump from the Flux HelmRelease on both sides and widens the scope', async () => {
    const repo = makeExampleRepo(process.cwd())
    repos.push(repo)
    const result = await analyse(repo)
    expect(result.target.release.version).toBe('1.28.1')
    expect(result.target.origin).toMatch(/^clusters\/prod\/istio-system\/istiod\.yaml:\d+ /)
    expect(result.from?.release.version).toBe('1.26.8')
    expect(result.versionBump).toBe(true)
    const parse = result.findings.filter((f) => f.rule === 'parse')
    expect(parse.map((f) => [f.file, f.line, f.severity])).toEqual([
      ['apps/shop/authz.yaml', 14, 'error'],
      ['charts/shop-extras/templates/peerauth.yaml', 4, 'notice']
    ])
    const statuses = Object.fromEntries(result.resources.map((r) => [r.key, r.status]))
    expect(statuses['networking.istio.io/DestinationRule/shop/checkout']).toBe('changed')
    expect(statuses['networking.istio.io/ServiceEntry/shop/payments-api']).toBe('added')
    expect(statuses['/Service/shop/checkout']).toBe('unchanged')
  })

  it('checks only the changed resources when the Istio version stays the same', async () => {
    const dr = (extra: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: a\n  namespace: n\nspec:\n  host: a${extra}\n`
    const repo = makeRepo({ 'dr.yaml': dr(''), 'other.yaml': dr('').replace('name: a', 'name: b') }, { 'dr.yaml': dr('\n  exportTo: ["."]'), 'other.yaml': dr('').replace('name: a', 'name: b') })
    repos.push(repo)
    const result = await analyse(repo, '1.28', '1.26')
    expect(result.versionBump).toBe(false)
    expect(result.documentsChecked).toBe(1)
    expect(result.resources.find((r) => r.status === 'changed')?.changedPaths).toEqual(['spec.exportTo'])
  })
})
