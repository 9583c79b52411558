/**
 * Escapes SQL LIKE wildcards, for use with `ESCAPE '\'`.
 * @example sql`name LIKE ${`%${likeEscape(word)}%`} ESCAPE '\\'`
 */
export const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)
