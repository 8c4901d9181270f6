// A snapshot read through the REST API, for runs without a git checkout of both commits.
import type { Snapshot } from '../pipeline.js'

/** The part of Octokit this needs; both @actions/github and @octokit/rest clients satisfy it. */
export interface RequestClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: any; status: number }>
}

/** The contents API returns content inline only up to 1 MB; above the manifests layer's limit we do not ask. */
const MAX_BLOB_BYTES = 4 * 1024 * 1024

export function apiSnapshot(client: RequestClient, owner: string, repo: string, sha: string): Snapshot {
  let tree: Promise<string[]> | undefined
  const fetched = new Map<string, Uint8Array | undefined>()
  const fetchFile = async (path: string): Promise<Uint8Array | undefined> => {
    try {
      const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref: sha })
      if (data?.type !== 'file') return undefined
      // Above the limit, keep the size visible to the manifests layer, which turns it into a notice.
      if ((data.size ?? 0) > MAX_BLOB_BYTES || typeof data.content !== 'string') return new Uint8Array(Math.max(data.size ?? 0, MAX_BLOB_BYTES + 1))
      return Buffer.from(data.content, 'base64')
    } catch (error) {
      // Absent at this commit (404): the file is new or was deleted.
      if ((error as { status?: number }).status !== 404) throw error
      return undefined
    }
  }
  return {
    // The whole tree is only needed when the PR bumps the Istio version; a truncated or failed listing
    // leaves the check to the changed files.
    list: () =>
      (tree ??= client
        .request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: sha, recursive: '1' })
        .then(({ data }) => (data.tree as { path: string; type: string }[]).filter((e) => e.type === 'blob').map((e) => e.path).sort())
        .catch(() => [])),
    // Detection, the analysis and the suggestions ask for the same files: each is fetched once.
    read: async (paths) => {
      const out = new Map<string, Uint8Array>()
      for (const path of paths) {
        if (!fetched.has(path)) fetched.set(path, await fetchFile(path))
        const data = fetched.get(path)
        if (data) out.set(path, data)
      }
      return out
    }
  }
}
