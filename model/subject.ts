/** Topics and people: what articles are tagged with and who is credited, each under a stable ASCII id. */

/** A topic (a tag, `/topics/{id}`) or a person (a byline or photo credit, `/people/{id}`). */
export type SubjectKind = 'topic' | 'person'

/** The IPTC Media Topic scheme a topic's `medtop:` code belongs to (feeds name it as the category's scheme). */
export const IPTC_MEDIA_TOPIC_SCHEME = 'http://cv.iptc.org/newscodes/mediatopic/'

/** An IPTC Media Topic code as editors write it: `medtop:` and eight digits. */
export const MEDTOP = /^medtop:[0-9]{8}$/

/** What pages and feeds say of a topic or person (content/topics.md, content/people.md). */
export interface SubjectInfo {
  kind: SubjectKind
  /** Stable `[a-z0-9-]`: in URLs forever, whatever the display name becomes. */
  id: string
  /** The display name, as pages and feeds show it (Chinese stays Chinese). */
  name: string
  /** A topic's IPTC Media Topic code, `medtop:NNNNNNNN`. */
  medtop?: string
  /** One sentence for the page and the feed's description. */
  description?: string
}

/** The URL path segment of each kind: `/topics/{id}`, `/people/{id}`, `/feeds/topics/{id}.rss`. */
export const SUBJECT_PATHS: Readonly<Record<SubjectKind, string>> = { topic: 'topics', person: 'people' }

/** Every kind, in the order lists and sitemaps name them. */
export const SUBJECT_KINDS = ['topic', 'person'] as const satisfies readonly SubjectKind[]
