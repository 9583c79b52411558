export * from './request-host'
export * from './tenant'
