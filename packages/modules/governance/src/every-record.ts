/** Every public record of a list, page after page (governance lists are a few dozen records). */
export async function everyRecord<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = []
  let cursor: string | undefined
  do {
    const { items, nextCursor } = await page(cursor)
    out.push(...items)
    cursor = nextCursor ?? undefined
  } while (cursor)
  return out
}
