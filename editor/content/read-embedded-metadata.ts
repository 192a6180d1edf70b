/** Reads the caption, creator and copyright a photo file carries (XMP first, then IPTC, then EXIF), for check and import. */
import ExifReader from 'exifreader'

/** What the original says about itself; each field only when the file has it. */
export interface EmbeddedMetadata {
  caption?: string
  creator?: string
  copyright?: string
}

type Tag = { description?: unknown } | undefined
const text = (...tags: Tag[]): string | undefined => {
  for (const tag of tags) {
    const d = tag?.description
    if (typeof d === 'string' && d.trim()) return d.trim()
  }
  return undefined
}

/** The embedded caption, creator and copyright notice; `{}` for SVG, for files without them or unreadable ones. */
export function readEmbeddedMetadata(bytes: Uint8Array, type: string): EmbeddedMetadata {
  if (type === 'image/svg+xml' || type === 'image/gif') return {}
  let tags: ExifReader.ExpandedTags
  try {
    tags = ExifReader.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), {
      expanded: true,
    })
  } catch {
    return {}
  }
  const { xmp = {}, iptc = {}, exif = {} } = tags as Record<string, Record<string, Tag> | undefined>
  const caption = text(xmp.description, iptc['Caption/Abstract'], exif.ImageDescription)
  const creator = text(xmp.creator, iptc['By-line'], exif.Artist)
  const copyright = text(xmp.rights, iptc['Copyright Notice'], exif.Copyright)
  return {
    ...(caption ? { caption } : {}),
    ...(creator ? { creator } : {}),
    ...(copyright ? { copyright } : {}),
  }
}
