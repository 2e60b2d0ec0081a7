// The bench starts the worker exactly as the Procfile line does: its environment assignments
// (MALLOC_ARENA_MAX=2) and node's flags (the heap settings) are part of what is measured.

export interface ProcfileCommand {
  /** `NAME=value` words before `node`, as a shell running the line would set them. */
  env: Record<string, string>;
  /** The words after `node`: node's flags, then the script and its arguments. */
  nodeArgs: string[];
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/;

/** The command of process `name` in a Procfile's text (what follows `name:`), or undefined. */
export function procfileLine(procfile: string, name: string): string | undefined {
  return procfile
    .split('\n')
    .find((l) => l.startsWith(`${name}:`))
    ?.slice(name.length + 1)
    .trim();
}

/** Reads `name: [VAR=value ...] node ...` from a Procfile's text. */
export function parseProcfileCommand(procfile: string, name: string): ProcfileCommand {
  const words = procfileLine(procfile, name)?.split(/\s+/) ?? [];
  const env: Record<string, string> = {};
  let index = 0;
  for (let m = ASSIGNMENT.exec(words[index] ?? ''); m; m = ASSIGNMENT.exec(words[index] ?? '')) {
    env[m[1] as string] = m[2] as string;
    index += 1;
  }
  if (words[index] !== 'node') throw new Error(`Procfile: no "${name}: [VAR=value ...] node ..." line`);
  return { env, nodeArgs: words.slice(index + 1) };
}
