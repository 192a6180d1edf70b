/** Checks one raw photo block and turns it into a DraftPhoto (file images measured, URL images as declared). */

import { IMAGE_TYPES } from '../../model/image-types.ts'
import { embeddedMetadataProblems } from './check-embedded-metadata.ts'
import { isPlaceholder, LIMITS, lengthProblem } from './check-text.ts'
import { urlProblem } from './check-url.ts'
import type { DraftImage, DraftPhoto } from './draft.ts'
import type { LineProblem } from './line-problem.ts'
import { parsePhotoCredit } from './parse-credit.ts'
import type { Field } from './parse-front-matter.ts'
import type { ImageResult } from './read-image.ts'
import type { RawPhoto } from './read-photo-block.ts'
import type { SubjectIndex } from './subject-index.ts'
import { resolveCredit } from './subjects.ts'

/** Reads an image file by its path relative to the content root (cached by the caller). */
export type ReadImage = (src: string) => ImageResult

/** The photo, or undefined after pushing every problem it has. */
export function buildPhoto(
  raw: RawPhoto,
  readImage: ReadImage,
  people: SubjectIndex,
  problems: LineProblem[],
): DraftPhoto | undefined {
  const before = problems.length
  const f = raw.fields
  const need = (key: 'alt' | 'caption' | 'credit', max: number): string => {
    const field = f[key]
    if (!field)
      problems.push({
        line: raw.line,
        message: `the photo has no ${key}; add a line "${key}: …" to the block`,
      })
    else if (!field.value)
      problems.push({ line: field.line, message: `the photo's ${key} is empty; write it` })
    else {
      const long = lengthProblem(`the photo's ${key}`, field.value, max)
      if (long) problems.push({ line: field.line, message: long })
    }
    return field?.value ?? ''
  }
  const alt = need('alt', LIMITS.alt)
  const caption = need('caption', LIMITS.caption)
  const creditText = need('credit', LIMITS.name + 10)
  const parsed = creditText ? parsePhotoCredit(creditText) : undefined
  if (parsed && 'problem' in parsed)
    problems.push({ line: f.credit?.line ?? raw.line, message: `credit ${parsed.problem}` })
  const image = buildImage(raw, readImage, problems)
  if (image?.kind === 'file' && parsed && 'credit' in parsed)
    for (const { field, message } of embeddedMetadataProblems(
      image.path,
      image.embedded,
      caption,
      parsed.credit,
    ))
      problems.push({ line: f[field]?.line ?? raw.line, message })
  const credit =
    parsed && 'credit' in parsed
      ? resolveCredit(parsed.credit, people, (message) =>
          problems.push({ line: f.credit?.line ?? raw.line, message: `credit: ${message}` }),
        )
      : undefined
  if (problems.length > before || !image || !credit) return undefined
  return { image, alt, caption, credit }
}

function buildImage(raw: RawPhoto, readImage: ReadImage, problems: LineProblem[]): DraftImage | undefined {
  const { src, line, fields } = raw
  if (!src) {
    problems.push({
      line,
      message: 'the photo has no source; write "::: photo media/NAME.jpg" or an https URL',
    })
    return undefined
  }
  if (isPlaceholder(src)) {
    problems.push({
      line,
      message: `the photo source "${src}" is an importer placeholder; add the image to content/media/ and write media/NAME`,
    })
    return undefined
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return buildUrlImage(src, line, fields, problems)
  for (const key of ['size', 'type'] as const) {
    const field = fields[key]
    if (field)
      problems.push({
        line: field.line,
        message: `"${key}" is measured from the image file; remove this line`,
      })
  }
  const result = readImage(src)
  if ('image' in result) return result.image
  for (const message of result.problems) problems.push({ line, message })
  return undefined
}

function buildUrlImage(
  src: string,
  line: number,
  fields: RawPhoto['fields'],
  problems: LineProblem[],
): DraftImage | undefined {
  const bad = urlProblem('the photo URL', src, ['https:'])
  if (bad) problems.push({ line, message: bad })
  const size = declared(fields.size, line, 'size: 1200x800', problems)
  const type = declared(fields.type, line, 'type: image/jpeg', problems)
  const dims = size === undefined ? undefined : /^([1-9]\d{0,4})x([1-9]\d{0,4})$/.exec(size)
  if (size !== undefined && !dims)
    problems.push({
      line: fields.size?.line ?? line,
      message: `size "${size}" is not WIDTHxHEIGHT in pixels; write e.g. "size: 1200x800"`,
    })
  if (type !== undefined && !IMAGE_TYPES.includes(type))
    problems.push({
      line: fields.type?.line ?? line,
      message: `type "${type}" is not allowed; use one of ${IMAGE_TYPES.join(', ')}`,
    })
  if (bad || !dims || type === undefined || !IMAGE_TYPES.includes(type)) return undefined
  return { kind: 'url', url: src, type, width: Number(dims[1]), height: Number(dims[2]) }
}

function declared(
  field: Field | undefined,
  line: number,
  example: string,
  problems: LineProblem[],
): string | undefined {
  if (!field?.value) {
    const key = example.split(':')[0]
    problems.push({
      line: field?.line ?? line,
      message: `a photo from a URL needs "${key}" (it cannot be measured here); add "${example}"`,
    })
    return undefined
  }
  return field.value
}
