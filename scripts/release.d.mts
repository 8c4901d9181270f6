// Types of scripts/release.mjs for the TypeScript tests.
export declare class ReleaseError extends Error {}
export declare function changelogSection(text: string, version: string): string | undefined
export declare function release(options: { cwd: string; version: string; remote?: string; push?: boolean; notes?: string }): { tag: string; major: string; commit: string }
