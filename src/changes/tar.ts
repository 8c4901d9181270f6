// Reads the regular files of a gzipped tar archive (GitHub's repository tarball) in memory. Only headers and
// file bytes are read; links, devices and directories are skipped, and nothing from the archive is written to disk.
import { gunzipSync } from 'node:zlib'

export interface TarLimits {
  /** Bytes the archive may unpack to; beyond it the archive is refused (a gzip bomb, or a huge repository). */
  maxUnpacked: number
  /** Files larger than this keep only their size (see TarFile.size); their bytes are not copied. */
  maxFileBytes: number
}

export interface TarFile {
  /** The file's bytes, or undefined when it is larger than maxFileBytes. */
  data: Uint8Array | undefined
  size: number
}

export class TarError extends Error {}

const BLOCK = 512

function field(block: Uint8Array, offset: number, length: number): string {
  let end = offset
  while (end < offset + length && block[end] !== 0) end++
  return Buffer.from(block.subarray(offset, end)).toString('utf8')
}

function octal(block: Uint8Array, offset: number, length: number): number {
  // GNU base-256 for sizes of 8 GiB and more: no repository file we want is that large.
  if (block[offset] & 0x80) throw new TarError('archive entry too large')
  const text = field(block, offset, length).trim()
  const value = text === '' ? 0 : parseInt(text, 8)
  if (!Number.isFinite(value) || value < 0) throw new TarError(`bad number "${text}" in an archive header`)
  return value
}

/** `path` records of a pax extended header ("<len> path=<value>\n"). */
function paxPath(data: Uint8Array): string | undefined {
  const text = Buffer.from(data).toString('utf8')
  let path: string | undefined
  let at = 0
  while (at < text.length) {
    const space = text.indexOf(' ', at)
    if (space < 0) break
    const length = Number(text.slice(at, space))
    if (!Number.isInteger(length) || length <= 0) break
    const record = text.slice(space + 1, at + length - 1)
    if (record.startsWith('path=')) path = record.slice(5)
    at += length
  }
  return path
}

/**
 * The regular files of `gzipped`, by path with the archive's top directory removed (GitHub wraps a commit in
 * `<owner>-<repo>-<sha>/`). Throws TarError for archives that are malformed or exceed the limits.
 */
export function readTarball(gzipped: Uint8Array, limits: TarLimits): Map<string, TarFile> {
  let tar: Buffer
  try {
    tar = gunzipSync(gzipped, { maxOutputLength: limits.maxUnpacked })
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    throw new TarError(tooLarge ? `archive unpacks to more than ${limits.maxUnpacked} bytes` : `not a gzip archive (${(error as Error).message})`)
  }
  const files = new Map<string, TarFile>()
  let longName: string | undefined
  let offset = 0
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK)
    if (header.every((b) => b === 0)) break // end of archive
    const size = octal(header, 124, 12)
    const type = String.fromCharCode(header[156] || 48)
    const dataStart = offset + BLOCK
    const dataEnd = dataStart + size
    if (dataEnd > tar.length) throw new TarError('archive ends inside an entry')
    const data = tar.subarray(dataStart, dataEnd)
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x') {
      longName = paxPath(data) ?? longName
      continue
    }
    if (type === 'L') {
      longName = field(data, 0, data.length)
      continue
    }
    if (type === 'g' || type === 'K') continue
    const magic = field(header, 257, 6)
    const prefix = magic.startsWith('ustar') ? field(header, 345, 155) : ''
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
    longName = undefined
    // Regular files only ('0' and the old NUL type); links, directories and devices are not repository content we read.
    if (type !== '0' && type !== '7') continue
    const slash = name.indexOf('/')
    const path = slash < 0 ? '' : name.slice(slash + 1)
    if (path === '' || path.split('/').some((part) => part === '..' || part === '.' || part === '')) continue
    // A view into the unpacked archive, not a copy: the archive is held once, however many files are read.
    files.set(path, { size, data: size > limits.maxFileBytes ? undefined : data })
  }
  return files
}
