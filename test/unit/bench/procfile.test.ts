import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProcfileCommand, procfileLine } from '../../bench/procfile.js';

const REPO_PROCFILE = readFileSync(new URL('../../../Procfile', import.meta.url), 'utf8');

describe('parseProcfileCommand (the bench starts the worker as the Procfile does)', () => {
  it.each([
    {
      line: 'worker: node dist/cli/main.js worker',
      expected: { env: {}, nodeArgs: ['dist/cli/main.js', 'worker'] },
    },
    {
      line: 'worker: MALLOC_ARENA_MAX=2 node --max-old-space-size=160 dist/cli/main.js worker',
      expected: { env: { MALLOC_ARENA_MAX: '2' }, nodeArgs: ['--max-old-space-size=160', 'dist/cli/main.js', 'worker'] },
    },
    {
      line: 'worker:   A=1 B_2=x   node   main.js',
      expected: { env: { A: '1', B_2: 'x' }, nodeArgs: ['main.js'] },
    },
    {
      // After node, an assignment is an argument, not the environment.
      line: 'worker: node A=1 main.js',
      expected: { env: {}, nodeArgs: ['A=1', 'main.js'] },
    },
  ])('$line', ({ line, expected }) => {
    expect(parseProcfileCommand(`web: node web.js\n${line}\n`, 'worker')).toEqual(expected);
  });

  it.each([
    ['no such process', 'web: node web.js', 'worker'],
    ['not started by node', 'worker: bun main.js', 'worker'],
    ['a word that is not an assignment before node', 'worker: env A=1 node main.js', 'worker'],
  ])('refuses %s', (_why, procfile, name) => {
    expect(() => parseProcfileCommand(procfile, name)).toThrow(/Procfile/);
  });

  it("reads the repository's own Procfile: the worker runs node with its heap flags", () => {
    const worker = parseProcfileCommand(REPO_PROCFILE, 'worker');
    expect(worker.nodeArgs.slice(-2)).toEqual(['dist/cli/main.js', 'worker']);
    expect(worker.nodeArgs.some((a) => a.startsWith('--max-old-space-size='))).toBe(true);
  });

  // `npm run start:worker` is how a developer starts the worker by hand: it must run with the same
  // heap flags and environment as production, or its memory and CPU are not what the README says.
  it.each(['worker', 'web'])("package.json's start script for %s runs the Procfile's line for it", (name) => {
    const scripts = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts[`start:${name}`]).toBe(procfileLine(REPO_PROCFILE, name));
  });
});
