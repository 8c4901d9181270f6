// Where Istio's Helm charts come from: the test that lets a generic chart name (base, gateway, cni) count as Istio's.

/**
 * True for Istio's chart repositories and their mirrors: a Helm or OCI repository URL, or a local path, that
 * names istio (https://istio-release.storage.googleapis.com/charts, oci://gcr.io/istio-release/charts,
 * oci://ghcr.io/istio/..., file://…/istio/manifests/charts/…). `base` from Bitnami or `gateway` from Kong do not.
 */
export function isIstioChartRepository(url: unknown): boolean {
  return typeof url === 'string' && /istio/i.test(url)
}
