// Reading and writing files next to content a pull request controls. A PR can commit symbolic links (to /dev/zero,
// to ~/.ssh/…, to a directory outside the checkout) and can name files as it likes: repository files are read only
// as regular files inside the repository, through no link, with a size cap; report files are written so that no
// link that is already there is followed.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { UsageError } from './model.js'

/** O_NOFOLLOW where the platform has it (not on Windows, where links need privileges to create anyway). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0
/** Opening a FIFO for reading would wait for a writer; a non-blocking open returns at once and fstat tells. */
const NONBLOCK = constants.O_NONBLOCK ?? 0

export interface ReadLimits {
  /** Larger files are refused with an error naming the limit; default: no limit. */
  maxBytes?: number
  /** How the file is named in messages, e.g. `config .github/istio-compat.yml`. */
  what?: string
}

/** The path of `path` relative to `root` with forward slashes, or undefined when it is outside `root`. */
export function insideRoot(root: string, path: string): string | undefined {
  const rel = relative(root, resolve(root, path))
  if (rel === '') return ''
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined
  return rel.split(sep).join('/')
}

/**
 * A file of the repository at `root`, read only when it is a regular file inside `root` reached through no symbolic
 * link, no larger than `maxBytes`. Undefined when it does not exist; a UsageError (with `what` and the reason) when
 * it exists but is anything else.
 */
export function readRepositoryFile(root: string, path: string, limits: ReadLimits = {}): Buffer | undefined {
  const what = limits.what ?? path
  const realRoot = realpathSync(root)
  const rel = insideRoot(realRoot, isAbsolute(path) ? resolveThroughRoot(root, realRoot, path) : path)
  if (rel === undefined || rel === '') throw new UsageError(`${what}: the path is outside the repository (${root})`)
  // Every component from the root down, without following any: a link anywhere on the way is refused.
  let at = realRoot
  const parts = rel.split('/')
  let stats: Stats | undefined
  for (let i = 0; i < parts.length; i++) {
    at = join(at, parts[i])
    stats = lstatOrUndefined(at)
    if (!stats) return undefined
    if (stats.isSymbolicLink()) throw new UsageError(`${what} is a symbolic link${i < parts.length - 1 ? ` (${parts.slice(0, i + 1).join('/')})` : ''}; istio-compat reads only regular files of the repository`)
    if (i < parts.length - 1 && !stats.isDirectory()) return undefined
  }
  return readRegular(at, stats as Stats, what, limits.maxBytes)
}

/** A file the user named outside the repository (e.g. `--config ~/istio-compat.yml`): links are the user's own, but only a regular file of bounded size is read. */
export function readUserFile(path: string, limits: ReadLimits = {}): Buffer | undefined {
  const what = limits.what ?? path
  let stats: Stats
  try {
    stats = statSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new UsageError(`${what}: ${(error as Error).message}`)
  }
  return readRegular(path, stats, what, limits.maxBytes, false)
}

function readRegular(path: string, seen: Stats, what: string, maxBytes: number | undefined, nofollow = true): Buffer {
  if (seen.isDirectory()) throw new UsageError(`${what} is a directory, not a file`)
  if (!seen.isFile()) throw new UsageError(`${what} is not a regular file (a device, socket or pipe); istio-compat reads only regular files`)
  if (maxBytes !== undefined && seen.size > maxBytes) throw new UsageError(`${what} is ${seen.size} bytes, more than the limit of ${maxBytes} bytes`)
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK | (nofollow ? NOFOLLOW : 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') throw new UsageError(`${what} is a symbolic link; istio-compat reads only regular files of the repository`)
    throw new UsageError(`${what}: cannot read it (${code ?? (error as Error).message})`)
  }
  try {
    // The file opened must be the one looked at: a swap between lstat and open is refused.
    const opened = fstatSync(fd)
    if (!opened.isFile() || opened.ino !== seen.ino || opened.dev !== seen.dev) throw new UsageError(`${what} changed while it was read`)
    return readAll(fd, what, maxBytes, opened.size)
  } finally {
    closeSync(fd)
  }
}

/**
 * Reads to the end, never more than `maxBytes` (a file that grows while read is refused, not followed forever).
 * One buffer of the size fstat gives (plus one byte to see the end), so reading many small files allocates little.
 */
function readAll(fd: number, what: string, maxBytes: number | undefined, size: number): Buffer {
  let buf = Buffer.allocUnsafe(size + 1)
  let total = 0
  for (;;) {
    if (total === buf.length) {
      if (maxBytes !== undefined && total > maxBytes) throw new UsageError(`${what} is more than the limit of ${maxBytes} bytes`)
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, 64 * 1024))
      buf.copy(bigger, 0, 0, total)
      buf = bigger
    }
    const n = readSync(fd, buf, total, buf.length - total, null)
    if (n === 0) break
    total += n
  }
  if (maxBytes !== undefined && total > maxBytes) throw new UsageError(`${what} is more than the limit of ${maxBytes} bytes`)
  return buf.subarray(0, total)
}

/**
 * Reads a file a directory walk found (a regular file, reached through real directories): opened without
 * following a link, and refused when it is no longer a regular file. Undefined when it cannot be read.
 */
export function readListedFile(path: string): Buffer | undefined {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK | NOFOLLOW)
  } catch {
    return undefined
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) return undefined
    return readAll(fd, path, undefined, stats.size)
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes `data` to `dir/name` without following a link that is already there: the data goes into a new file created
 * exclusively (O_EXCL, O_NOFOLLOW) next to it, which is then renamed over `name` — a rename replaces a link, it
 * never writes through it. `dir` itself must be a real directory.
 */
export function writeFileNoFollow(dir: string, name: string, data: string): string {
  const stats = lstatOrUndefined(dir)
  if (!stats?.isDirectory()) throw new Error(`${dir} is ${stats?.isSymbolicLink() ? 'a symbolic link' : 'not a directory'}; report files are written only into a real directory`)
  const target = join(dir, name)
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}`)
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o644)
  try {
    const bytes = Buffer.from(data, 'utf8')
    let off = 0
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off)
  } catch (error) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  closeSync(fd)
  try {
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  return target
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw error
  }
}

/** An absolute path given for a file under `root`, expressed under root's real path (root may itself sit behind a link, e.g. /tmp on macOS). */
function resolveThroughRoot(root: string, realRoot: string, path: string): string {
  const abs = resolve(path)
  const viaRoot = insideRoot(resolve(root), abs)
  return viaRoot === undefined ? abs : join(realRoot, viaRoot)
}
