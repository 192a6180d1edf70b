/** Bundles other-lit-element.ts with its own copy of Lit, so a page can carry two Lit runtimes. */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/** The bundle's source text. */
export async function bundleOtherLit(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('other-lit-element.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    write: false,
  })
  return result.outputFiles[0]?.text ?? ''
}
