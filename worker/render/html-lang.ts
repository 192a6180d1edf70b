/** Language tags for HTML and JSON-LD: Chinese with its script subtag (BCP 47), so readers and engines know the script. */

/** Regions that write Traditional script; every other Chinese region writes Simplified. */
const HANT_REGIONS = new Set(['TW', 'HK', 'MO'])

/**
 * `zh-CN` → `zh-Hans-CN`, `zh-TW` → `zh-Hant-TW`, `zh-HK` → `zh-Hant-HK`; a tag that names its script already, a
 * bare `zh` and any other language stay as they are. Feeds keep the region tag (RSS and the W3C validator expect
 * ISO 639 + region there).
 */
export function htmlLang(lang: string): string {
  const m = /^zh-([A-Za-z]{2})$/.exec(lang)
  const region = m?.[1]?.toUpperCase()
  if (!region) return lang
  return `zh-${HANT_REGIONS.has(region) ? 'Hant' : 'Hans'}-${region}`
}
