/** UI strings of the pages in the site's language (zh or en), and the credit and date formats of each. */
import {
  CREDIT_LABELS_EN,
  CREDIT_LABELS_ZH,
  CREDIT_LABELS_ZH_HANT,
  type Credit,
  isTraditionalChinese,
} from '../../model/article.ts'
import { galleryTitle } from '../../model/article-items.ts'

import { creditLine } from './feed-photo.ts'

const ZH = {
  feeds: '订阅',
  allFeeds: '全部文章订阅',
  opml: 'OPML 订阅列表',
  sections: (n: number) => `${n} 节`,
  embed: '嵌入',
  embedHint: '把下面两行粘贴到你的网页里：',
  empty: '还没有发布任何文章。',
  home: '首页',
  gallery: galleryTitle('zh'),
  wholeArticle: '阅读全文',
  older: '更早的文章',
  newer: '较新的文章',
  fediverse: '在联邦宇宙关注',
  topics: '话题',
  people: '作者与摄影',
  topicFeed: (name: string) => `话题：${name}`,
  personFeed: (name: string) => `${name}的报道与摄影`,
  photosBy: (name: string) => `${name}拍摄的照片`,
  articlesOf: '文章',
  noArticles: '还没有文章。',
  embedSubject: '把这些卡片嵌入你的网页：',
}
/** The same in Traditional script, for the Traditional (Taiwan) edition (written here: OpenCC stays out of the Worker). */
const ZH_HANT: typeof ZH = {
  feeds: '訂閱',
  allFeeds: '全部文章訂閱',
  opml: 'OPML 訂閱列表',
  sections: (n) => `${n} 節`,
  embed: '嵌入',
  embedHint: '把下面兩行貼到你的網頁裡：',
  empty: '還沒有發佈任何文章。',
  home: '首頁',
  gallery: galleryTitle('zh-TW'),
  wholeArticle: '閱讀全文',
  older: '更早的文章',
  newer: '較新的文章',
  fediverse: '在聯邦宇宙關注',
  topics: '話題',
  people: '作者與攝影',
  topicFeed: (name) => `話題：${name}`,
  personFeed: (name) => `${name}的報導與攝影`,
  photosBy: (name) => `${name}拍攝的照片`,
  articlesOf: '文章',
  noArticles: '還沒有文章。',
  embedSubject: '把這些卡片嵌入你的網頁：',
}
const EN: typeof ZH = {
  fediverse: 'Follow on the fediverse',
  feeds: 'Feeds',
  allFeeds: 'All articles',
  opml: 'OPML feed list',
  sections: (n) => `${n} section${n === 1 ? '' : 's'}`,
  embed: 'Embed',
  embedHint: 'Paste these two lines into your page:',
  empty: 'Nothing has been published yet.',
  home: 'Home',
  gallery: galleryTitle('en'),
  wholeArticle: 'Read the whole article',
  older: 'Older articles',
  newer: 'Newer articles',
  topics: 'Topics',
  people: 'People',
  topicFeed: (name) => `Topic: ${name}`,
  personFeed: (name) => `Articles and photos by ${name}`,
  photosBy: (name) => `Photos by ${name}`,
  articlesOf: 'Articles',
  noArticles: 'No articles yet.',
  embedSubject: 'Embed these cards in your page:',
}

export type PageLabels = typeof ZH

const isZh = (lang: string): boolean => lang.toLowerCase().startsWith('zh')

/** Labels for a BCP 47 language tag: Chinese for zh-*, English otherwise. */
export const labelsFor = (lang: string): PageLabels =>
  isTraditionalChinese(lang) ? ZH_HANT : isZh(lang) ? ZH : EN

/** The credit labels of a Chinese tag: Traditional script for zh-TW and its kin. */
const zhLabels = (lang: string) => (isTraditionalChinese(lang) ? CREDIT_LABELS_ZH_HANT : CREDIT_LABELS_ZH)

/** A photo credit as print shows it (`记者 石亮 摄`): the same line the feeds carry. */
export const photoCredit: (credit: Credit, lang: string) => string = creditLine

/** A byline: `记者 石亮` / `By 石亮, staff reporter`. */
export function byline(credit: Credit, lang: string): string {
  return isZh(lang)
    ? `${zhLabels(lang)[credit.role]} ${credit.name}`
    : `By ${credit.name}, ${CREDIT_LABELS_EN[credit.role]}`
}

/** Every credit of an article in printed order: `记者 李四 通讯员 王五` / `By 李四, staff reporter; 王五, correspondent`. */
export function credits(article: { byline: Credit; contributors?: Credit[] }, lang: string): string {
  return creditsWith(article, lang, (c) => c.name)
}

/** The same line with each name as `name(credit)` returns it (already-escaped markup: a link to their page). */
export function creditsWith(
  article: { byline: Credit; contributors?: Credit[] },
  lang: string,
  name: (credit: Credit) => string,
): string {
  const all = [article.byline, ...(article.contributors ?? [])]
  if (isZh(lang)) return all.map((c) => `${zhLabels(lang)[c.role]} ${name(c)}`).join(' ')
  return `By ${all.map((c) => `${name(c)}, ${CREDIT_LABELS_EN[c.role]}`).join('; ')}`
}

/** The names credited with an article's text, for feeds' author fields (李四、王五 / Li Si, Wang Wu). */
export function creditedNames(article: { byline: Credit; contributors?: Credit[] }, lang: string): string {
  return [article.byline, ...(article.contributors ?? [])].map((c) => c.name).join(isZh(lang) ? '、' : ', ')
}

/** The local date and time written in the RFC 3339 string itself (the newsroom's clock), no time zone maths. */
export function displayDate(rfc3339: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc3339)
  if (!m) return rfc3339
  const [, y, mo, d, h, mi] = m
  return isZh(lang) ? `${y}年${Number(mo)}月${Number(d)}日 ${h}:${mi}` : `${y}-${mo}-${d} ${h}:${mi}`
}

/** A topic's or person's feed and page title in the site's language: `话题：綦江 | 站名`. */
export function subjectTitle(
  subject: { kind: 'topic' | 'person'; name: string },
  site: { title: string; language: string },
): string {
  const labels = labelsFor(site.language)
  const own = subject.kind === 'topic' ? labels.topicFeed(subject.name) : labels.personFeed(subject.name)
  return `${own} | ${site.title}`
}
