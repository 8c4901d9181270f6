// A snapshot read through the REST API, for runs without a git checkout of both commits.
import type { Snapshot } from '../pipeline.js'

/** The part of Octokit this needs; both @actions/github and @octokit/rest clients satisfy it. */
export interface RequestClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: any; status: number }>
}

/** Blobs above this size are skipped, as the manifests layer would skip them anyway. */
const MAX_BLOB_BYTES = 4 * 1024 * 1024

export function apiSnapshot(client: RequestClient, owner: string, repo: string, sha: string): Snapshot {
  let tree: Promise<Map<string, { sha: string; size: number }>> | undefined
  const load = () =>
    (tree ??= client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: sha, recursive: '1' }).then(({ data }) => {
      const blobs = new Map<string, { sha: string; size: number }>()
      for (const entry of data.tree as { path: string; type: string; sha: string; size?: number }[]) {
        if (entry.type === 'blob') blobs.set(entry.path, { sha: entry.sha, size: entry.size ?? 0 })
      }
      return blobs
    }))
  return {
    list: async () => [...(await load()).keys()].sort(),
    read: async (paths) => {
      const blobs = await load()
      const out = new Map<string, Uint8Array>()
      for (const path of paths) {
        const blob = blobs.get(path)
        if (!blob) continue
        if (blob.size > MAX_BLOB_BYTES) {
          // Keep the size visible to the manifests layer, which turns it into a notice.
          out.set(path, new Uint8Array(blob.size))
          continue
        }
        const { data } = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner, repo, file_sha: blob.sha })
        out.set(path, Buffer.from(data.content as string, (data.encoding as BufferEncoding) ?? 'base64'))
      }
      return out
    }
  }
}
