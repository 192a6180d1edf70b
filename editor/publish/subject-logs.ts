/**
 * The feed log of every topic and person an article touches (docs/operators.md "KV layout"): the same log as "all", holding
 * the items of the articles tagged with the topic, and for a person the items of the articles they wrote and the
 * items holding photos they took. Positions are kept in each article's history, as for "all".
 */
import type { Article } from '../../model/article.ts'
import { subjectFeedName } from '../../model/feed-urls.ts'
import { parseSubjectFeedArchiveValue, parseSubjectFeedHeadValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { ArticleHistory, FeedEntry, SubjectFeedHeadValue } from '../../model/store-values.ts'
import type { SubjectInfo, SubjectKind } from '../../model/subject.ts'
import { subjectItems } from '../../model/subject-items.ts'
import { type FeedLog, feedLog, logEntries, newestOf, subjectHeadEntry } from './aggregate-logs.ts'
import { type Reader, tombstone } from './build-entries.ts'
import type { KvEntry } from './kv-entry.ts'
import { oldTimes, placeItems } from './place-items.ts'
import { sharedItems } from './shared-items.ts'
import { versioned } from './store-entries.ts'

/** Subject id → section id → position in that subject's log (ArticleHistory.topics / .people). */
export type SubjectPositions = Record<string, Record<string, number>>

/** The history field of each kind. */
const FIELD = { topic: 'topics', person: 'people' } as const satisfies Record<SubjectKind, string>

interface OpenLog {
  kind: SubjectKind
  id: string
  head: SubjectFeedHeadValue | null
  log: FeedLog
}

/** Every topic and person log this build edits, read on first use. */
export class SubjectLogs {
  private readonly open = new Map<string, OpenLog>()

  constructor(
    private readonly read: Reader,
    /** The subjects as the content files define them now (display names for the heads). */
    private readonly defined: ReadonlyMap<string, SubjectInfo>,
  ) {}

  private get(kind: SubjectKind, id: string): OpenLog {
    const key = `${kind}:${id}`
    let open = this.open.get(key)
    if (!open) {
      const head = this.read.parse(keys.subjectFeedHead(kind, id), parseSubjectFeedHeadValue)
      const log = feedLog(
        head,
        (page) =>
          this.read.parse(keys.subjectFeedArchive(kind, id, page), parseSubjectFeedArchiveValue)?.items,
      )
      open = { kind, id, head, log }
      this.open.set(key, open)
    }
    return open
  }

  /**
   * Whether the log's head is still to be read: its log waits for the next round. Only its own head: the pages
   * every log asks for are gathered in the same round (a withdrawal reaching back into nine logs is one more round).
   */
  private pending(kind: SubjectKind, id: string): boolean {
    return this.read.needs.has(keys.subjectFeedHead(kind, id))
  }

  /** `kind:id` of every log opened so far. */
  openKeys(): Set<string> {
    return new Set(this.open.keys())
  }

  /** Opens a subject's log even when no article changes it (its name changed: the head is rewritten). */
  touch(kind: SubjectKind, id: string): void {
    this.get(kind, id)
  }

  /**
   * Places a live article's items in its subjects' logs (`history` null for an article new to the lists);
   * returns the positions for its history. `landed`: the history was committed (its publish wrote every head);
   * a history a publish wrote before dying may name a log whose head that publish never wrote.
   */
  place(
    article: Article,
    history: ArticleHistory | null,
    landed: boolean,
    context: FeedEntry['article'],
    when: string,
  ): Pick<ArticleHistory, 'topics' | 'people'> {
    const now = subjectItems(article, sharedItems(article))
    const before: Record<SubjectKind, SubjectPositions> = {
      topic: history?.topics ?? {},
      person: history?.people ?? {},
    }
    const out: Record<SubjectKind, SubjectPositions> = { topic: {}, person: {} }
    const touched = new Set([
      ...now.keys(),
      ...(['topic', 'person'] as const).flatMap((k) => Object.keys(before[k]).map((id) => `${k}:${id}`)),
    ])
    for (const key of touched) {
      const [kind, id] = key.split(':') as [SubjectKind, string]
      const old = before[kind][id] ?? {}
      const { log, head } = this.get(kind, id)
      if (this.pending(kind, id)) continue
      if (head === null && landed && Object.keys(old).length > 0)
        this.lost.add(keys.subjectFeedHead(kind, id))
      const next = head?.next ?? 0
      const items = now.get(key)?.items ?? []
      const { positions } = placeItems(log, next, items, old, oldTimes(history), context)
      const kept = new Set(items.flatMap((s) => [s.id, ...(s.was ?? [])]))
      for (const [sectionId, at] of Object.entries(old))
        if (!kept.has(sectionId) && at < next)
          tombstone(log, at, article.slug, article.published, sectionId, when)
      if (Object.keys(positions).length > 0) out[kind][id] = positions
    }
    return { topics: out.topic, people: out.person }
  }

  /**
   * Takes a withdrawn (or moved) article out of every subject log its history names: tombstones for its items.
   * `landed` as for place().
   */
  retire(slug: string, history: ArticleHistory, landed: boolean, when: string): void {
    for (const kind of ['topic', 'person'] as const)
      for (const [id, items] of Object.entries(history[FIELD[kind]] ?? {})) {
        const { log, head } = this.get(kind, id)
        if (this.pending(kind, id)) continue
        if (head === null && landed) this.lost.add(keys.subjectFeedHead(kind, id))
        for (const [sectionId, at] of Object.entries(items))
          if (at < (head?.next ?? 0)) tombstone(log, at, slug, history.published, sectionId, when)
      }
  }

  /** Heads missing or unusable while an article records positions in them: publishing would restart those logs. */
  readonly lost = new Set<string>()

  /**
   * Complete pages written or rewritten, then the heads: written in the pages and heads steps. `feeds` names the
   * feed of each head written (`topics/{id}`, `people/{id}`): the hub is pinged for them.
   */
  entries(): {
    pages: KvEntry[]
    heads: KvEntry[]
    feeds: string[]
    updated: Map<string, string | null>
  } {
    const pages: KvEntry[] = []
    const heads: KvEntry[] = []
    const feeds: string[] = []
    const updated = new Map<string, string | null>()
    for (const o of this.open.values()) {
      const subject = this.defined.get(`${o.kind}:${o.id}`) ?? o.head?.subject
      if (!subject) continue
      const info = subjectInfo(subject)
      pages.push(
        ...logEntries(o.log.pages(), (page, items) =>
          versioned(keys.subjectFeedArchive(o.kind, o.id, page), {
            page,
            updated: newestOf(items),
            items,
            subject: info,
          }),
        ),
      )
      const renamed = o.head !== null && JSON.stringify(o.head.subject) !== JSON.stringify(info)
      updated.set(`${o.kind}:${o.id}`, newestOf(o.log.entries))
      if (!o.log.headChanged && o.head !== null && !renamed) continue
      heads.push(subjectHeadEntry(o.log, info))
      feeds.push(subjectFeedName(o.kind, o.id))
    }
    return { pages, heads, feeds, updated }
  }
}

/** Only the fields a value stores (a definition read from a content file carries more). */
export const subjectInfo = (s: SubjectInfo): SubjectInfo => ({
  kind: s.kind,
  id: s.id,
  name: s.name,
  ...(s.medtop ? { medtop: s.medtop } : {}),
  ...(s.description ? { description: s.description } : {}),
})
