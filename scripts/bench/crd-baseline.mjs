// The naive baseline: what a kubeconform-style tool does, validating every document with ajv against the full
// openAPIV3Schema of the CRDs the target release serves. Reads ../shared at bench time only (never at runtime).
import AjvModule from 'ajv'
import { loadAll } from 'js-yaml'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const Ajv = AjvModule.default ?? AjvModule

/**
 * CRD bundles per Istio minor: Istio's own CRDs plus the Gateway API and Inference Extension versions that
 * Istio pins in go.mod (shared/istio/crds/SOURCES.md and shared/gateway-api/SOURCES.md).
 */
const CRD_FILES = {
  '1.28': ['istio/crds/1.28/istio-crds.yaml', 'gateway-api/v1.4.1/experimental-install.yaml', 'gateway-api-inference/v0.0.0-20250926182816-0a3bb2010751/manifests.yaml']
}

export function sharedDir(root) {
  const candidates = [process.env.ISTIO_COMPAT_SHARED, join(root, '../shared'), '/work/shared'].filter(Boolean)
  return candidates.find((d) => existsSync(join(d, 'istio/crds')))
}

/** Compiles one validator per served apiVersion/kind; returns undefined when the CRD files are not there. */
export function compileCrdValidators(shared, minor) {
  const rel = CRD_FILES[minor]
  if (!shared || !rel) return undefined
  const paths = rel.map((p) => join(shared, p))
  const missing = paths.filter((p) => !existsSync(p))
  if (missing.length) return { missing }
  const t0 = performance.now()
  // Kubernetes schemas carry x-kubernetes-* keywords and formats ajv does not know: ignore them, as kubeconform does.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true })
  const validators = new Map()
  let crds = 0
  for (const path of paths) {
    for (const doc of loadAll(readFileSync(path, 'utf8'))) {
      if (doc?.kind !== 'CustomResourceDefinition') continue
      crds++
      const { group, names } = doc.spec
      for (const version of doc.spec.versions) {
        if (!version.served || !version.schema?.openAPIV3Schema) continue
        validators.set(`${group}/${version.name}|${names.kind}`, ajv.compile(version.schema.openAPIV3Schema))
      }
    }
  }
  return { validators, crds, compileMs: performance.now() - t0, files: rel }
}

/** Parses every file and validates each document whose apiVersion/kind has a schema. */
export function validateCorpus(validators, files) {
  let validated = 0
  let invalid = 0
  let noSchema = 0
  for (const f of files) {
    for (const doc of loadAll(f.text)) {
      const validate = doc && validators.get(`${doc.apiVersion}|${doc.kind}`)
      if (!validate) {
        noSchema++
        continue
      }
      validated++
      if (!validate(doc)) invalid++
    }
  }
  return { validated, invalid, noSchema }
}
