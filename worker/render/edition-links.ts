/** A page's URL in each edition: `hreflang` alternates (reciprocal, with `x-default`) and the visible script switch. */
import { EDITIONS, type EditionName } from '../../model/edition.ts'
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml } from './html-text.ts'

/** This page in every edition, and which one is shown. */
export interface EditionLinks {
  current: EditionName
  urls: Readonly<Record<EditionName, string>>
}

const ORDER: readonly EditionName[] = ['hans', 'hant']

/** The pair of a page whose absolute URL in the current edition is `self` (under `site.baseUrl`). */
export function editionLinks(site: SiteConfig, self: string): EditionLinks {
  const path = self.startsWith(site.baseUrl) ? self.slice(site.baseUrl.length) : '/'
  const urls = { hans: `${site.origin}${path}`, hant: `${site.origin}${EDITIONS.hant.path}${path}` }
  return { current: site.edition.name, urls }
}

/** `<link rel="alternate" hreflang>` for each edition and `x-default` (the Simplified original), on both pages. */
export function hreflangLinks(e: EditionLinks): string {
  const link = (lang: string, href: string) =>
    `<link rel="alternate" hreflang="${lang}" href="${escapeHtml(href)}">`
  return [...ORDER.map((n) => link(EDITIONS[n].htmlLang, e.urls[n])), link('x-default', e.urls.hans)].join(
    '\n',
  )
}

/** The script switch (简 | 繁): a link to the other edition's page, the current one marked. */
export function editionSwitch(e: EditionLinks): string {
  const item = (n: EditionName) => {
    const { htmlLang, label } = EDITIONS[n]
    return n === e.current
      ? `<span lang="${htmlLang}" aria-current="true">${label}</span>`
      : `<a href="${escapeHtml(e.urls[n])}" hreflang="${htmlLang}" lang="${htmlLang}">${label}</a>`
  }
  return `<span class="edition-switch">${ORDER.map(item).join(' | ')}</span>`
}
