import type { Client, Transaction } from '@libsql/client'

/**
 * A tenant database's data version: a counter in `cerdas_data_version` that every write
 * transaction raises before it commits, in that same transaction. A reader that saw version N
 * knows nothing it read has changed while the database still says N, whichever process wrote.
 * Databases without the table (the control plane, a tenant not yet migrated) have no version.
 * Reading it is `readDataVersion` in @cerdas/core, where values kept per version need it too.
 */
const BUMP = 'UPDATE cerdas_data_version SET version = version + 1 WHERE id = 1'

/** Raises the version inside an open write transaction; a database without the table is left alone. */
export async function bumpDataVersion(tx: Pick<Transaction, 'execute'> | Pick<Client, 'execute'>): Promise<void> {
  try {
    await tx.execute(BUMP)
  } catch (error) {
    // Preparing the statement failed: nothing was written, the transaction goes on.
    if (!isMissingTable(error)) throw error
  }
}

function isMissingTable(error: unknown): boolean {
  return /no such table: cerdas_data_version/.test(String((error as Error)?.message ?? error))
}
