/** Walking a vendor's paged listing (Offset/Limit or PageNumber), whatever its paging words. */

/** One page: its items, and whether it was the last (given how many came before it). */
export type FetchPage<T> = (page: number, before: number) => Promise<{ items: T[]; last: boolean }>;

/** Every item, page after page until one says it is the last, or `maxPages` (a gateway that ignores paging). */
export async function collectPages<T>(fetch: FetchPage<T>, maxPages = Infinity): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < maxPages; page++) {
    const { items, last } = await fetch(page, all.length);
    all.push(...items);
    if (last) break;
  }
  return all;
}
