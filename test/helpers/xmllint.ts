/** Schema validation with libxml2's xmllint (Debian libxml2-utils): the sitemaps.org schemas and Google's extensions. */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'

/** A URL sitemap (urlset) with image and news entries: sitemap.xsd of the `sitemap` package plus the extensions. */
export const URLSET_SCHEMA = resolve('test/fixtures/sitemap-schemas/urlset.xsd')
/** A sitemap index (sitemapindex). */
export const SITEINDEX_SCHEMA = resolve('test/fixtures/sitemap-schemas/siteindex.xsd')

/**
 * Validates an XML document against a schema, or without one only that it is well-formed; `errors` is xmllint's
 * report (empty when it validates).
 */
export function validateXml(xml: string, schema?: string): Promise<{ valid: boolean; errors: string }> {
  return new Promise((done, fail) => {
    const child = execFile(
      'xmllint',
      ['--noout', '--nonet', ...(schema === undefined ? [] : ['--schema', schema]), '-'],
      { timeout: 60_000 },
      (error, _stdout, stderr) => {
        if (error && typeof error.code !== 'number') return fail(error)
        done({ valid: error === null, errors: error === null ? '' : stderr })
      },
    )
    child.stdin?.end(xml)
  })
}
