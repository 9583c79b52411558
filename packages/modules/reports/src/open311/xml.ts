/**
 * GeoReport v2's XML: the JSON shape written as elements, a list's items named by the list
 * (`services` → `service`, `service_requests` → `request`). Only what the spec's documents use:
 * objects, arrays, strings, numbers, booleans and null (an empty element).
 */

const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
}

export function escapeXmlText(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

function element(name: string, value: unknown, indent: string): string {
  if (value === null || value === undefined || value === '') return `${indent}<${name}/>`
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item'
    if (value.length === 0) return `${indent}<${name}/>`
    return `${indent}<${name}>\n${value.map((v) => element(item, v, `${indent}  `)).join('\n')}\n${indent}</${name}>`
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => element(k, v, `${indent}  `))
    if (children.length === 0) return `${indent}<${name}/>`
    return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`
  }
  return `${indent}<${name}>${escapeXmlText(String(value))}</${name}>`
}

/**
 * A GeoReport document as XML.
 * @example toXml('services', [{ service_code: 'sampah-tidak-diangkut' }]) // <services><service>…
 */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`
}
