// The worker's main thread hands every remote call to the remote-client thread, so the clients'
// modules — the soap package with its XML libraries, undici — must not be loaded there just by
// importing the app: they stayed in the main heap (~8.5 MB live), traced by every mark-compact, and
// made up much of the worker's peak RSS margin (README, *Operating it*).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The CommonJS packages a fresh Node process has loaded after importing `modules` (in order). */
function loadedPackagesAfterImporting(...modules: string[]): string[] {
  const script = [
    "import { createRequire } from 'node:module';",
    ...modules.map((m) => `await import(${JSON.stringify(new URL(m, `file://${ROOT}`).href)});`),
    'const names = Object.keys(createRequire(import.meta.url).cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(p)?.[1]);',
    'console.log(JSON.stringify([...new Set(names.filter(Boolean))]));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[];
}

describe("the worker's main thread", () => {
  it('does not load the remote clients’ packages by importing the app', () => {
    const loaded = loadedPackagesAfterImporting('src/app.ts');
    // The check sees CommonJS packages the app does need (a sanity check of the probe itself).
    expect(loaded).toContain('better-sqlite3');
    expect(loaded).not.toContain('soap');
    expect(loaded).not.toContain('undici');
  });

  it('would see them if a module imported the clients statically', () => {
    const loaded = loadedPackagesAfterImporting('src/app.ts', 'src/infosoft/client.ts', 'src/windward/client.ts');
    expect(loaded).toEqual(expect.arrayContaining(['soap', 'undici']));
  });
});
