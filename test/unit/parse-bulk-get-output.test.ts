import { describe, expect, it } from 'vitest'
import { parseBulkGetOutput } from '../../editor/publish/wrangler-kv.ts'

/** What `wrangler kv bulk get --remote` prints (checked against wrangler 4.86 in test/integration/publish-remote.test.ts). */
const printed = (values: Record<string, unknown>) => `${JSON.stringify(values, null, 2)}\n\nSuccess!\n`

describe('parseBulkGetOutput', () => {
  it('reads text values and null for absent keys', () => {
    const got = parseBulkGetOutput(printed({ a: '{"x":"綦江"}', b: null }), ['a', 'b'])
    expect(got).toEqual(
      new Map([
        ['a', '{"x":"綦江"}'],
        ['b', null],
      ]),
    )
  })

  it('throws on the local shape {key: {value}} instead of reading every value as absent', () => {
    expect(() => parseBulkGetOutput(printed({ a: { value: '{}' } }), ['a'])).toThrow(/not text or null/)
  })

  it('throws when a requested key is missing from the output', () => {
    expect(() => parseBulkGetOutput(printed({}), ['a'])).toThrow(/not text or null/)
  })

  it('throws on output that is not JSON followed by "Success!"', () => {
    expect(() => parseBulkGetOutput('▲ [WARNING] something\n{}\n\nSuccess!\n', [])).toThrow(/other than JSON/)
  })
})
