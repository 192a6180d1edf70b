/** The URL contract of the feeds and the pages they point to, always absolute from the site's base URL. */

/** The three output formats, named by their file extension in the URL. */
export type FeedFormat = 'rss' | 'atom' | 'json'

/** One URL per format: a document links itself and its siblings in the format it is written in. */
export type FormatUrls = Readonly<Record<FeedFormat, string>>

/** `/feeds/{name}.{ext}`, with `?page=N` for pages after the first (page 1 is the subscription URL). */
export function feedUrls(baseUrl: string, name: string, page = 1): FormatUrls {
  const query = page > 1 ? `?page=${page}` : ''
  return {
    rss: `${baseUrl}/feeds/${name}.rss${query}`,
    atom: `${baseUrl}/feeds/${name}.atom${query}`,
    json: `${baseUrl}/feeds/${name}.json${query}`,
  }
}

/** An article's page on this site. */
export function articlePageUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/articles/${slug}`
}

/** Where an article is read: its canonical URL when it has one, else its page on this site. */
export function articleUrl(baseUrl: string, slug: string, canonical?: string): string {
  return canonical ? canonical.replace(/#.*$/, '') : articlePageUrl(baseUrl, slug)
}

/** The site icon the HTTP layer serves. */
export function iconUrl(baseUrl: string): string {
  return `${baseUrl}/favicon.svg`
}
