// In-memory candidate index: blocking key → positions of the stored records filed under it.
// The evaluation engine and the 1M-record benchmark use it; a real store would keep the same
// keys in a database table.

export interface CandidateLookup {
  /** Positions of the distinct stored records found. */
  positions: number[];
  /** Postings read, duplicates included: the cost of the lookup. */
  postingsRead: number;
}

export class BlockingIndex {
  // A single position is stored unboxed: most keys (e-mail, phone) have exactly one record, and a
  // million one-element arrays would dominate memory.
  private readonly postings = new Map<string, number | number[]>();

  add(position: number, keys: readonly string[]): void {
    for (const key of keys) {
      const current = this.postings.get(key);
      if (current === undefined) this.postings.set(key, position);
      else if (typeof current === 'number') this.postings.set(key, [current, position]);
      else current.push(position);
    }
  }

  get keyCount(): number {
    return this.postings.size;
  }

  /** Keys filed under more than maxPostingSize records are not selective and are skipped. */
  lookup(keys: readonly string[], maxPostingSize: number): CandidateLookup {
    const found = new Set<number>();
    let postingsRead = 0;
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) continue;
      if (typeof list === 'number') {
        found.add(list);
        postingsRead++;
        continue;
      }
      if (list.length > maxPostingSize) continue;
      postingsRead += list.length;
      for (const p of list) found.add(p);
    }
    return { positions: [...found], postingsRead };
  }
}
