// Both sides of the remote-client RPC post their messages in batches: every message queued during
// one turn of the event loop leaves in one postMessage, at the loop's check phase (setImmediate).
// Why: each postMessage pays a fixed cost on both threads (a serializer, a lock, a wake-up of the
// other loop, one 'message' event there), and at 16 jobs in flight most calls and answers went
// alone. A batch waits for nothing but the end of the turn that queued it.

/** Posts one batch; throws as postMessage does (DataCloneError for a value that cannot cross). */
export type PostBatch<T> = (batch: T[]) => void;

/**
 * A send function that queues and posts once per loop turn. When a batch cannot be posted whole,
 * each message is posted alone, and only the messages that still cannot cross go to `onUnsent`,
 * as a synchronous postMessage of that one message would have failed.
 */
export function batchedSender<T>(post: PostBatch<T>, onUnsent: (message: T, error: unknown) => void): (message: T) => void {
  // Empty exactly while no flush is scheduled: the first message of a turn schedules it.
  let queued: T[] = [];

  function flush(): void {
    const batch = queued;
    queued = [];
    try {
      post(batch);
    } catch {
      for (const message of batch) {
        try {
          post([message]);
        } catch (error) {
          onUnsent(message, error);
        }
      }
    }
  }

  return (message: T) => {
    if (queued.length === 0) setImmediate(flush);
    queued.push(message);
  };
}
