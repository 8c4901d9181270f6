// Types of scripts/import-yaml-parity.mjs, for the parity test.
export const PARITY_FIXTURES: string
export function defaultParitySource(): string
export function paritySourceExists(source?: string): boolean
export function parityFiles(source?: string): Map<string, Buffer>
