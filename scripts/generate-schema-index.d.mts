// Types of scripts/generate-schema-index.mjs, for the tests that regenerate the index in memory.
import type { SchemaIndexData } from '../src/knowledge/schema-index.js'

export const INDEX_PATH: string
export const FORMAT_VERSION: number
export const RELEASES: string[]
export function defaultSharedRoot(): string
export function sharedSourcesExist(root?: string): boolean
export function readPins(root: string): Record<string, { dir: string; istio: string; crdFile: string | null; gatewayApi: string; inference: string | null }>
export function normaliseCel(rule: string): string
export function flattenSchema(schema: unknown): { nodes: Set<string>; open: Set<string>; enums: Map<string, Set<string>>; constraints: Map<string, unknown> }
export function formatReleases(mask: number): string
export function generateSchemaIndex(root?: string): SchemaIndexData
export function serializeSchemaIndex(index: SchemaIndexData): string
export function compareApiVersions(a: string, b: string): number
export function pathKeys(path: string): string[]
export function describeIndex(index: SchemaIndexData): string
