import type { Branding } from '@cerdas/core'
import { z } from 'zod'

/** The licence of a tenant's open data until its admin names another: Creative Commons Attribution 4.0. */
export const DEFAULT_DATA_LICENCE = 'https://creativecommons.org/licenses/by/4.0/'

/** Names of licences open data commonly uses, by URL; any other https URL is shown as it is. */
const KNOWN_LICENCES: Record<string, string> = {
  'https://creativecommons.org/licenses/by/4.0/': 'CC BY 4.0',
  'https://creativecommons.org/licenses/by-sa/4.0/': 'CC BY-SA 4.0',
  'https://creativecommons.org/publicdomain/zero/1.0/': 'CC0 1.0',
  'https://opendatacommons.org/licenses/odbl/1-0/': 'ODbL 1.0',
  'https://opendatacommons.org/licenses/by/1-0/': 'ODC-By 1.0',
  'https://opendatacommons.org/licenses/pddl/1-0/': 'PDDL 1.0',
}

/**
 * A licence address as the tenant settings take it: https, at most 300 characters. The server
 * never fetches it; the catalogue and the /data page only print it.
 */
export const dataLicenceSchema = z
  .string()
  .trim()
  .max(300)
  .refine((v) => /^https:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'url')

/** The tenant's data licence (its setting, or {@link DEFAULT_DATA_LICENCE}) with a short title. */
export function dataLicenceOf(branding: Pick<Branding, 'dataLicence'>): { url: string; title: string } {
  const url = branding.dataLicence ?? DEFAULT_DATA_LICENCE
  return { url, title: KNOWN_LICENCES[url] ?? url }
}
