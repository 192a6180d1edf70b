/** Reads, sniffs, measures and vets image files under the content root, once per path however many photos use it. */
import { statSync } from 'node:fs'
import path from 'node:path'
import { imageSize } from 'image-size'
import { IMAGE_TYPE_BY_EXTENSION } from '../../model/image-types.ts'
import { contentHash } from '../publish/content-hash.ts'
import { svgProblems } from './check-svg.ts'
import type { DraftImage } from './draft.ts'
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from './image-limits.ts'
import { leavesRoot } from './leaves-root.ts'
import { measureSvg } from './measure-svg.ts'
import { readBounded } from './read-bounded.ts'
import { readEmbeddedMetadata } from './read-embedded-metadata.ts'
import { sniffImageType } from './sniff-image-type.ts'

const MIB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`

/** A DraftImage read from a file under the content root. */
export type FileImage = Extract<DraftImage, { kind: 'file' }>
/** The image, or every reason it cannot be used (each "what is wrong; how to fix it"). */
export type ImageResult = { image: FileImage } | { problems: string[] }

/** A reader bound to one content root; its cache makes 15,000 references to 30 shared images cost 30 reads. */
export function createImageReader(root: string): (src: string) => ImageResult {
  const cache = new Map<string, ImageResult>()
  return (src) => {
    let result = cache.get(src)
    if (!result) {
      result = readImage(root, src)
      cache.set(src, result)
    }
    return result
  }
}

function readImage(root: string, src: string): ImageResult {
  const rel = path.posix.normalize(src)
  if (src.includes('\\') || rel.startsWith('../') || rel === '..' || path.posix.isAbsolute(rel))
    return {
      problems: [
        `"${src}" leaves the content folder; put the image under content/media/ and write media/NAME`,
      ],
    }
  const ext = path.posix.extname(rel).slice(1).toLowerCase()
  const declared = IMAGE_TYPE_BY_EXTENSION[ext]
  if (!declared)
    return { problems: [`"${src}" has the extension ".${ext}"; use .jpg, .png, .gif, .webp, .avif or .svg`] }
  const file = path.join(root, ...rel.split('/'))
  const outside = leavesRoot(root, file)
  if (outside)
    return {
      problems: [`${src} ${outside}; copy the image itself into the content folder instead of linking it`],
    }
  const read = readBounded(file, MAX_IMAGE_BYTES)
  if ('missing' in read)
    return { problems: [`image file ${src} does not exist; add it under the content folder or fix the path`] }
  if ('tooLarge' in read) {
    const size = statSync(file).size
    return {
      problems: [
        `${src} is ${size} bytes (at most ${MAX_IMAGE_BYTES}, ${MIB(MAX_IMAGE_BYTES)}); export it smaller (publish makes the web sizes)`,
      ],
    }
  }
  const { bytes } = read
  const type = sniffImageType(bytes)
  if (!type)
    return {
      problems: [`${src} is not a JPEG, PNG, GIF, WebP, AVIF or SVG image; export it as one of those`],
    }
  if (type !== declared)
    return {
      problems: [`${src} is really ${type} but its name says ${declared}; rename it to match its content`],
    }
  // SVG is text: decode it once for the safety check and the size (image-size would decode it again).
  const svg = type === 'image/svg+xml' ? new TextDecoder().decode(bytes) : undefined
  const found = svg === undefined ? [] : svgProblems(svg)
  if (found.length > 0)
    return {
      problems: found.map(
        (what) => `${src} contains ${what}; remove it (an SVG opened on our site would run or load it)`,
      ),
    }
  let size: { width?: number; height?: number; orientation?: number } | undefined
  try {
    size = svg === undefined ? imageSize(bytes) : measureSvg(svg)
  } catch {
    size = undefined
  }
  if (!size?.width || !size.height)
    return {
      problems: [
        `cannot read the width and height of ${src}; re-export it (SVGs need width/height or a viewBox)`,
      ],
    }
  if (size.width * size.height > MAX_IMAGE_PIXELS)
    return {
      problems: [
        `${src} is ${size.width}×${size.height} pixels (${((size.width * size.height) / 1e6).toFixed(1)} megapixels, at most ${MAX_IMAGE_PIXELS / 1e6}); export it smaller`,
      ],
    }
  // EXIF orientations 5-8 turn the picture a quarter: publish applies them, so the photo is as wide as it is high.
  const turned = (size.orientation ?? 1) >= 5
  return {
    image: {
      kind: 'file',
      path: rel,
      hash: contentHash(bytes),
      type,
      width: turned ? size.height : size.width,
      height: turned ? size.width : size.height,
      embedded: readEmbeddedMetadata(bytes, type),
    },
  }
}
