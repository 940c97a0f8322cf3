/**
 * What covers each token of one sentence, looked up by article token index. An array indexed from
 * the sentence's first token: a Map hashes every key, and an array indexed by article position
 * turns sparse (and slow) deep into a long article.
 */
export class TokenIndex<T> {
  private readonly items: (T | undefined)[];

  constructor(
    private readonly from: number,
    to: number,
  ) {
    this.items = new Array<T | undefined>(Math.max(0, to - from)).fill(undefined);
  }

  set(k: number, item: T): void {
    if (k < this.from || k - this.from >= this.items.length) throw new RangeError(`token ${k} is outside the sentence`);
    this.items[k - this.from] = item;
  }

  get(k: number): T | undefined {
    return k >= this.from && k - this.from < this.items.length ? this.items[k - this.from] : undefined;
  }

  has(k: number): boolean {
    return this.get(k) !== undefined;
  }
}
