export { type ColumnSpec, createTableStatements, entityColumns, fieldKeys } from './columns'
export type { EntityColumns, EntityDeclaration, EntityHooks, EntityInput, EntityRecord } from './declaration'
export { ENTITY_ACTIONS, type EntityAction } from './declaration'
export { defineEntity, type Entity } from './define-entity'
export {
  type AnyField,
  type ComputedDefault,
  type CustomStorage,
  type EntityField,
  type FieldKind,
  type FieldMap,
  type FieldOption,
  type FieldValue,
  field,
} from './fields'
export { type AnyEntity, type ModuleDeclaration, withEntities } from './module-entities'
export { visibleDimensions, visibleOwners } from './owner-permissions'
export {
  DEFAULT_MAX_PHOTOS,
  PHOTOS_TABLE,
  parsePhotos,
  photoRefInput,
  photoRefOutput,
  resolvePhotoRefs,
} from './photos-field'
export { listRecordSummaries } from './reads'
export type { CreateOptions, Page } from './records'
export type { EntityRule } from './schemas'
