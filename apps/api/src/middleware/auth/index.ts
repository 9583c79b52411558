export * from './identify'
export * from './permissions'
