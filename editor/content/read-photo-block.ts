/** Reads one `::: photo SRC` … `:::` block into its source and fields, with line numbers. */

import type { LineProblem } from './line-problem.ts'
import type { Field } from './parse-front-matter.ts'

/** The fields a photo block may carry (FORMAT.md); size and type only for URL sources. */
export const PHOTO_KEYS = ['alt', 'caption', 'credit', 'size', 'type'] as const
/** One of PHOTO_KEYS. */
export type PhotoKey = (typeof PHOTO_KEYS)[number]

/** A photo block as written: its `::: photo` line, source and fields. */
export interface RawPhoto {
  line: number
  src: string
  fields: Partial<Record<PhotoKey, Field>>
}

const isPhotoKey = (k: string): k is PhotoKey => (PHOTO_KEYS as readonly string[]).includes(k)

/** Reads the block opening at lines[start]; `next` is the index after it (the closing `:::`, or where it broke off). */
export function readPhotoBlock(
  lines: readonly string[],
  start: number,
  problems: LineProblem[],
): { photo?: RawPhoto; next: number } {
  const open = (lines[start] ?? '').trim()
  const line = start + 1
  const m = /^:::\s*photo(?:\s+(.*))?$/.exec(open)
  if (!m) {
    problems.push({
      line,
      message: `unknown block "${open}"; the only block is "::: photo SRC" closed by ":::"`,
    })
    return { next: start + 1 }
  }
  const photo: RawPhoto = { line, src: (m[1] ?? '').trim(), fields: {} }
  let i = start + 1
  for (; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim()
    if (text === ':::') return { photo, next: i + 1 }
    // Fields are contiguous: a blank line, heading or new block means the editor forgot the closing `:::`.
    if (text === '' || text.startsWith(':::') || text.startsWith('#')) break
    const f = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/.exec(text)
    const key = f?.[1]
    if (key === undefined) {
      problems.push({
        line: i + 1,
        message: `"${text}" is not a "key: value" line; photo fields are ${PHOTO_KEYS.join(', ')}`,
      })
    } else if (!isPhotoKey(key)) {
      problems.push({
        line: i + 1,
        message: `unknown photo field "${key}"; use only ${PHOTO_KEYS.join(', ')}`,
      })
    } else if (photo.fields[key]) {
      problems.push({
        line: i + 1,
        message: `"${key}" is set twice in this photo (first on line ${photo.fields[key].line}); keep one`,
      })
    } else {
      photo.fields[key] = { value: (f?.[2] ?? '').trim(), line: i + 1 }
    }
  }
  problems.push({ line, message: 'the photo block is never closed; add a line ":::" right after its fields' })
  return { photo, next: i }
}
