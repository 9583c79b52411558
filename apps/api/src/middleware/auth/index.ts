export * from './operator-token'
export * from './permissions'
