import { describe, expect, it } from 'vitest'
import { ByteLru } from '../../worker/byte-lru.ts'

describe('ByteLru', () => {
  it('drops the least recently used entries once the bytes exceed the budget', () => {
    const lru = new ByteLru<string>(10, 10)
    lru.set('a', 'A', 4)
    lru.set('b', 'B', 4)
    expect(lru.get('a')).toBe('A')
    lru.set('c', 'C', 4)
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe('A')
    expect(lru.get('c')).toBe('C')
    expect(lru.bytes).toBe(8)
  })

  it('never keeps an entry larger than the per-entry limit, and forgets the older value under that key', () => {
    const lru = new ByteLru<string>(100, 10)
    lru.set('a', 'small', 5)
    lru.set('a', 'huge', 11)
    expect(lru.get('a')).toBeUndefined()
    expect(lru.bytes).toBe(0)
  })

  it('counts a replaced value once', () => {
    const lru = new ByteLru<string>(100, 100)
    lru.set('a', 'one', 30)
    lru.set('a', 'two', 20)
    expect(lru.bytes).toBe(20)
    expect(lru.size).toBe(1)
    lru.delete('a')
    lru.clear()
    expect(lru.bytes).toBe(0)
  })
})
