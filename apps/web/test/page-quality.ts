import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { httpRequest } from './server'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** An axe-core violation as the test reports it. */
export interface Violation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Serious and critical accessibility violations on the page as it stands (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

/** The `@type`s of every JSON-LD block of the page (a `@graph`'s members included). */
export async function jsonLdTypes(page: Page): Promise<string[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  const types: string[] = []
  const collect = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    const type = record['@type']
    if (typeof type === 'string') types.push(type)
    else if (Array.isArray(type)) types.push(...type.filter((t): t is string => typeof t === 'string'))
    if (Array.isArray(record['@graph'])) for (const member of record['@graph']) collect(member)
  }
  for (const block of blocks) {
    const parsed = JSON.parse(block) as unknown
    for (const node of Array.isArray(parsed) ? parsed : [parsed]) collect(node)
  }
  return types
}

/** The page's Open Graph and Twitter tags by property or name. */
export async function socialTags(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')].map((m) => [
        m.getAttribute('property') ?? m.getAttribute('name') ?? '',
        m.getAttribute('content') ?? '',
      ]),
    ),
  )
}

/**
 * Bytes of JavaScript the page costs a phone, gzip-compressed as the server sends them: every
 * external script (fetched with `Accept-Encoding: gzip`) plus inline scripts other than JSON.
 */
export async function javaScriptGzipBytes(page: Page, port: number, host: string): Promise<number> {
  const { sources, inline } = await page.evaluate(() => {
    const scripts = [...document.querySelectorAll('script')]
    const code = scripts.filter((s) => !s.type || s.type === 'module' || s.type.includes('javascript'))
    return {
      sources: code.filter((s) => s.src).map((s) => new URL(s.src).pathname),
      inline: code.filter((s) => !s.src).reduce((n, s) => n + (s.textContent ?? '').length, 0),
    }
  })
  let total = inline
  for (const path of new Set(sources)) {
    const res = await httpRequest(port, host, path, { headers: { 'accept-encoding': 'gzip' } })
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
    total += res.body.byteLength
  }
  return total
}
