export * from './operator-only'
