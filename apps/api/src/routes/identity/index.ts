export * from './audit'
export * from './auth'
export * from './tokens'
export * from './users'
