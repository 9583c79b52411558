/**
 * Messages of owners no module knows, as the problem's errors carry them; the
 * console translates them (editor-form.ts). No imports: the editor runs in browsers too.
 */
export const UNKNOWN_OWNER = 'No record of this module and type has this id or key'
export const UNKNOWN_OWNER_TYPE = 'Schedules cannot belong to records of this module and type'
