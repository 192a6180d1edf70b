/** A small, escaped HTML error page (no site data needed, so it renders even when nothing else can). */
import { escapeHtml } from './html-text.ts'
import { pageLayout } from './page-layout.ts'

/** What an error page shows: the status, its title and a detail safe for the public. */
export interface ErrorPageData {
  status: number
  title: string
  detail: string
}

/** Renders `404 Not Found` and its detail; every string is escaped. */
export function renderErrorPage(error: ErrorPageData): string {
  const heading = `${error.status} ${error.title}`
  return pageLayout({
    lang: 'en',
    title: heading,
    siteTitle: 'Broadsheet',
    homeUrl: '/',
    head: '<meta name="robots" content="noindex">',
    body: `<main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(error.detail)}</p><p><a href="/">Home</a></p></main>`,
  })
}
