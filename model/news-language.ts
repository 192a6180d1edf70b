/**
 * Google News sitemaps name a publication's language by ISO 639 code, with two exceptions for Chinese:
 * `zh-cn` (Simplified) and `zh-tw` (Traditional). This maps a BCP 47 tag (`zh-CN`, `zh-Hans`, `zh-Hant-HK`…) to it.
 */

/** Regions whose Chinese is written in Traditional characters by default. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo'])

export function newsLanguage(tag: string): string {
  const [primary = '', ...rest] = tag.trim().toLowerCase().split(/[-_]/)
  if (primary !== 'zh') return primary
  if (rest.includes('hant')) return 'zh-tw'
  if (rest.includes('hans')) return 'zh-cn'
  return rest.some((s) => TRADITIONAL_REGIONS.has(s)) ? 'zh-tw' : 'zh-cn'
}
