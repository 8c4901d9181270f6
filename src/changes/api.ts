// A snapshot read through the REST API, for runs without a git checkout of both commits.
import type { Snapshot } from '../pipeline.js'
import { readTarball, TarError, type TarFile } from './tar.js'

/** The part of Octokit this needs; both @actions/github and @octokit/rest clients satisfy it. */
export interface RequestClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: any; status: number }>
}

/** The contents API returns content inline only up to 1 MB; above the manifests layer's limit we do not ask. */
const MAX_BLOB_BYTES = 4 * 1024 * 1024
/**
 * From this many files to read, one tarball of the commit costs fewer requests than one contents read per file
 * (2 requests: the repository's size, then the archive).
 */
export const ARCHIVE_MIN_FILES = 20
/** Repositories above this size (GitHub's `size`, in KiB, of the repository) are read file by file instead. */
export const MAX_ARCHIVE_REPO_KIB = 100 * 1024
/** What an archive may unpack to; more is a gzip bomb or not a GitOps repository. */
const MAX_ARCHIVE_UNPACKED = 512 * 1024 * 1024
/** Contents reads in flight at once. */
const READ_CONCURRENCY = 8

export interface ApiSnapshotOptions {
  /** Called with why the archive was not used; for the log. */
  log?: (message: string) => void
  /** The repository's size in KiB; snapshots of one run share it (default: asked from `GET /repos/{owner}/{repo}`). */
  repoSizeKiB?: () => Promise<number | undefined>
}

/** The repository's size in KiB from `GET /repos/{owner}/{repo}`, asked at most once. */
export function repoSizeOnce(client: RequestClient, owner: string, repo: string): () => Promise<number | undefined> {
  let size: Promise<number | undefined> | undefined
  return () => (size ??= client.request('GET /repos/{owner}/{repo}', { owner, repo }).then(({ data }) => (typeof data?.size === 'number' ? data.size : undefined)))
}

export function apiSnapshot(client: RequestClient, owner: string, repo: string, sha: string, options: ApiSnapshotOptions = {}): Snapshot {
  let tree: Promise<string[]> | undefined
  let archive: Promise<Map<string, TarFile> | undefined> | undefined
  const fetched = new Map<string, Uint8Array | undefined>()
  const repoSizeKiB = options.repoSizeKiB ?? repoSizeOnce(client, owner, repo)
  const tooLarge = (size: number): Uint8Array => new Uint8Array(Math.max(size, MAX_BLOB_BYTES + 1))

  const fetchFile = async (path: string): Promise<Uint8Array | undefined> => {
    try {
      const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref: sha })
      if (data?.type !== 'file') return undefined
      // Above the limit, keep the size visible to the manifests layer, which turns it into a notice.
      if ((data.size ?? 0) > MAX_BLOB_BYTES || typeof data.content !== 'string') return tooLarge(data.size ?? 0)
      return Buffer.from(data.content, 'base64')
    } catch (error) {
      // Absent at this commit (404): the file is new or was deleted.
      if ((error as { status?: number }).status !== 404) throw error
      return undefined
    }
  }

  /** The commit's files from one tarball, or undefined when the repository is too large or the archive fails. */
  const loadArchive = async (): Promise<Map<string, TarFile> | undefined> => {
    try {
      const kib = (await repoSizeKiB()) ?? Infinity
      if (kib > MAX_ARCHIVE_REPO_KIB) {
        options.log?.(`The repository is ${Number.isFinite(kib) ? `${Math.round(kib / 1024)} MiB` : 'of unknown size'}; reading files one by one instead of downloading it.`)
        return undefined
      }
      // GitHub answers with a redirect to codeload, which the client follows.
      const { data } = await client.request('GET /repos/{owner}/{repo}/tarball/{ref}', { owner, repo, ref: sha })
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : undefined
      if (!bytes) throw new TarError('the archive came back as text')
      return readTarball(bytes, { maxUnpacked: MAX_ARCHIVE_UNPACKED, maxFileBytes: MAX_BLOB_BYTES })
    } catch (error) {
      options.log?.(`Could not use the repository archive of ${sha.slice(0, 12)} (${(error as Error).message}); reading files one by one.`)
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
    // Detection, the analysis and the suggestions ask for the same files: each is fetched once, from the
    // commit's archive once many are wanted, else by the contents API a few at a time.
    read: async (paths) => {
      const wanted = [...new Set(paths)].filter((p) => !fetched.has(p))
      if (wanted.length >= ARCHIVE_MIN_FILES) archive ??= loadArchive()
      const files = archive ? await archive : undefined
      if (files) {
        for (const path of wanted) {
          const file = files.get(path)
          fetched.set(path, file === undefined ? undefined : (file.data ?? tooLarge(file.size)))
        }
      } else {
        let next = 0
        const worker = async (): Promise<void> => {
          while (next < wanted.length) {
            const path = wanted[next++]
            fetched.set(path, await fetchFile(path))
          }
        }
        await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, wanted.length) }, worker))
      }
      const out = new Map<string, Uint8Array>()
      for (const path of paths) {
        const data = fetched.get(path)
        if (data) out.set(path, data)
      }
      return out
    }
  }
}
