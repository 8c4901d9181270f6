// Shared helpers of the manifest tests: YAML written line by line, so that line numbers can be read off.
import { lineOf } from '../../src/manifests/locate.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { ManifestDocument, ManifestFile, YamlPath } from '../../src/manifests/types.js'

/** Joins lines with '\n' and ends the text with one. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n'
}

export function parse(text: string | Uint8Array, path = 'manifests/app.yaml'): ManifestFile {
  return parseManifestFile(path, text)
}

/** The one document of a file that must parse cleanly. */
export function only(text: string, path?: string): ManifestDocument {
  const file = parse(text, path)
  expect(file.problems).toEqual([])
  expect(file.documents).toHaveLength(1)
  return file.documents[0]
}

/** file:line-endLine of a path, the form the assertions compare against. */
export function where(doc: ManifestDocument, path: YamlPath): string | undefined {
  const r = lineOf(doc.root, path)
  return r && `${doc.file}:${r.line}-${r.endLine}`
}
