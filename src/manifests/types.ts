// The manifest model: YAML documents with the source position of every node.
import type { Finding, ResourceRef } from '../model.js'

interface NodeBase {
  /**
   * Offsets into the file text (UTF-16 code units, BOM excluded), end exclusive; quotes of a quoted scalar are
   * outside [start, end). -1 when the exact place is unknown (YAML embedded in a folded or multi-line quoted
   * scalar: line and endLine are then the embedding scalar's).
   */
  start: number
  end: number
  /** 1-based lines in the file. */
  line: number
  endLine: number
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar'
  /** The decoded text of the scalar (before type resolution). */
  text: string
  /** 'plain' | 'single' | 'double' | 'literal' | 'folded' */
  style: ScalarStyleName
  tag?: string
}

export type ScalarStyleName = 'plain' | 'single' | 'double' | 'literal' | 'folded'

export interface MapEntry {
  /** The key as js-yaml stores it (`1.0` → '1', `~` → 'null'); complex keys become '<complex>'. */
  key: string
  keyNode: PosNode
  value: PosNode | null
}

export interface MapNode extends NodeBase {
  kind: 'map'
  flow: boolean
  entries: MapEntry[]
}

export interface SeqNode extends NodeBase {
  kind: 'seq'
  flow: boolean
  items: PosNode[]
}

export interface AliasNode extends NodeBase {
  kind: 'alias'
  anchor: string
  /** The anchored node, when known. Walkers must not follow it more than once (alias bombs). */
  target?: PosNode
}

export type PosNode = ScalarNode | MapNode | SeqNode | AliasNode

/** A path into a document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[]

export type DocumentKind =
  | 'resource'          // anything with apiVersion + kind
  | 'helm-values'       // a values file of an Istio chart
  | 'unknown'           // YAML we do not recognise; ignored by the rules

/** What an Istio-related resource is, so rules can select quickly. */
export type ResourceFamily =
  | 'istio'             // *.istio.io CRDs (networking, security, telemetry, extensions)
  | 'istio-operator'    // install.istio.io IstioOperator
  | 'gateway-api'       // gateway.networking.k8s.io (standard + experimental)
  | 'inference'         // inference.networking(.x-k8s).io
  | 'workload'          // Deployment, StatefulSet, DaemonSet, Pod, Job, CronJob, ReplicaSet
  | 'namespace'
  | 'service'
  | 'mesh-configmap'    // ConfigMap `istio` / `istio-<rev>` carrying MeshConfig in data.mesh
  | 'helm-release'      // Flux HelmRelease or Argo CD Application (doc.chart: the Istio chart it installs, if any)
  | 'webhook'           // Mutating/ValidatingWebhookConfiguration
  | 'policy'            // admission policies (Kyverno, Gatekeeper, ValidatingAdmissionPolicy)
  | 'other'

/**
 * A YAML document embedded in another one: MeshConfig in a ConfigMap block scalar,
 * Helm values inside a HelmRelease / Application / IstioOperator.
 */
export interface EmbeddedDocument {
  role: 'mesh-config' | 'helm-values'
  /** For helm-values: the Istio chart the values are for (base, istiod, gateway, cni, ztunnel, istio-operator). */
  chart?: string
  /**
   * Where the embedded document is, e.g. ['data', 'mesh'] or ['spec', 'values']. MeshConfig inside a values
   * string continues the string's path: ['spec', 'source', 'helm', 'values', 'meshConfig'].
   */
  at: YamlPath
  /**
   * Its position tree, in file lines. YAML held in a literal block (`mesh: |`) or a one-line scalar has exact
   * lines and offsets; in a folded or multi-line quoted scalar every node has the scalar's lines and offset -1.
   */
  root: PosNode | null
  value: unknown
  /**
   * Helm values only: the release takes more values from objects this document does not hold (a Flux HelmRelease's
   * spec.valuesFrom ConfigMaps/Secrets), so a setting missing here may still be set.
   */
  valuesIncomplete?: true
}

export interface ManifestDocument {
  file: string
  /**
   * 0-based index of the document in its file, counting documents that were skipped as broken or as templates
   * (so the documents after a broken one keep their identity) but not empty ones (`---` with nothing after it).
   */
  index: number
  line: number
  endLine: number
  root: PosNode | null
  /** Plain JS value (merge keys applied). */
  value: unknown
  kind: DocumentKind
  family?: ResourceFamily
  /** The Istio chart a helm-release installs (its first one) or helm-values are for; 'istio-operator' for IstioOperator. */
  chart?: string
  resource?: ResourceRef
  embedded: EmbeddedDocument[]
}

export interface ManifestFile {
  path: string
  /** Lines of the file without their line terminators (CRLF and BOM removed). */
  lines: string[]
  /** Offset of each line's start in the parsed text (BOM removed): turns node offsets into columns. */
  lineStarts?: readonly number[]
  documents: ManifestDocument[]
  /** parse findings: broken YAML, templates, binary, too large, alias bombs. */
  problems: Finding[]
}

export type ChangeStatus = 'added' | 'changed' | 'removed' | 'unchanged'

export interface ResourceChange {
  status: ChangeStatus
  /** Stable identity: group/kind/namespace/name (or file#index for non-resources). */
  key: string
  head?: ManifestDocument
  base?: ManifestDocument
  /** Dotted paths of leaves that differ (changed only). */
  changedPaths: string[]
}
