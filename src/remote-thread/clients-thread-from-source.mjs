// Starts clients-thread.ts from source (tests, `tsx`): a worker thread does not inherit the parent's
// TypeScript loader, so this thread registers tsx's own before it imports the entry point.
// The built worker (dist/) starts dist/remote-thread/clients-thread.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./clients-thread.ts');
