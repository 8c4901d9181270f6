// Types of scripts/bench/corpus.mjs for the TypeScript tests.

export interface CorpusFile {
  path: string
  text: string
}

export interface Corpus {
  files: CorpusFile[]
  /** YAML documents in all files; equals the count asked for. */
  documents: number
  /** UTF-8 bytes of all files. */
  bytes: number
}

/** A seeded PRNG returning numbers in [0, 1). */
export declare function prng(seed: number): () => number

/** `documents` realistic mesh manifests in files, the same bytes for the same seed. */
export declare function generateCorpus(documents: number, seed?: number): Corpus
