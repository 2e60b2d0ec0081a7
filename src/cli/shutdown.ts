// Graceful shutdown on SIGTERM/SIGINT: run the close function once, then exit. A second signal
// while closing exits at once (an operator pressing Ctrl-C twice means it).
export function onShutdown(close: () => Promise<void>, log: (message: string) => void = () => undefined): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const handler = (signal: NodeJS.Signals) => {
      if (closing) process.exit(130);
      closing = true;
      log(`${signal} received: finishing in-flight jobs`);
      close()
        .then(() => resolve())
        .catch((error: unknown) => {
          log(`shutdown error: ${(error as Error).message}`);
          process.exitCode = 1;
          resolve();
        });
    };
    process.on('SIGTERM', handler);
    process.on('SIGINT', handler);
  });
}
