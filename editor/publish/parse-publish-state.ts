/** Reads the publisher's bookkeeping back from KV; anything unreadable counts as "no history" (times are re-stamped). */
import { RFC3339 } from '../../model/read-fields.ts'
import type { PublishState } from './kv-entry.ts'

/** Parses `v1:publish-state`; entries that do not fit are dropped rather than trusted. */
export function parsePublishState(text: string | null): PublishState {
  const state: PublishState = { sections: {} }
  if (text === null) return state
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return state
  }
  if (typeof raw !== 'object' || raw === null || !('sections' in raw)) return state
  const sections: unknown = raw.sections
  if (typeof sections !== 'object' || sections === null) return state
  for (const [key, v] of Object.entries(sections)) {
    if (typeof v !== 'object' || v === null) continue
    const hash: unknown = 'hash' in v ? v.hash : undefined
    const updated: unknown = 'updated' in v ? v.updated : undefined
    if (typeof hash === 'string' && typeof updated === 'string' && RFC3339.test(updated))
      state.sections[key] = { hash, updated }
  }
  return state
}
