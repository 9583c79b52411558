// The bare Hono handler's database: its own libSQL file holding the generated services.
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { createStatements, offices, services } from '../servers/services-tables'
import { type GeneratedOffice, type GeneratedService, slugOf } from './generated-services'

/** Writes the offices and services into `dir/bare.db`; returns its URL. Service ids are 1…n in order. */
export async function prepareBareServicesDb(
  dir: string,
  officeList: GeneratedOffice[],
  serviceList: GeneratedService[],
): Promise<string> {
  const url = `file:${join(dir, 'bare.db')}`
  const client = createClient({ url })
  await client.execute('PRAGMA journal_mode = WAL')
  for (const statement of createStatements) await client.execute(statement)
  const db = drizzle(client)
  const officeIds = new Map(officeList.map((o, i) => [o.slug, i + 1]))
  await db.insert(offices).values(
    officeList.map((o, i) => ({
      id: i + 1,
      slug: o.slug,
      nameId: o.name.id,
      nameEn: o.name.en,
      shortName: o.shortName,
      kecamatan: o.kecamatan,
    })),
  )
  await db.transaction(async (tx) => {
    for (let start = 0; start < serviceList.length; start += 500) {
      await tx.insert(services).values(
        serviceList.slice(start, start + 500).map((s, i) => ({
          id: start + i + 1,
          slug: slugOf(s),
          nameId: s.name.id,
          nameEn: s.name.en,
          summaryId: s.summary.id,
          summaryEn: s.summary.en,
          category: s.category,
          officeId: officeIds.get(s.officeId) as number,
          synonyms: s.synonyms,
          audience: s.audience,
          requirements: s.requirements,
          procedure: s.procedure,
          feeFree: s.fee.free,
          feeAmount: s.fee.free ? null : s.fee.amount,
          processingValue: s.processingTime.value,
          processingUnit: s.processingTime.unit,
          legalBasis: s.legalBasis,
        })),
      )
    }
  })
  client.close()
  return url
}
