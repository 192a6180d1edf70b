/** The paper's fediverse handle, `@{name}@{host}`: one rule for the feed Worker (home page) and the federation Worker. */

/** `Broadsheet` → `broadsheet`; a title with no ASCII letters or digits gives `news`. */
export function handleFromTitle(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return ascii.slice(0, 30) || 'news'
}

/** FEDI_HANDLE when it is a valid user name (`[a-z0-9_]`, at most 30), else one made from the site title. */
export function fediverseName(configured: string, siteTitle: string): string {
  const name = configured.trim().toLowerCase()
  return /^[a-z0-9_]{1,30}$/.test(name) ? name : handleFromTitle(siteTitle)
}

/** `@broadsheet@news.example.com` (the host keeps its port: `@broadsheet@127.0.0.1:8787`). */
export const fediverseHandle = (name: string, baseUrl: string): string => `@${name}@${new URL(baseUrl).host}`

/**
 * A topic's user name: its id (`@qijiang@host`; Mastodon takes `-` inside remote names), or `topic.{id}` when the
 * id is the paper's name. `topic.{id}` answers WebFinger for every topic too, so that form always works.
 */
export const topicHandleName = (topicId: string, paperName: string): string =>
  topicId === paperName ? `topic.${topicId}` : topicId
