/** Small typed readers for `unknown` values: each returns the field or throws a ModelError naming its path. */
import { ModelError } from './model-error.ts'

export type Obj = Record<string, unknown>

/** Throws the ModelError for `path`; typed `never` so readers can use it as an expression. */
function fail(path: string, problem: string): never {
  throw new ModelError(path, problem)
}

export function obj(value: unknown, path: string): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Obj)
    : fail(path, 'expected an object')
}

export function str(o: Obj, key: string, path: string): string {
  const v = o[key]
  return typeof v === 'string' ? v : fail(`${path}.${key}`, 'expected a string')
}

export function optStr(o: Obj, key: string, path: string): string | undefined {
  return o[key] === undefined ? undefined : str(o, key, path)
}

export function int(o: Obj, key: string, path: string, min = 0): number {
  const v = o[key]
  return typeof v === 'number' && Number.isInteger(v) && v >= min
    ? v
    : fail(`${path}.${key}`, `expected an integer >= ${min}`)
}

export function arr<T>(o: Obj, key: string, path: string, item: (v: unknown, p: string) => T): T[] {
  const v = o[key]
  return Array.isArray(v)
    ? v.map((x, i) => item(x, `${path}.${key}[${i}]`))
    : fail(`${path}.${key}`, 'expected an array')
}

export function oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T {
  const v = str(o, key, path)
  return (allowed as readonly string[]).includes(v)
    ? (v as T)
    : fail(`${path}.${key}`, `expected one of ${allowed.join(', ')}`)
}

/** RFC 3339 date-time with an explicit offset (Z or ±hh:mm). */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

export function date(o: Obj, key: string, path: string): string {
  const v = str(o, key, path)
  if (!RFC3339.test(v) || Number.isNaN(Date.parse(v)))
    throw new ModelError(`${path}.${key}`, 'expected an RFC 3339 date-time with offset')
  return v
}
