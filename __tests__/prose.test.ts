import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { escapeInline, looksLikeIdentifier, parseSource, prose, renderSource, sourceTitle } from '../src/report/prose.js'

const html = (md: string) => micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
const text = (md: string) => html(md).replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\u200D/g, '').trim()

describe('prose: the project\'s sentences as Markdown', () => {
  it('puts identifiers in code spans and leaves the sentence without a backslash', () => {
    const md = prose('spec.tracing[0].randomSamplingPercent is not a field of Telemetry in any release from 1.20 to 1.31; did you mean randomSamplingPercentage?', ['spec.tracing[0].randomSamplingPercent'])
    expect(md).toBe('`spec.tracing[0].randomSamplingPercent` is not a field of Telemetry in any release from 1.20 to 1.31; did you mean `randomSamplingPercentage`?')
    expect(prose('Set ENABLE_NATIVE_SIDECARS or use sidecar.istio.io/nativeSidecar: "false" (e.g. on Istio 1.28.1).')).toBe(
      'Set `ENABLE_NATIVE_SIDECARS` or use `sidecar.istio.io/nativeSidecar`: "false" (e.g. on Istio 1.28.1).'
    )
    expect(prose('Read and/or write.')).toBe('Read and/or write.')
  })

  it.each([
    '<img src=x onerror=alert(1)>',
    '<!-- istio-compat:summary -->',
    '@octocat and @org/team please look',
    '**bold** _em_ [link](https://evil.example) ![img](x) ~~gone~~',
    '# heading',
    '- list item',
    '1. ordered',
    '> quote',
    'see www.evil.example and https://evil.example/x',
    'fixes #12',
    'name | with | pipes',
    '`code` and ``more``',
    'back\\slash\\'
  ])('keeps manifest text inert and shows it as it is: %j', (hostile) => {
    const md = prose(`Value ${hostile} here.`)
    const out = html(md)
    expect(out).not.toMatch(/<(img|a|strong|em|del|h\d|ul|ol|blockquote|table)\b/)
    expect(out).not.toContain('<!--')
    expect(text(md)).toBe(`Value ${hostile} here.`)
    const alone = html(escapeInline(hostile))
    expect(alone).not.toMatch(/<(img|a|strong|em|del|h\d|ul|ol|blockquote|table)\b/)
  })

  it('cuts a 20,000-character value to a few hundred characters and keeps the sentence', () => {
    const md = prose(`spec.${'x'.repeat(20_000)} is not a field.`, [`spec.${'x'.repeat(20_000)}`])
    expect(md.length).toBeLessThan(400)
    expect(md.endsWith(' is not a field.')).toBe(true)
  })

  it('tells names from words', () => {
    for (const name of ['spec.x', 'inference.networking.k8s.io/v1', 'PILOT_ENABLE_X', 'targetPorts[].number', 'restartPolicy', 'key=value']) expect([name, looksLikeIdentifier(name)]).toEqual([name, true])
    for (const word of ['1.28.1', 'v1.30', 'e.g', 'InferencePool', 'Istio', 'and/or', 'https://istio.io/x', '<img']) expect([word, looksLikeIdentifier(word)]).toEqual([word, false])
  })
})

describe('sources', () => {
  it('gives istio.io notes and GitHub issues a readable title and links only allowed hosts', () => {
    expect(sourceTitle(new URL('https://istio.io/latest/news/releases/1.27.x/announcing-1.27/upgrade-notes/#native-sidecar-enabled-by-default'))).toBe('Istio 1.27 upgrade notes › Native sidecar enabled by default')
    expect(sourceTitle(new URL('https://istio.io/latest/news/releases/1.28.x/announcing-1.28.1/'))).toBe('Istio 1.28.1 release notes')
    expect(sourceTitle(new URL('https://github.com/istio/istio/issues/48794'))).toBe('istio/istio#48794')
    expect(renderSource('https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management (https://github.com/istio/istio/issues/54540)')).toBe(
      '[Istio 1.29 change notes › Traffic management](https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management) · [istio/istio#54540](https://github.com/istio/istio/issues/54540)'
    )
    expect(renderSource('https://github.com/kubernetes-sigs/gateway-api/tree/v1.4.1/config/crd (pinned by Istio 1.28)')).toBe(
      '[kubernetes-sigs/gateway-api config/crd at v1.4.1](https://github.com/kubernetes-sigs/gateway-api/tree/v1.4.1/config/crd) · (pinned by Istio 1.28)'
    )
    const evil = parseSource('https://evil.example/x')
    expect(evil.links[0]!.linkable).toBe(false)
    expect(html(renderSource('https://evil.example/x')!)).not.toContain('<a ')
    expect(html(renderSource('http://istio.io/x')!)).not.toContain('<a ')
  })
})
