// What the PR changed: files, their status and the head lines a review comment may target.

export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'unchanged'

export interface ChangedFile {
  path: string
  /** Set for renames and copies. */
  previousPath?: string
  status: FileStatus
  /**
   * RIGHT-side (head) lines inside a hunk — added and context lines — mapped to the index of their hunk.
   * A review comment or suggestion may only target these; a suggestion must stay inside one hunk.
   */
  commentableLines: Map<number, number>
  /** Lines added by the PR (a subset of commentableLines). */
  addedLines: Set<number>
  /** The diff was not available (binary, too large, patch missing from the API). */
  patchMissing?: boolean
}

export interface ChangeSet {
  /** Where the change set came from. */
  source: 'git' | 'github' | 'paths'
  baseRef?: string
  headRef?: string
  /** Commit the findings are about; review comments are anchored to it. */
  headSha?: string
  files: ChangedFile[]
}
