/** The rights and caption every rendition carries, as an XMP packet written here (UTF-8, escaped), never copied. */
import { escapeXml } from '../../model/escape-xml.ts'

/** What a rendition says about itself (IPTC Photo Metadata in XMP). */
export interface PhotoRights {
  /** dc:creator: the photographer's name as the content file credits it. */
  creator: string
  /** photoshop:Credit: the credit line as printed (`记者 石亮 摄`). */
  creditLine: string
  /** dc:rights: the original's copyright notice, else the credit line. */
  copyright: string
  /** dc:description: the caption from the content file. */
  caption: string
  /** BCP 47 language of caption and credit line (xml:lang of the alternatives). */
  lang: string
}

const alt = (tag: string, text: string, lang: string) =>
  `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li><rdf:li xml:lang="${escapeXml(lang)}">${escapeXml(text)}</rdf:li></rdf:Alt></${tag}>`

/**
 * An XMP packet with creator, credit line, copyright notice and caption. Written by hand because sharp's
 * withExif()/keepMetadata() would carry the original's EXIF (its thumbnail byte for byte, GPS, serials) and
 * write non-ASCII EXIF text as `??`; XMP is UTF-8 and what search engines and photo desks read.
 */
export function buildXmp(r: PhotoRights): string {
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">',
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(r.creator)}</rdf:li></rdf:Seq></dc:creator>`,
    alt('dc:description', r.caption, r.lang),
    alt('dc:rights', r.copyright, r.lang),
    `<photoshop:Credit>${escapeXml(r.creditLine)}</photoshop:Credit>`,
    '<xmpRights:Marked>True</xmpRights:Marked>',
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('')
}
