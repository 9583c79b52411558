import type { Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { type DatabaseLocation, openDatabase } from '../client'
import { applyMigrations } from '../migrations'
import { controlPlaneMigrations } from './migrations'
import { controlPlaneSchema } from './schema'

export type ControlPlane = LibSQLDatabase<typeof controlPlaneSchema> & { $client: Client }

/**
 * Opens the control-plane database and brings its schema up to date.
 * @example const controlPlane = await openControlPlane({ url: controlPlaneUrl('data') })
 */
export async function openControlPlane(location: DatabaseLocation): Promise<ControlPlane> {
  const db = await openDatabase(location)
  await applyMigrations(db.$client, [controlPlaneMigrations])
  return drizzle(db.$client, { schema: controlPlaneSchema }) as ControlPlane
}
