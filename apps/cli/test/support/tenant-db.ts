import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client'

/** Opens a tenant's embedded database directly, bypassing the platform, to check what the CLI did. */
export function openTenantFile(dataDir: string, slug: string): Client {
  return createClient({ url: `file:${join(dataDir, 'tenants', `${slug}.db`)}` })
}

/** Every row of a table in insertion order, as plain objects. */
export async function tableRows(client: Client, table: string): Promise<Record<string, unknown>[]> {
  const result = await client.execute(`SELECT * FROM "${table}" ORDER BY rowid`)
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])))
}
