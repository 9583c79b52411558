/** What an entity's functions are built from: reads, writes and search entries over its store. */
export * from './bulk-writes'
export * from './reads'
export * from './search-documents'
export type { EntityStore, Page } from './store'
export * from './writes'
