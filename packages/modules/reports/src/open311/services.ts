import { listAll, type TenantContext } from '@cerdas/core'
import { type Category, category } from '../category'
import { Open311Error } from './errors'

/** One category as a GeoReport service; `metadata` is true: every service takes the location attributes. */
export interface Open311Service {
  service_code: string
  service_name: string
  description: string | null
  metadata: boolean
  type: 'realtime'
  keywords: string
  group: string | null
}

export interface Open311Attribute {
  variable: boolean
  code: string
  datatype: 'string' | 'text' | 'singlevaluelist'
  required: boolean
  datatype_description: string | null
  order: number
  description: string
  values?: { key: string; name: string }[]
}

/**
 * The location attributes every category takes besides `lat`/`long`, for phones without GPS:
 * `attribute[kecamatan]`, `attribute[desa]`, `attribute[landmark]` and whether the place is the
 * reporter's home (then only the desa is ever public).
 */
export function locationAttributes(locale: 'id' | 'en'): Open311Attribute[] {
  const en = locale === 'en'
  return [
    {
      variable: true,
      code: 'kecamatan',
      datatype: 'string',
      required: false,
      datatype_description: en ? 'District name' : 'Nama kecamatan',
      order: 1,
      description: en
        ? 'District (kecamatan); with desa or landmark, needed when lat/long are not sent'
        : 'Kecamatan; bersama desa atau patokan, wajib bila lat/long tidak dikirim',
    },
    {
      variable: true,
      code: 'desa',
      datatype: 'string',
      required: false,
      datatype_description: en ? 'Village name' : 'Nama desa/kelurahan',
      order: 2,
      description: en ? 'Village (desa/kelurahan)' : 'Desa/kelurahan',
    },
    {
      variable: true,
      code: 'landmark',
      datatype: 'text',
      required: false,
      datatype_description: null,
      order: 3,
      description: en
        ? 'A landmark near the place (seen by staff only)'
        : 'Patokan di dekat lokasi (hanya dilihat petugas)',
    },
    {
      variable: true,
      code: 'at_home',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 4,
      description: en
        ? "The place is the reporter's home: only the village is ever shown"
        : 'Lokasi adalah rumah pelapor: yang tampil hanya desanya',
      values: [
        { key: 'false', name: en ? 'No' : 'Tidak' },
        { key: 'true', name: en ? 'Yes' : 'Ya' },
      ],
    },
  ]
}

async function activeCategories(ctx: TenantContext): Promise<Category[]> {
  const all = (await listAll(ctx, category.listForEditing)) as Category[]
  return all.filter((c) => c.active)
}

function asService(c: Category, locale: 'id' | 'en'): Open311Service {
  return {
    service_code: c.slug,
    service_name: c.name[locale] ?? c.name.id,
    description: c.description ? (c.description[locale] ?? c.description.id) : null,
    metadata: true,
    type: 'realtime',
    keywords: (c.keywords ?? []).join(', '),
    group: c.group ?? null,
  }
}

/** `GET services`: the tenant's active report categories, in their order. */
export async function listOpen311Services(ctx: TenantContext): Promise<Open311Service[]> {
  const locale = ctx.locale === 'en' ? 'en' : 'id'
  return (await activeCategories(ctx)).map((c) => asService(c, locale))
}

/** `GET services/{code}`: the attributes a request of the category takes. */
export async function open311ServiceDefinition(ctx: TenantContext, code: string) {
  const locale = ctx.locale === 'en' ? 'en' : 'id'
  const found = (await activeCategories(ctx)).find((c) => c.slug === code)
  if (!found) throw new Open311Error(404, `No service with service_code ${code}.`)
  return { service_code: found.slug, attributes: locationAttributes(locale) }
}
