/** The Traditional (Taiwan) edition's copy of an edition's route rows: the same paths under `/zh-tw`. */
import { HANT_PATH } from '../model/edition.ts'

/** `rows` under the Traditional edition's prefix (`/` becomes `/zh-tw/`), each marked with that edition. */
export const hantRoutes = <R extends { path: string }>(rows: readonly R[]): (R & { edition: 'hant' })[] =>
  rows.map((r) => ({
    ...r,
    path: r.path === '/' ? `${HANT_PATH}/` : `${HANT_PATH}${r.path}`,
    edition: 'hant' as const,
  }))
