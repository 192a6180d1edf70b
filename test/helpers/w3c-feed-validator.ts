/**
 * The W3C Feed Validation Service's own code (vendored in vendor/w3c-feedvalidator) on documents as the Worker
 * serves them: what the online validator would report for each URL, split into errors and warnings (its "AA"
 * level; Info is not reported), with its class names, positions and English messages. See w3c-feed-validator.py.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('./w3c-feed-validator.py', import.meta.url))
/** Debian's interpreter: the one that sees python3-html5lib and python3-rdflib, which the validator imports. */
const PYTHON = '/usr/bin/python3'

/** A document as served: its URL (the validator's base and self URI), Content-Type and exact body. */
export interface ServedDocument {
  url: string
  /** Where a redirect from `url` ended, when it did (the validator then accepts either as the self URI). */
  finalUrl?: string
  contentType: string
  body: string | Uint8Array
}

/** One event, as the validator words it. */
export interface ValidatorMessage {
  /** The event's class in feedvalidator/logging.py, e.g. `ContainsHTML`. */
  type: string
  level: 'error' | 'warning'
  line: number | null
  column: number | null
  text: string
  /** Occurrences folded into this one (the service reports the first occurrence only). */
  count: number
  params: Record<string, string | number>
}

export interface ValidatorReport {
  url: string
  /** feedvalidator's TYPE_* (2 RSS 2.0, 3 Atom 1.0, 9 OPML), null when validation failed outright. */
  feedType: number | null
  errors: ValidatorMessage[]
  warnings: ValidatorMessage[]
}

/** The validator's numbers for the document types the service serves (feedvalidator/logging.py). */
export const FEED_TYPES = { rss2: 2, atom: 3, opml: 9 } as const

/** Validates every document in one Python process; reports come back in the same order. */
export function validateFeeds(documents: readonly ServedDocument[]): ValidatorReport[] {
  const input = JSON.stringify(
    documents.map((d) => ({
      url: d.url,
      finalUrl: d.finalUrl ?? d.url,
      contentType: d.contentType,
      body: (typeof d.body === 'string' ? Buffer.from(d.body, 'utf8') : Buffer.from(d.body)).toString(
        'base64',
      ),
    })),
  )
  const done = spawnSync(PYTHON, [SCRIPT, '--batch'], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  if (done.status !== 0)
    throw new Error(`the W3C feed validator failed (${done.status}): ${done.stderr || done.error}`)
  const reports = JSON.parse(done.stdout) as ValidatorReport[]
  if (!Array.isArray(reports) || reports.length !== documents.length)
    throw new Error(`the W3C feed validator answered for ${reports.length} of ${documents.length} documents`)
  return reports
}

/** One line per message, as the online service lists them: `line L, column C: text [Type]`. */
export function describeMessages(report: ValidatorReport): string {
  const line = (m: ValidatorMessage) =>
    `  ${m.level} ${m.line === null ? '' : `line ${m.line}, column ${m.column}: `}${m.text} [${m.type}]${m.count > 1 ? ` (${m.count} occurrences)` : ''}`
  return [report.url, ...report.errors.map(line), ...report.warnings.map(line)].join('\n')
}
