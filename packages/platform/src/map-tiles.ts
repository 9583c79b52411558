import { z } from 'zod'

/**
 * A tile URL template for the browser's map: https only, with {z}, {x} and {y}, on a named host
 * (not an address or localhost) and without credentials. Only visitors' browsers fetch it.
 */
export const mapTileUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    if (!/^https:\/\/[^\s]+$/i.test(v) || !['{z}', '{x}', '{y}'].every((p) => v.includes(p))) return false
    try {
      const url = new URL(v.replace(/[{}]/g, ''))
      const host = url.hostname.toLowerCase()
      return (
        !url.username &&
        !url.password &&
        host.includes('.') &&
        !/^[\d.]+$/.test(host) &&
        !host.startsWith('[') &&
        !host.endsWith('.localhost') &&
        !host.endsWith('.local') &&
        !host.endsWith('.internal')
      )
    } catch {
      return false
    }
  }, 'tileUrl')
