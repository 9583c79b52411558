export * from './release-when-responded'
export * from './request-host'
export * from './tenant'
