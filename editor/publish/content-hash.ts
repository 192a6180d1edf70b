/** Content hashes: the identity of every KV value, ETag and media key. */
import { createHash } from 'node:crypto'

/** Hex SHA-256 of bytes or of a string (UTF-8), cut to 32 hex chars (128 bits): plenty against collisions here. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32)
}
