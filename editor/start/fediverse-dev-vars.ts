/**
 * The federation Worker's local settings for `npm start` and tests: a development RSA key (generated here, kept
 * in the git-ignored fediverse/.dev.vars, never a production key) and FEDI_ALLOW_LOOPBACK, so followers on
 * 127.0.0.1 can be fetched and delivered to.
 */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** A fresh RSA-2048 private key as one line of PKCS#8 PEM (the Worker ignores the line breaks PEM usually has). */
export function devPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '')
}

/** The lines of a dev vars file: the key, loopback allowed, and any `extra` settings. */
export function devVarsText(extra: Record<string, string> = {}): string {
  const vars = { FEDI_PRIVATE_KEY: devPrivateKey(), FEDI_ALLOW_LOOPBACK: 'true', ...extra }
  return `${Object.entries(vars)
    .map(([k, v]) => `${k}="${v}"`)
    .join('\n')}\n`
}

/** Writes fediverse/.dev.vars under `root` unless it exists (an operator's own file is never replaced). */
export async function ensureFediverseDevVars(root: string): Promise<string> {
  const path = join(root, 'fediverse', '.dev.vars')
  if (!existsSync(path)) await writeFile(path, devVarsText(), { mode: 0o600 })
  return path
}
