// Before 1.24, istioctl and the in-cluster operator unmarshal an IstioOperator's meshConfig strictly
// (operator/pkg/validate validateMeshConfig → protomarshal.ApplyYAMLStrict): a field or enum value the target does not
// know fails the install there, while istiod itself ignores it in a ConfigMap or Helm values.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const ID = 'istio-1.29-zipkin-timeout-headers'

const provider = (indent: string): string[] => [
  `${indent}extensionProviders:`,
  `${indent}- name: zipkin`,
  `${indent}  zipkin:`,
  `${indent}    service: zipkin.tracing.svc.cluster.local`,
  `${indent}    port: 9411`,
  `${indent}    headers:`,
  `${indent}    - name: x-tenant`,
  `${indent}      value: a`
]

const iop = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata:', '  name: control-plane', 'spec:', '  meshConfig:', ...provider('    '), ''].join('\n')
const iopValues = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata:', '  name: control-plane', 'spec:', '  values:', '    meshConfig:', ...provider('      '), ''].join('\n')
const helm = ['meshConfig:', ...provider('  '), ''].join('\n')

const found = (path: string, text: string, target: string) => of(run(path, text, target), ID).map((f) => `${f.file}:${f.line} ${f.severity} ${/refuse|fails/.test(f.message) ? 'install fails' : 'ignored'}`)

describe('a too-new meshConfig field in an IstioOperator', () => {
  it('is an error on targets before 1.24, whose istioctl refuses the install, in spec.meshConfig and spec.values.meshConfig', () => {
    expect(found('iop.yaml', iop, '1.23')).toEqual([`iop.yaml:${lineOf(iop, '- name: x-tenant')} error install fails`])
    expect(found('iop.yaml', iopValues, '1.22')).toEqual([`iop.yaml:${lineOf(iopValues, '- name: x-tenant')} error install fails`])
    const [finding] = of(run('iop.yaml', iop, '1.23'), ID)
    expect(finding?.message).toContain('Istio 1.23 does not know meshConfig')
    expect(finding?.message).toContain('arrives in 1.29')
  })

  it('stays the warning that older releases ignore it from 1.24 on, and in Helm values on every target', () => {
    expect(found('iop.yaml', iop, '1.24')).toEqual([`iop.yaml:${lineOf(iop, '- name: x-tenant')} warning ignored`])
    expect(found('iop.yaml', iop, '1.28')).toEqual([`iop.yaml:${lineOf(iop, '- name: x-tenant')} warning ignored`])
    expect(found('values.yaml', helm, '1.23')).toEqual([`values.yaml:${lineOf(helm, '- name: x-tenant')} warning ignored`])
    expect(found('iop.yaml', iop, '1.29')).toEqual([])
  })
})
