// Builds, for one catalog match, a manifest that shows it and the line a finding must point at.
import type { CatalogEntry, Condition, Match } from '../../src/knowledge/catalog.js'
import { LiteralBlock, writeYaml, type Y } from './yaml-writer.js'

/** A value that passes each pattern the catalog uses (a test fails when a new pattern has none). */
export const PATTERN_SAMPLES: Record<string, string> = {
  '^(?!\\s*debug\\s*$)': 'info',
  '^\\s*debug\\s*$': 'debug',
  '^(?!\\s*(debug|info)\\s*$)': 'warn',
  '^\\s*info\\s*$': 'info',
  '^\\s*\\+?(?:0*[1-9][0-9]*(?:\\.[0-9]*)?|0*\\.0*[1-9][0-9]*)\\s*$': '25',
  '^istio($|-)': 'istio',
  // An Istio-deployed gateway class (istio-remote gateways are not deployed by Istio).
  '^istio($|-(?!remote$))': 'istio',
  '^(?!/api/v2/spans$)': '/custom/spans',
  '^(?!(/api/v2/spans)?$)': '/custom/spans',
  '^(true|\\*|t\\*|tr\\*|tru\\*|true\\*|\\*e|\\*ue|\\*rue|\\*true)$': 'true',
  '^(?!(5|5\\.0+)s$|5000ms$)': '10s',
  '^1\\.(1[0-9]|2[0-8])(\\.|$)': '1.28',
  '^([A-Za-z0-9_-]+\\.)*(forward_downstream_sni|tcp_cluster_rewrite|sni_verifier)$': 'envoy.filters.network.sni_verifier',
  '^type\\.googleapis\\.com/envoy\\.extensions\\.': 'type.googleapis.com/envoy.extensions.filters.network.wasm.v3.Wasm',
  // PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY 2 or more (istiod converts concurrently only above 1).
  '^\\+?0*([2-9]|[1-9][0-9]+)$': '4',
  // A CEL node attribute, not a host name such as node.cluster.local that merely starts with node.
  '^(?![\\s\\S]*\\bxds\\.node\\b)(?:[\\s\\S]*[^\\w."\\[/-])?node\\.(id|cluster|metadata|locality|user_agent_name|user_agent_version|user_agent_build_version|extensions|client_features|listening_addresses)\\b(?![\\w.-]*\\.(local|svc|com|net|org|io)\\b)': 'node.metadata["NAMESPACE"]',
  // A pod's proxy.istio.io/config that turns DNS capture on.
  'ISTIO_META_DNS_CAPTURE["\']?\\s*:\\s*["\']?(1|t|T|true|TRUE|True)\\b': 'proxyMetadata:\n  ISTIO_META_DNS_CAPTURE: "true"\n',
  // A pod's proxy.istio.io/config that turns DNS capture off.
  'ISTIO_META_DNS_CAPTURE["\']?\\s*:\\s*["\']?(0|f|F|false|FALSE|False)\\b': 'proxyMetadata:\n  ISTIO_META_DNS_CAPTURE: "false"\n',
  // A waypoint traffic type other than the default (service).
  '^(?!service$)': 'workload',
  // networking.istio.io/address-type on a waypoint other than its class default IPAddress.
  '^(?!IPAddress$)': 'Hostname',
  '^(?!\\s*istio\\s*$)': 'mesh',
  '^(?!\\s*istio\\.io/gateway-controller\\s*$)': 'example.com/mesh-controller',
  // A workload identity socket file name other than the default (socket).
  '^(?!socket$)\\S': 'spire-agent.sock',
  // A WasmPlugin URL the agent fetches (OCI, HTTP, or no scheme), not a file:// module read from the proxy's disk.
  '^(?!\\s*file://)': 'oci://ghcr.io/example/plugin:1.0',
  // A DestinationRule exportTo item other than "*" (every namespace, the default).
  '^(?!\\*$)': '.',
  '(^|[^\\w."\\[])istio_responseClass': 'istio_responseClass == "2xx"',
  // Paired with a contains: the expression has no has() fallback to the standard attribute.
  '^(?![\\s\\S]*has\\(\\s*filter_state\\.downstream_peer\\s*\\))': 'filter_state["wasm.downstream_peer"].namespace',
  '^(?![\\s\\S]*has\\(\\s*filter_state\\.upstream_peer\\s*\\))': 'filter_state["wasm.upstream_peer"].namespace',
  '\\{\\*\\*?\\}': '/api/{*}/items',
  'reset-before-request': 'reset-before-request,5xx',
  // A namespace beyond the cni chart's default excludeNamespaces list [kube-system] (and the pre-1.22 istio-system).
  '^(?!(kube-system|istio-system)$)': 'legacy-apps',
  '(^|,)\\s*53\\s*(,|$)': '53',
  '(^|,)\\s*gateway\\s*(,|$)': 'gateway',
  '^[^.]+\\.([^.]+)\\.svc\\.[^.]': 'reviews.bookinfo.svc.cluster.local',
  // Any non-empty value (a metadata.namespace that is written at all).
  '^.+$': 'default',
  'istio-csr|cert-manager': 'cert-manager-istio-csr.cert-manager.svc:443',
  '^v?(0\\.|1\\.[0-3]\\.)': 'v1.3.0',
  '^v?(0\\.|1\\.[0-4]\\.)': 'v1.4.1',
  '^v?(0\\.|1\\.[0-5]\\.)': 'v1.5.1',
  // A mixed-case host that names a Kubernetes Service (short name or name.namespace.svc...).
  '^(?=[^*]*[A-Z])([^.*]+|[^.*]+\\.[^.*]+\\.svc(\\.[^.*]+)*)$': 'Reviews.bookinfo.svc.cluster.local',
  '^\\s*(\\d*\\.\\d*[1-9]\\d*s|\\d*[1-9]\\d{0,2}ms|\\d*[1-9]\\d{0,5}(us|µs)|\\d*[1-9]\\d{0,8}ns)\\s*$': '500ms',
  '^kiali': 'kiali',
  // The Kiali server, not the kiali-operator Deployment (which never calls istiod's debug endpoints).
  '^kiali(?!-operator)': 'kiali',
  // An istio.io/use-waypoint label that names a waypoint (`none` opts out of one).
  '^(?!none$)\\S': 'waypoint',
  '^(?![.~]$)': 'other-ns',
  // ProxyConfig access log flushing other than Envoy's defaults (1s, 64 KB).
  '^(?!\\s*((1|1\\.0+)s|1000(\\.0+)?ms)\\s*$)': '5s',
  '^(gzip|brotli|zstd)$': 'gzip',
  // audit 14 r14e: a pod's own proxy.istio.io/config turning stats compression off
  'statsCompression\\s*:\\s*["\']?(false|False|FALSE)\\b': 'statsCompression: false',
  '^(?!(gzip|brotli|zstd)$)': 'true',
  '^(?!\\s*(0|64)\\s*$)': '128',
  '^[1-9][0-9]*$': '3',
  // A value with a non-zero digit: a duration or count that is not 0.
  '[1-9]': '5',
  // A cacerts Secret outside an Istio namespace (istiod mounts only its own).
  '^(?!.*istio)': 'default',
  // The same, or a gateway namespace (istio-ingress…), whose cacerts istiod does not read either.
  '^(?!.*istio)|ingress|egress|gateway': 'default',
  // A stats eviction interval of a minute or more that is a multiple of the default 5s flush interval.
  '^\\s*(0*[1-9]\\d*(m|h)|0*([6-9][05]|[1-9]\\d+[05])s)\\s*$': '60s',
  // A Helm compatibilityVersion whose profile keeps the pre-1.24 behaviour.
  '^1\\.2[0-3]$': '1.23',
  // A container named istio-proxy in a JMESPath expression; `require-istio-proxy` alone must not match.
  '(^|[^\\w-])istio-proxy($|[^\\w-])': "request.object.spec.containers[?name == 'istio-proxy']",
  '^(?!istio-system$)': 'monitoring',
  '^(kube-system|kube-public|kube-node-lease|local-path-storage)$': 'kube-system',
  // Go strconv.ParseBool spellings of true and of false (an env variable switched on or off).
  '^\\s*(1|t|T|true|TRUE|True)\\s*$': 'true',
  '^\\s*(0|f|F|false|FALSE|False)\\s*$': 'false',
  '^(?!\\s*(0|f|F|false|FALSE|False)\\s*$)': 'true',
  // A ratio other than zero (0 turns a new jitter off, which older releases do anyway).
  '^(?!\\s*0*(\\.0*)?\\s*$)': '0.01',
  // Set and not false (unset or empty keeps a new boolean variable at its default, false).
  '^(?!\\s*(0|f|F|false|FALSE|False)?\\s*$)': 'true',
  '^(?!\\s*(cni\\.istio\\.io/not-ready)?\\s*$)': 'example.com/not-ready',
  '^(?!\\s*(268435456)?\\s*$)': '536870912',
  '^(?!\\s*(istio-system)?\\s*$)': 'observability',
  '^(?!\\s*(16777216)?\\s*$)': '65536',
  '^(?!\\s*(25165824)?\\s*$)': '65536',
  // A gateway transport socket connect timeout other than the 15 s the older releases use.
  '^(?!\\s*(15s|15000ms)?\\s*$)': '30s',
  // A DNS forward timeout other than the 5 s the older releases use.
  '^(?!\\s*(5s|5000ms)?\\s*$)': '10s',
  '^\\*': '*.example.com',
  '^[^*]': 'api.example.com',
  '^[Ff][Aa][Ll][Ss][Ee]$': 'false',
  '^[Tt][Rr][Uu][Ee]$': 'True',
  '^1\\.2[0-4]?$': '1.24',
  '[\\x00-\\x1f]': 'docker.io/istio/proxyv2:1.29.0\n',
  '(^|,)\\s*([^,\\s]{16,}|[^,\\s][^,]*[/:\\s][^,\\s]+[^,]*)\\s*(,|$)': 'eth0,a b',
  '^(?!.*[\\^$])[^\\[\\]()|+?\\\\{}]*[\\[\\]()|+?\\\\{}]': 'cluster.local/ns/(a|b)/sa/x',
  '^\\*(?!.*\\^)(?!.*\\$.).*[\\[\\]()|+?$\\\\{}]': '*/sa/(x|y)',
  '^[\\s\\S]{1025,}$': 'x'.repeat(1030),
  '^\\s*(0*[1-9]\\d*(\\.\\d+)?(m|h)|0*\\.\\d*[1-9]\\d*s|0*[1-9]\\d{0,2}ms|0*[1-9]\\d{0,5}(us|µs)|0*[1-9]\\d{0,8}ns|0*([6-9]\\d|[1-9]\\d{2,})(\\.\\d+)?s)\\s*$': '1m',
  '^gcr\\.io/istio-release/(?![^:@]+:v?1\\.(3[1-9]|[4-9][0-9])(\\.|-|$))': 'gcr.io/istio-release/proxyv2:1.30.0',
  '^gcr\\.io/istio-release/[^:@]+:v?1\\.(3[1-9]|[4-9][0-9])(\\.|-|$)': 'gcr.io/istio-release/proxyv2:1.31.0',
  '^registry\\.istio\\.io/(?![^:@]+:v?1\\.(3[1-9]|[4-9][0-9])(\\.|-|$))': 'registry.istio.io/testing/metallb/controller:v0.14.3',
  '^registry\\.istio\\.io/[^:@]+:v?1\\.(3[1-9]|[4-9][0-9])(\\.|-|$)': 'registry.istio.io/release/proxyv2:1.31.0',
  '^(gcr\\.io/istio-release|registry\\.istio\\.io)': 'gcr.io/istio-release',
  'istio-release\\.storage\\.googleapis\\.com': 'https://istio-release.storage.googleapis.com/charts',
  '^~[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?/\\S': '~ns1/*',
  '^\\s*0*([1-9]\\d?|100)\\s*$': '10',
  '^\\s*(\\d+)\\s*$': '443',
  '^~/(?!\\*$)': '~/foo.example.com',
  '://(169\\.254\\.|metadata\\.google\\.internal)': 'http://169.254.169.254/jwks',
  '://(\\[?fe80:|\\[?fd00:ec2::254)': 'http://[fe80::1]/jwks',
  // A DestinationRule host inside the cluster (or a private DNS zone), whose certificate comes from a private CA.
  '(\\.svc(\\.|$)|\\.local$|\\.internal$|^[^.]+$)': 'reviews.bookinfo.svc.cluster.local',
  // Readiness probe settings other than the Istio 1.20 defaults (period 15, failure threshold 4).
  '^(?:[0-9]|1[0-46-9]|[2-9][0-9]|[0-9]{3,})$': '2',
  '\\S': 'my-ztunnel',
  // A whole value as capture group 1 (an IstioOperator gateway tag compared with the install's tag).
  '^(.+)$': '1.25.2-distroless',
  '^(?!240\\.240\\.0\\.0/16$)': '10.250.0.0/16',
  '^(?!2001:2::/48$)': 'fd00:10::/48',
  '^(?:[0-35-9]|[1-9][0-9]+)$': '30',
  // An EnvoyFilter anchor filter other than the terminal tcp_proxy / http_connection_manager (whose place never moves).
  '^(istio\\.stats|envoy\\.filters\\.network\\.(rbac|ext_authz)|envoy\\.(rbac|ext_authz))$': 'envoy.filters.network.rbac',
  // An inbound EnvoyFilter anchor on metadata exchange, the one Istio filter 1.20 moved on SIDECAR_INBOUND.
  '^(istio\\.metadata_exchange|envoy\\.filters\\.network\\.metadata_exchange)$': 'istio.metadata_exchange',
  // A Sidecar egress host that is not a ~ exclusion (an import the exclusion can subtract from).
  '^[^~][^/]*/\\*': '*/*',
  // A non-zero port number (its capture is compared with the ServiceEntry's port numbers; 0 means unset).
  '^0*([1-9][0-9]*)$': '9090',
  // A policy targetRefs kind other than a Kubernetes Gateway (Service, ServiceEntry, GatewayClass).
  '^(?!Gateway$)': 'Service',
  '^\\s*0*(\\d{1,6}|[1-3]\\d{6}|40\\d{5}|41[0-8]\\d{4}|419[0-3]\\d{3}|4194[0-2]\\d{2}|419430[0-4])\\s*$': '4194304',
  // A waypoint canary weight other than zero; an image tag of a release before 1.31, and of 1.31 or later.
  '^(?!\\s*0*\\s*$)': '20',
  '^v?1\\.([0-9]|[12][0-9]|30)(\\.|-|$)': '1.30.2',
  '^v?1\\.(3[1-9]|[4-9][0-9])(\\.|-|$)': '1.31.0',
  // A ProxyConfig connectionSettings child other than the default profile or an UNSPECIFIED enum (audit 13).
  '^(?!\\s*(SIDECAR|HEADERS_WITH_UNDERSCORES_UNSPECIFIED|PATH_WITH_ESCAPED_SLASHES_UNSPECIFIED|0)?\\s*$)': 'EDGE'
}

/** A value that passes no value test the catalog uses. */
const NO_MATCH = 'nomatch'
/** A value the pattern must not match, for patterns that match almost anything (negative lookaheads). */
const PATTERN_CLEAN: Record<string, string> = { '^(?!\\s*(debug|info)\\s*$)': 'info', '^\\s*info\\s*$': 'warn', '^(?!\\s*debug\\s*$)': 'debug', '^\\s*debug\\s*$': 'info', '^(?!IPAddress$)': 'IPAddress', '^(?!(gzip|brotli|zstd)$)': 'gzip', '^(?!kube-system$)': 'kube-system', '^(?!\\s*(0|f|F|false|FALSE|False)\\s*$)': 'false', '^(?!socket$)\\S': 'socket', '^(?!service$)': 'service', '^(?!\\s*istio\\s*$)': 'istio', '^(?!\\s*istio\\.io/gateway-controller\\s*$)': 'istio.io/gateway-controller', '^(?!\\*$)': '*', '^(?!240\\.240\\.0\\.0/16$)': '240.240.0.0/16', '^(?!2001:2::/48$)': '2001:2::/48', '^(?!Gateway$)': 'Gateway', '^(?!\\s*file://)': 'file:///opt/filters/plugin.wasm', '^(.+)$': '', '^(?!/api/v2/spans$)': '/api/v2/spans', '^(?!\\s*(0|f|F|false|FALSE|False)?\\s*$)': 'false', '^(?!\\s*(15s|15000ms)?\\s*$)': '15s', '^(?!\\s*(5s|5000ms)?\\s*$)': '5s', '^(?!(5|5\\.0+)s$|5000ms$)': '5s', '^(?!\\s*((1|1\\.0+)s|1000(\\.0+)?ms)\\s*$)': '1s', '^(?!\\s*(0|64)\\s*$)': '64', '^(?!none$)\\S': 'none', '^(?!\\s*(cni\\.istio\\.io/not-ready)?\\s*$)': 'cni.istio.io/not-ready', '^(?!\\s*(268435456)?\\s*$)': '268435456', '^(?!\\s*(istio-system)?\\s*$)': 'istio-system', '^(?!\\s*(16777216)?\\s*$)': '16777216', '^(?!\\s*(25165824)?\\s*$)': '25165824', '^(?!.*istio)': 'istio-system', '^(?!.*istio)|ingress|egress|gateway': 'istio-system', '^istio($|-(?!remote$))': 'istio-remote', '^(?!\\s*0*\\s*$)': '0', '^(?!(kube-system|istio-system)$)': 'istio-system', '^(?!socket$)': 'socket', '^(?![.~]$)': '.' }
// A zero ratio (istio-1.24-new-env, audit 10).
PATTERN_CLEAN['^(?!\\s*0*(\\.0*)?\\s*$)'] = '0'
PATTERN_CLEAN['^(?!(/api/v2/spans)?$)'] = '/api/v2/spans'
// A blank value, which the non-blank pattern rejects (istio-1.29-locality-label, istio-1.29-tls-cipher-suites-option, audit 28).
PATTERN_CLEAN['\\S'] = ''
// The default connectionSettings profile (istio-1.31-proxy-connection-settings, audit 13).
PATTERN_CLEAN['^(?!\\s*(SIDECAR|HEADERS_WITH_UNDERSCORES_UNSPECIFIED|PATH_WITH_ESCAPED_SLASHES_UNSPECIFIED|0)?\\s*$)'] = 'SIDECAR'
// A zero duration: no stats eviction, as proxies that ignore the annotation (istio-1.28-stats-annotations, audit 18).
PATTERN_SAMPLES['^(?!\\s*0*(\\.0*)?(ns|us|µs|ms|s|m|h)?\\s*$)'] = '30s'
PATTERN_SAMPLES['^(?!\\s*(02-istio-cni\\.conflist)?\\s*$)'] = '00-istio-cni.conflist'
// statsHistogramBins other than its default 100 (round 36 r36d)
PATTERN_SAMPLES['^(?!\\s*(0*100)?\\s*$)'] = '20'
PATTERN_CLEAN['^(?!\\s*(0*100)?\\s*$)'] = '100'
// a positive Go duration Istio can parse (istio-1.28-metric-expiry-removed, round 40 r40e); 0s keeps expiry off
PATTERN_SAMPLES['^\\+?(?=[^1-9]*[1-9])(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+$'] = '5m'
PATTERN_CLEAN['^\\+?(?=[^1-9]*[1-9])(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+$'] = '0s'
PATTERN_CLEAN['^(?!\\s*(02-istio-cni\\.conflist)?\\s*$)'] = '02-istio-cni.conflist'
PATTERN_CLEAN['^(?!\\s*0*(\\.0*)?(ns|us|µs|ms|s|m|h)?\\s*$)'] = '0s'
// Any eviction interval of a minute or more (istio-1.28.2-stats-eviction-interval-minute with a custom flush interval, audit 18).
PATTERN_SAMPLES['^\\s*(0*[1-9]\\d*(m|h)|0*([6-9]\\d|[1-9]\\d{2,})s)\\s*$'] = '90s'
// A mirror percentage of zero, which copies nothing (istio-1.28-shadow-host-suffix, audit 18).
PATTERN_SAMPLES['^0*(\\.0*)?$'] = '0'
PATTERN_SAMPLES['^(?!([yY]|[yY][eE][sS]|[tT][rR][uU][eE]|[oO][nN])$).+'] = 'false'
PATTERN_CLEAN['^(?!([yY]|[yY][eE][sS]|[tT][rR][uU][eE]|[oO][nN])$).+'] = 'true'
// A Service's legacy traffic-distribution annotation set to PreferClose, in any case (istio-1.27-traffic-distribution-same-node-zone, audit 28).
PATTERN_SAMPLES['^\\s*[Pp][Rr][Ee][Ff][Ee][Rr][Cc][Ll][Oo][Ss][Ee]\\s*$'] = 'PreferClose'
PATTERN_CLEAN['^\\s*[Pp][Rr][Ee][Ff][Ee][Rr][Cc][Ll][Oo][Ss][Ee]\\s*$'] = 'PreferSameZone'
// A named waypoint, not the opt-out none (istio-1.23-use-waypoint-namespace-label, audit 19).
PATTERN_SAMPLES['^(?!none$)'] = 'waypoint'
// Peer metadata read through a field both shapes share / through a field 1.24 renamed (istio-1.24-telemetry-cel-attributes, audit 19).
PATTERN_SAMPLES['^(?![\\s\\S]*has\\(\\s*filter_state\\.downstream_peer\\s*\\))(?![\\s\\S]*filter_state\\["wasm\\.downstream_peer"\\](?!\\.(namespace|name)\\b))'] = 'filter_state["wasm.downstream_peer"].namespace'
PATTERN_SAMPLES['^(?![\\s\\S]*has\\(\\s*filter_state\\.downstream_peer\\s*\\))(?=[\\s\\S]*filter_state\\["wasm\\.downstream_peer"\\](?!\\.(namespace|name)\\b))'] = 'filter_state["wasm.downstream_peer"].workload_name'
PATTERN_SAMPLES['^(?![\\s\\S]*has\\(\\s*filter_state\\.upstream_peer\\s*\\))(?![\\s\\S]*filter_state\\["wasm\\.upstream_peer"\\](?!\\.(namespace|name)\\b))'] = 'filter_state["wasm.upstream_peer"].namespace'
PATTERN_SAMPLES['^(?![\\s\\S]*has\\(\\s*filter_state\\.upstream_peer\\s*\\))(?=[\\s\\S]*filter_state\\["wasm\\.upstream_peer"\\](?!\\.(namespace|name)\\b))'] = 'filter_state["wasm.upstream_peer"].workload_name'

const KIND_API: Record<string, string> = {
  Service: 'v1', Secret: 'v1', Namespace: 'v1', ConfigMap: 'v1', Deployment: 'apps/v1',
  EnvoyFilter: 'networking.istio.io/v1alpha3', ServiceEntry: 'networking.istio.io/v1', WorkloadEntry: 'networking.istio.io/v1',
  Telemetry: 'telemetry.istio.io/v1', WasmPlugin: 'extensions.istio.io/v1alpha1',
  BackendTLSPolicy: 'gateway.networking.k8s.io/v1', XBackendTrafficPolicy: 'gateway.networking.x-k8s.io/v1alpha1',
  HelmRepository: 'source.toolkit.fluxcd.io/v1', Application: 'argoproj.io/v1alpha1', Kustomization: 'kustomize.config.k8s.io/v1beta1',
  ClusterPolicy: 'kyverno.io/v1'
}

export interface CatalogCase {
  file: string
  text: string
  /** Line the finding must be on. */
  line: number
}

type Step = string | number

/** `spec.a[].b["c.d"][1]` with macros expanded for a Deployment / traffic policy → concrete steps. */
function concrete(path: string): Step[] {
  const expanded = path.replace(/^\$trafficPolicy/, 'spec.trafficPolicy').replace(/^\$podSpec/, 'spec.template.spec').replace(/^\$podMetadata/, 'spec.template.metadata')
  const steps: Step[] = []
  const re = /\["([^"]+)"\]|\[(\d*)\]|([^.[\]]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(expanded)) !== null) {
    if (m[1] !== undefined) steps.push(m[1])
    else if (m[2] !== undefined) steps.push(m[2] === '' ? 0 : Number(m[2]))
    else steps.push(m[3] === '*' ? 'x' : m[3])
  }
  return steps
}

function set(root: { [k: string]: Y }, steps: readonly Step[], value: Y): void {
  let node: Y = root
  steps.forEach((step, i) => {
    const last = i === steps.length - 1
    const nextIsIndex = typeof steps[i + 1] === 'number'
    const fresh = (): Y => (nextIsIndex ? [] : {})
    if (typeof step === 'number') {
      const list = node as Y[]
      while (list.length <= step) list.push(last ? value : fresh())
      if (last) list[step] = value
      else if (list[step] === null || typeof list[step] !== 'object') list[step] = fresh()
      node = list[step]
    } else {
      const map = node as { [k: string]: Y }
      if (last) map[step] = value
      else if (map[step] === undefined || map[step] === null || typeof map[step] !== 'object') map[step] = fresh()
      node = map[step]
    }
  })
}

function valueFor(test: { values?: (string | number | boolean)[]; pattern?: string; empty?: true }, clean: boolean): Y {
  // An emptiness test: an empty map passes it, a map with a key does not.
  if (test.empty) return clean ? { key: 'x' } : {}
  if (test.values) return clean ? NO_MATCH : test.values[0]
  if (test.pattern !== undefined) {
    const sample = PATTERN_SAMPLES[test.pattern]
    if (sample === undefined) throw new Error(`no sample for pattern ${test.pattern}`)
    return clean ? (PATTERN_CLEAN[test.pattern] ?? NO_MATCH) : sample
  }
  return 'x'
}

/** Whether the value at `steps` passes a condition's value test (any value, when it has none). */
function passesAt(root: { [k: string]: Y }, steps: readonly Step[], test: { values?: (string | number | boolean)[]; pattern?: string; empty?: true }): boolean {
  let node: Y = root
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return false
    node = (node as Record<string | number, Y>)[step]
  }
  if (test.empty) return node === null || (typeof node === 'object' && Object.keys(node).length === 0)
  if (node === undefined || node === null) return false
  if (test.values) return test.values.some((v) => String(v) === String(node))
  if (test.pattern !== undefined) return typeof node !== 'object' && new RegExp(test.pattern).test(String(node))
  return true
}

function unset(root: { [k: string]: Y }, steps: readonly Step[]): void {
  let node: Y = root
  for (const step of steps.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return
    node = (node as Record<string | number, Y>)[step]
  }
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) delete (node as Record<string, Y>)[String(steps[steps.length - 1])]
}

/** The value at `steps`, or undefined. */
function valueAtSteps(root: { [k: string]: Y }, steps: readonly Step[]): Y | undefined {
  let node: Y = root
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, Y>)[step]
  }
  return node
}

/** Whether a value sits at `steps`. */
function has(root: { [k: string]: Y }, steps: readonly Step[]): boolean {
  let node: Y = root
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return false
    node = (node as Record<string | number, Y>)[step]
  }
  return node !== undefined
}

/** Writes what the conditions need; `broken` does the opposite (absent ones written, required ones removed). */
function applyConditions(root: { [k: string]: Y }, where: readonly Condition[] | undefined, broken = false, matched: Step[] = [], match?: { pattern?: string }): void {
  // Two required conditions on the same `…[]` list (an exclusion and an import among one listener's hosts) take
  // successive items, so the first one's value is not overwritten.
  const taken = new Set<string>()
  for (const c of where ?? []) {
    // `@.x` conditions sit under the matched value itself, `@..x` beside it (in the map that holds it).
    let steps = c.path.startsWith('@..') ? [...matched.slice(0, -1), ...concrete(c.path.slice(3))] : c.path.startsWith('@.') ? [...matched, ...concrete(c.path.slice(2))] : concrete(c.path)
    if (!broken && !c.absent && c.path.endsWith('[]')) {
      while (taken.has(JSON.stringify(steps))) steps = [...steps.slice(0, -1), (steps[steps.length - 1] as number) + 1]
      taken.add(JSON.stringify(steps))
    }
    // equalsPath: copy the value at the other path (equal), or make it differ from that value (absent).
    if (c.equalsPath !== undefined) {
      const other = valueAtSteps(root, concrete(c.equalsPath))
      if (Boolean(c.absent) === broken) {
        if (other !== undefined) set(root, steps, other)
      } else if (other !== undefined && valueAtSteps(root, steps) === other) set(root, steps, `${String(other)}-other`)
      continue
    }
    // equalsGroup: the value is the capture group of the match pattern on its sample.
    const group = c.equalsGroup !== undefined ? new RegExp(match?.pattern ?? '').exec(PATTERN_SAMPLES[match?.pattern ?? ''] ?? '')?.[c.equalsGroup] ?? 'x' : undefined
    // beforeGroup: a value that sorts before the group (its first letter stepped back), e.g. 'aookinfo' for 'bookinfo'.
    const value = group === undefined ? valueFor(c, false) : c.beforeGroup ? String.fromCharCode(group.charCodeAt(0) - 1) + group.slice(1) : group
    if (Boolean(c.absent) === broken) set(root, steps, value)
    else if (broken) unset(root, steps)
    // An absent condition with a pattern holds on a value the pattern rejects: write that clean value where the
    // base resource already has the field (a Secret's metadata.namespace: default against `^(?!.*istio)`).
    else if (c.absent && c.pattern !== undefined && PATTERN_CLEAN[c.pattern] !== undefined && c.equalsGroup === undefined && has(root, steps)) set(root, steps, PATTERN_CLEAN[c.pattern])
    // An absent condition that a value the case already holds would break is satisfied by removing that value (e.g.
    // the namespace every sample resource carries, for a condition that holds where it is unset or istio-system).
    else if (passesAt(root, steps, c)) unset(root, steps)
  }
}

/** Renames the last map key of a path (the "clean" variant of a presence match). */
function renameLastKey(steps: Step[]): Step[] {
  const i = steps.map((s) => typeof s).lastIndexOf('string')
  return steps.map((s, j) => (j === i ? `${String(s)}Unrelated` : s))
}

function resource(apiVersion: string, kind: string, name = 'sample'): { [k: string]: Y } {
  return { apiVersion, kind, metadata: { name, namespace: 'default' } }
}

/** Holder object for an annotation/label `on` value: [document, path of its metadata]. */
function holder(on: string): { doc: { [k: string]: Y }; meta: Step[] } {
  if (on === 'pod') {
    const doc = resource('apps/v1', 'Deployment')
    set(doc, ['spec', 'template', 'spec', 'containers', 0, 'name'], 'app')
    return { doc, meta: ['spec', 'template', 'metadata'] }
  }
  const [kind, group] = on === '*' ? ['ConfigMap', ''] : on.includes('.') ? [on.slice(0, on.indexOf('.')), on.slice(on.indexOf('.') + 1)] : [on, '']
  const apiVersion = group ? (group === 'gateway.networking.x-k8s.io' ? `${group}/v1alpha1` : `${group}/v1`) : KIND_API[kind] ?? 'v1'
  return { doc: resource(apiVersion, kind), meta: ['metadata'] }
}

function helmRelease(chart: string, values: { [k: string]: Y }): { [k: string]: Y } {
  return { ...resource('helm.toolkit.fluxcd.io/v2', 'HelmRelease', chart), spec: { chart: { spec: { chart, version: '1.28.0' } }, values } }
}

function meshConfigMap(mesh: { [k: string]: Y }): { [k: string]: Y } {
  return { ...resource('v1', 'ConfigMap', 'istio'), data: { mesh: new LiteralBlock(mesh) } }
}

/** The annotation or label on an object it is not read from (a ConfigMap), or undefined when `on` allows any object. */
export function buildWrongHolderCase(match: Match): CatalogCase | undefined {
  if ((match.type !== 'annotation' && match.type !== 'label') || match.on.includes('*') || match.on.includes('ConfigMap')) return undefined
  const doc = resource('v1', 'ConfigMap')
  const path = ['metadata', match.type === 'annotation' ? 'annotations' : 'labels', match.key]
  set(doc, path, valueFor(match, false))
  const w = writeYaml([doc])
  return { file: 'case.yaml', text: w.text, line: w.lineOf(path) }
}

/**
 * The manifest for one match of an entry. `clean` builds the same manifest with the matched thing changed
 * (another key, value or apiVersion), which must not trip the match.
 */
export function buildCase(entry: CatalogEntry, match: Match, clean = false, brokenConditions = false): CatalogCase {
  const file = 'case.yaml'
  switch (match.type) {
    case 'resource': {
      const doc = resource(clean ? 'example.com/v1' : match.apiVersions[0], match.kinds[0])
      set(doc, ['spec', 'note'], 'x')
      // A resource match's conditions use absolute paths: met (or broken) on the object itself.
      if (match.where?.length) applyConditions(doc, match.where, brokenConditions, [])
      const w = writeYaml([doc])
      return { file, text: w.text, line: w.lineOf(['apiVersion']) }
    }
    case 'field': {
      const kind = match.kinds[0] === '$workload' ? 'Deployment' : match.kinds[0]
      const doc = resource(match.apiVersions?.[0] ?? KIND_API[kind] ?? 'v1', kind)
      // Required `@.x` conditions sit under the matched item, so they are written after it (the item is then a map).
      const relative = (match.where ?? []).some((c) => c.path.startsWith('@.') && !c.absent)
      if (!brokenConditions && !relative) applyConditions(doc, match.where, false, [], match)
      const steps = concrete(match.paths[0])
      const presenceOnly = !match.values && match.pattern === undefined
      const path = clean && presenceOnly ? renameLastKey(steps) : steps
      if (match.duplicates) {
        // Two items with the same value: the second one is reported (clean: two different values). With a
        // value test, both are values the test accepts.
        const second = steps.map((s, i) => (typeof s === 'number' && !steps.slice(i + 1).some((x) => typeof x === 'number') ? s + 1 : s))
        const [one, other] = match.values ? [match.values[0], match.values[1] ?? NO_MATCH] : ['first', 'second']
        set(doc, steps, one)
        set(doc, second, clean ? other : one)
        if (!brokenConditions && relative) applyConditions(doc, match.where, false, second, match)
        if (brokenConditions) applyConditions(doc, match.where, true, second)
        const w = writeYaml([doc])
        return { file, text: w.text, line: w.lineOf(second) }
      }
      set(doc, path, relative && presenceOnly ? {} : valueFor(match, clean))
      if (!brokenConditions && relative) applyConditions(doc, match.where, false, path, match)
      if (brokenConditions) applyConditions(doc, match.where, true, path, match)
      const w = writeYaml([doc])
      return { file, text: w.text, line: w.lineOf(path) }
    }
    case 'annotation':
    case 'label': {
      const on = match.on[0]
      if (on === 'selector') {
        // A match limited by selector kinds gets a selector of a kind it reports on (Service, else a PodMonitor).
        const serviceOk = (match.selectorKinds?.includes('Service') ?? true) && !(match.notSelectorKinds?.includes('Service') ?? false)
        const doc = serviceOk ? resource('v1', 'Service') : resource('monitoring.coreos.com/v1', 'PodMonitor')
        const key = clean ? `${match.key}-other` : match.key
        set(doc, ['spec', 'selector', key], valueFor(match, false))
        // A `selectorSibling` that must be present is written next to the key (on the clean case too: only the key differs).
        if (match.type === 'label' && match.selectorSibling?.present) set(doc, ['spec', 'selector', match.selectorSibling.key], valueFor(match, false))
        const w = writeYaml([doc])
        return { file, text: w.text, line: w.lineOf(['spec', 'selector', key]) }
      }
      const { doc, meta } = holder(on)
      const key = clean && !match.values && match.pattern === undefined ? `${match.key}-other` : match.key
      const path = [...meta, match.type === 'annotation' ? 'annotations' : 'labels', key]
      set(doc, path, valueFor(match, clean))
      const w = writeYaml([doc])
      return { file, text: w.text, line: w.lineOf(path) }
    }
    case 'meshConfig':
    case 'proxyConfig': {
      const inner: { [k: string]: Y } = {}
      const all = match.where
      // `$values.x` conditions (MeshConfig matches) sit in the istiod Helm values that hold the MeshConfig (then
      // written as a HelmRelease).
      const onValues = match.type === 'meshConfig' ? (all ?? []).filter((c) => c.path.startsWith('$values.')).map((c) => ({ ...c, path: c.path.slice('$values.'.length) })) : []
      // `$annotations["k"]` conditions (ProxyConfig matches) sit in the pod annotations next to proxy.istio.io/config
      // (then written as a Deployment whose pod template carries the ProxyConfig in that annotation).
      const onAnnotations = match.type === 'proxyConfig' ? (all ?? []).filter((c) => c.path.startsWith('$annotations')).map((c) => ({ ...c, path: c.path.slice('$annotations'.length).replace(/^\./, '') })) : []
      const where = all?.filter((c) => !c.path.startsWith('$values.') && !c.path.startsWith('$annotations'))
      // As for fields: `@.x` conditions sit under the matched value, the others anywhere in the MeshConfig (for a
      // ProxyConfig match: in the same ProxyConfig, defaultConfig).
      const relative = (where ?? []).some((c) => c.path.startsWith('@.'))
      const own: { [k: string]: Y } = {}
      const steps = [...(match.type === 'proxyConfig' ? ['defaultConfig'] : []), ...concrete(match.paths[0])]
      const presenceOnly = !match.values && match.pattern === undefined
      // A condition inside the matched value itself (e.g. `discoverySelectors[]` on `discoverySelectors`: a non-empty
      // list) writes that value; without the matched thing it is left out.
      const inside = (c: Condition): boolean => match.type === 'meshConfig' && concrete(c.path).length > concrete(match.paths[0]).length && concrete(match.paths[0]).every((s, i) => concrete(c.path)[i] === s)
      if (!brokenConditions && !relative) applyConditions(own, clean && presenceOnly ? where?.filter((c) => !inside(c)) : where)
      const path = clean && presenceOnly ? renameLastKey(steps) : steps
      if (match.type === 'proxyConfig') inner.defaultConfig = own
      else Object.assign(inner, own)
      if (!(presenceOnly && !clean && !relative && has(inner, path))) set(inner, path, relative && presenceOnly ? {} : valueFor(match, clean))
      if (!brokenConditions && relative) applyConditions(inner, where, false, path, match)
      if (brokenConditions) {
        const root = match.type === 'proxyConfig' ? (inner.defaultConfig as { [k: string]: Y }) : inner
        applyConditions(root, (where ?? []).filter((c) => !c.path.startsWith('@.')), true)
        applyConditions(inner, (where ?? []).filter((c) => c.path.startsWith('@.')), true, path, match)
      }
      if (onAnnotations.length) {
        const { doc, meta } = holder('pod')
        const annotations: { [k: string]: Y } = {}
        applyConditions(annotations, onAnnotations, brokenConditions)
        annotations['proxy.istio.io/config'] = new LiteralBlock(inner.defaultConfig as { [k: string]: Y })
        set(doc, [...meta, 'annotations'], annotations)
        const w = writeYaml([doc])
        return { file, text: w.text, line: w.lineOf([...meta, 'annotations', 'proxy.istio.io/config']) }
      }
      if (onValues.length) {
        const values: { [k: string]: Y } = { meshConfig: inner }
        applyConditions(values, onValues, brokenConditions)
        const w = writeYaml([helmRelease('istiod', values)])
        return { file, text: w.text, line: w.lineOf(['spec', 'values', 'meshConfig', ...path]) }
      }
      const w = writeYaml([meshConfigMap(inner)])
      return { file, text: w.text, line: w.lineOf(['data', 'mesh', ...path]) }
    }
    case 'helmValue': {
      const values: { [k: string]: Y } = {}
      if (!brokenConditions) applyConditions(values, match.where)
      const steps = concrete(match.paths[0])
      const presenceOnly = !match.values && match.pattern === undefined
      const path = clean && presenceOnly ? renameLastKey(steps) : steps
      set(values, path, valueFor(match, clean))
      if (brokenConditions) applyConditions(values, match.where, true)
      const w = writeYaml([helmRelease(match.chart, values)])
      return { file, text: w.text, line: w.lineOf(['spec', 'values', ...path]) }
    }
    case 'env': {
      const name = clean ? `${match.name}_OTHER` : match.name
      const value = match.values || match.pattern !== undefined ? valueFor(match, false) : 'true'
      if (match.component === 'proxy') {
        const w = writeYaml([meshConfigMap({ defaultConfig: { proxyMetadata: { [name]: value } } })])
        return { file, text: w.text, line: w.lineOf(['data', 'mesh', 'defaultConfig', 'proxyMetadata', name]) }
      }
      if (match.component === 'cni') {
        const w = writeYaml([helmRelease('cni', { env: { [name]: value } })])
        return { file, text: w.text, line: w.lineOf(['spec', 'values', 'env', name]) }
      }
      // documentWhere conditions that must hold (e.g. the profile set next to the variable): an IstioOperator when they
      // name its spec, otherwise the HelmRelease's values (a path of a plain values file moves under spec.values).
      const required = (match.documentWhere ?? []).filter((c) => !c.absent)
      if (required.some((c) => c.path.startsWith('spec.') && !c.path.startsWith('spec.values.'))) {
        const iop = { ...resource('install.istio.io/v1alpha1', 'IstioOperator', 'istiod'), spec: { values: { pilot: { env: { [name]: value } } } } }
        if (!brokenConditions) applyConditions(iop, required)
        const w = writeYaml([iop])
        return { file, text: w.text, line: w.lineOf(['spec', 'values', 'pilot', 'env', name]) }
      }
      const release = helmRelease('istiod', { pilot: { env: { [name]: value } } })
      if (!brokenConditions) applyConditions(release, required.map((c) => (c.path.startsWith('spec.') ? c : { ...c, path: `spec.values.${c.path}` })))
      const w = writeYaml([release])
      return { file, text: w.text, line: w.lineOf(['spec', 'values', 'pilot', 'env', name]) }
    }
    case 'text': {
      const kind = match.kinds?.[0] ?? 'ClusterPolicy'
      const doc = resource(KIND_API[kind] ?? 'v1', kind)
      const sample = match.contains ?? PATTERN_SAMPLES[match.pattern ?? '']
      if (sample === undefined) throw new Error(`no sample for pattern ${String(match.pattern)}`)
      set(doc, ['spec', 'note'], clean ? 'nothing relevant' : `value: ${sample}`)
      const w = writeYaml([doc])
      return { file, text: w.text, line: w.lineOf(['spec', 'note']) }
    }
    case 'helmChart': {
      // Conditions read { releaseName, values }: the release is named 'sample' unless a condition names it.
      const install: { [k: string]: Y } = { releaseName: 'sample', values: {} }
      applyConditions(install, match.where, brokenConditions)
      const doc = helmRelease(clean ? 'not-an-istio-chart' : match.names[0], install.values as { [k: string]: Y })
      if (typeof install.releaseName === 'string') set(doc, ['spec', 'releaseName'], install.releaseName)
      const w = writeYaml([doc])
      return { file, text: w.text, line: w.lineOf(['spec', 'chart', 'spec', 'chart']) }
    }
    case 'crossObject': {
      const text = CROSS_OBJECT_CASES[match.check](clean, match.provider ?? '')
      return { file, text, line: text.split('\n').findIndex((l) => l.includes('# reported')) + 1 }
    }
  }
  throw new Error(`no case for ${entry.id}`)
}

/**
 * The cross-object checks: two documents in one file that pair (the second reference is reported, marked
 * `# reported`), and with `clean` a variant that does not pair.
 */
const CROSS_OBJECT_CASES: Record<Extract<Match, { type: 'crossObject' }>['check'], (clean: boolean, provider: string) => string> = {
  // One gateway workload (same selector) reads `cert` and `istio-ingress/cert`: one Secret spelt two ways.
  // Clean: the second Gateway names the Secret of another namespace.
  'secret-name-forms': (clean) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: first
  namespace: apps
spec:
  selector:
    istio: ingress
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [a.example.com]
    tls:
      mode: SIMPLE
      credentialName: cert
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: second
  namespace: istio-ingress
spec:
  selector:
    istio: ingress
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [b.example.com]
    tls:
      mode: SIMPLE
      credentialName: ${clean ? 'istio-ingress/other-cert' : 'istio-ingress/cert'} # reported
`,
  // An HTTPS server on 443 (bind .1) listed before an HTTP server on 443 (bind .2) of the same workloads. Clean: the
  // HTTP server listens on 80.
  'https-http-bind': (clean) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: istio-ingress
spec:
  selector:
    istio: ingress
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    bind: 10.0.0.1
    hosts: [a.example.com]
    tls: {mode: SIMPLE, credentialName: cert}
  - port:
      number: ${clean ? 80 : 443} # reported
      name: http
      protocol: HTTP
    bind: 10.0.0.2
    hosts: [a.example.com]
`,
  // Two ServiceEntries of one namespace with one host, in a mesh that runs ambient. Clean: another namespace.
  'ambient-serviceentry-hosts': (clean) => `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels:
    istio.io/dataplane-mode: ambient
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: api-a
  namespace: apps
spec:
  hosts: [api.example.com]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: api-b
  namespace: ${clean ? 'other' : 'apps'}
spec:
  hosts:
  - api.example.com # reported
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: DNS
`,
  // The repository runs the in-cluster operator, which reconciles the IstioOperator object next to it. Clean: the
  // IstioOperator is marked as local input (kustomize and kpt never apply it).
  'istio-operator-applied': (clean) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istio-operator
  namespace: istio-operator
spec:
  template:
    spec:
      containers:
      - name: istio-operator
        image: docker.io/istio/operator:1.22.0
---
apiVersion: install.istio.io/v1alpha1 # reported
kind: IstioOperator
metadata:
  name: mesh
  namespace: istio-system${clean ? `
  annotations:
    config.kubernetes.io/local-config: "true"` : ''}
spec:
  profile: default
`,
  // An Istio Gateway in apps selecting the pods of the Gateway API Gateway edge in istio-ingress (clean: both in one namespace).
  'gateway-merge-namespaces': (clean) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: ${clean ? 'apps' : 'istio-ingress'}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: extra
  namespace: apps
spec:
  selector:
    gateway.networking.k8s.io/gateway-name: edge # reported
  servers:
  - port: {number: 8080, name: http-extra, protocol: HTTP}
    hosts: ["*"]
`,
  // A provider of the match's kind in the istio ConfigMap's mesh config and a Telemetry that selects it (clean: the
  // Telemetry selects another provider).
  'tracing-provider-selected': (clean, provider) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    extensionProviders:
    - name: old
      ${provider}: # reported
        service: collector.tracing.svc.cluster.local
        port: 8080
---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: mesh-default
  namespace: istio-system
spec:
  tracing:
  - providers:
    - name: ${clean ? 'other' : 'old'}
`,
  // The same provider that nothing selects (clean: the mesh config selects it as the default tracer).
  'tracing-provider-unselected': (clean, provider) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-${clean ? `
    defaultProviders:
      tracing: [old]` : ''}
    extensionProviders:
    - name: old
      ${provider}: # reported
        service: collector.tracing.svc.cluster.local
        port: 8080
`
}
// A canary waypoint name, captured to compare with the primary (istio-1.31-waypoint-canary, audit 20).
PATTERN_SAMPLES['^(?!none$)(\\S+)$'] = 'waypoint-canary'
PATTERN_CLEAN['^(?!none$)(\\S+)$'] = 'none'
// A status port of 0: no probes injected (istio-1.20-sidecar-startup-probe opt-out, audit 20).
PATTERN_SAMPLES['^\\s*0+\\s*$'] = '0'
// A stats inclusion that exports the outbound clusters' circuit-breaker gauges (istio-1.29-circuit-breaker-remaining-metrics, audit 24).
// Audit 27 f27c: split per inclusion kind, so a prefix that names a single other stat of a cluster stays quiet.
PATTERN_SAMPLES["(?:^|,)\\s*(?:cluster\\.?|cluster\\.(?:(?!\\.(?:[a-z][a-z0-9]*_|(?:upstream|version|http[123]|tls|ssl)\\s*(?:,|$)))[^,\\s])*(?:\\.circuit_(?:breakers(?:\\.(?:(?:default|high)(?:\\.(?:remaining_[^,\\s]*|(?:r(?:e(?:m(?:a(?:i(?:n(?:i(?:n(?:g)?)?)?)?)?)?)?)?)?))?|(?:d(?:e(?:f(?:a(?:u(?:l(?:t)?)?)?)?)?)?)?|(?:h(?:i(?:g(?:h)?)?)?)?))?|(?:b(?:r(?:e(?:a(?:k(?:e(?:r)?)?)?)?)?)?)?))?)\\s*(?:,|$)"] = "cluster.outbound"
PATTERN_SAMPLES["(?:^|,)\\s*[^,]*remaining_(?:cx|pending|rq|retries|cx_pools)\\s*(?:,|$)"] = "remaining_rq"
PATTERN_SAMPLES["(?:^|,)\\s*(?:[^,]*(?:circuit_breakers|remaining)[^,]*|\\.[*+]|cluster(?:\\\\?\\.)?(?:(?!\\\\?\\.[a-z][a-z0-9]*_)[^,])*\\.[*+])\\s*(?:,|$)"] = ".*circuit_breakers.*"
// A non-blank ca-crl.pem: an empty CRL revokes nothing (istio-1.27-plugged-ca-crl, audit 27 f27c).
PATTERN_SAMPLES['[^\\s]'] = 'LS0tLS1CRUdJTiBYNTA5IENSTC0tLS0t'
PATTERN_CLEAN['[^\\s]'] = ''
// Round 28 (r28f): an empty value is no setting (Namespace traffic-distribution); the new 1.30 variables report only
// values their parser reads (a bool, a Go duration, an int), as pkg/env falls back to the default on anything else.
PATTERN_CLEAN['\\S'] = ''
PATTERN_SAMPLES['^\\s*(1|t|T|true|TRUE|True)\\s*$'] = 'true'
PATTERN_CLEAN['^\\s*(1|t|T|true|TRUE|True)\\s*$'] = 'false'
PATTERN_SAMPLES['^\\s*(?!(15s|15000ms)\\s*$)(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+)\\s*$'] = '30s'
PATTERN_CLEAN['^\\s*(?!(15s|15000ms)\\s*$)(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+)\\s*$'] = '15s'
PATTERN_SAMPLES['^\\s*(?!(5s|5000ms)\\s*$)(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+)\\s*$'] = '10s'
PATTERN_CLEAN['^\\s*(?!(5s|5000ms)\\s*$)(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+)\\s*$'] = '5s'
PATTERN_SAMPLES['^\\s*(?!0*268435456\\s*$)\\d+\\s*$'] = '536870912'
PATTERN_CLEAN['^\\s*(?!0*268435456\\s*$)\\d+\\s*$'] = '268435456'
PATTERN_SAMPLES['^\\s*(?!0*16777216\\s*$)\\d+\\s*$'] = '65536'
PATTERN_CLEAN['^\\s*(?!0*16777216\\s*$)\\d+\\s*$'] = '16777216'
PATTERN_SAMPLES['^\\s*(?!0*25165824\\s*$)\\d+\\s*$'] = '65536'
PATTERN_CLEAN['^\\s*(?!0*25165824\\s*$)\\d+\\s*$'] = '25165824'
// x-envoy-internal header matches that can see Envoy's "true" (istio-1.25-envoy-internal-address, audit 28 r28c).
PATTERN_SAMPLES['^(?!true$)'] = 'false'
PATTERN_CLEAN['^(?!true$)'] = 'true'
PATTERN_SAMPLES['^(?!(t|tr|tru|true)?$)'] = 'f'
PATTERN_CLEAN['^(?!(t|tr|tru|true)?$)'] = 'tr'
// A traffic-distribution annotation value PreferClose in any case (istio-1.24-traffic-distribution-annotation, audit 30: the 1.24 code compares with EqualFold).
PATTERN_SAMPLES['^[Pp][Rr][Ee][Ff][Ee][Rr][Cc][Ll][Oo][Ss][Ee]$'] = 'PreferClose'
