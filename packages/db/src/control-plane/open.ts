import type { Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { type DatabaseLocation, openDatabase } from '../client'
import { applyMigrations } from '../migrations'
import { controlPlaneMigrations } from './migrations'
import { controlPlaneSchema } from './schema'
import { upgradeTenantUrls } from './tenant-urls'

export type ControlPlane = LibSQLDatabase<typeof controlPlaneSchema> & { $client: Client }

export interface OpenControlPlaneOptions {
  /**
   * The data directory tenant `file:` URLs are relative to. When given, old
   * absolute tenant URLs are upgraded to relative ones (see `upgradedTenantUrl`).
   */
  dataDir?: string | undefined
}

/**
 * Opens the control-plane database and brings its schema up to date.
 * @example const controlPlane = await openControlPlane({ url: controlPlaneUrl('data') }, { dataDir: 'data' })
 */
export async function openControlPlane(
  location: DatabaseLocation,
  options: OpenControlPlaneOptions = {},
): Promise<ControlPlane> {
  const db = await openDatabase(location)
  await applyMigrations(db.$client, [controlPlaneMigrations])
  if (options.dataDir !== undefined) await upgradeTenantUrls(db.$client, options.dataDir)
  return drizzle(db.$client, { schema: controlPlaneSchema }) as ControlPlane
}
