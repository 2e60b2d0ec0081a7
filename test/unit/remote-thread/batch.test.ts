import { describe, expect, it } from 'vitest';
import { batchedSender } from '../../../src/remote-thread/batch.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('batchedSender', () => {
  it('posts what one turn of the loop queued as one batch, in order, and the next turn’s as another', async () => {
    const posted: number[][] = [];
    const send = batchedSender<number>((batch) => posted.push(batch), () => undefined);
    send(1);
    send(2);
    send(3);
    expect(posted).toEqual([]);
    await nextTurn();
    send(4);
    await nextTurn();
    expect(posted).toEqual([[1, 2, 3], [4]]);
  });

  it('when a batch cannot be posted whole, posts each message alone and reports only those that cannot cross', async () => {
    const posted: string[][] = [];
    const unsent: Array<{ message: string; error: unknown }> = [];
    const send = batchedSender<string>(
      (batch) => {
        if (batch.includes('bad')) throw new Error('cannot be cloned');
        posted.push(batch);
      },
      (message, error) => unsent.push({ message, error }),
    );
    for (const message of ['a', 'bad', 'b']) send(message);
    await nextTurn();
    expect(posted).toEqual([['a'], ['b']]);
    expect(unsent).toEqual([{ message: 'bad', error: new Error('cannot be cloned') }]);
  });
});
