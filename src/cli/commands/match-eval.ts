// match-eval: the matcher over two CSV files (DESIGN §5.4), for measuring it on labelled data.
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../../config.js';
import { runMatchEval } from '../../evaluation/match-eval.js';
import { printJson } from '../context.js';

export interface MatchEvalOptions {
  existing: string;
  incoming: string;
  out: string;
  json?: boolean;
}

export async function runMatchEvalCommand(options: MatchEvalOptions): Promise<number> {
  const { matching } = loadConfig();
  const bar = !options.json && process.stderr.isTTY ? new SingleBar({ format: 'match [{bar}] {value}/{total} incoming', stream: process.stderr }) : null;
  let started = false;
  const summary = await runMatchEval({
    existingPath: options.existing,
    incomingPath: options.incoming,
    outPath: options.out,
    params: matching,
    onProgress: (done: number, total: number) => {
      if (!bar) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  bar?.stop();
  if (options.json) printJson(summary);
  else {
    process.stdout.write(
      `${summary.incoming} incoming: ${summary.link} link, ${summary.review} review, ${summary.create} create ` +
        `(${summary.comparisons} comparisons, ${summary.seconds}s) → ${options.out}\n`,
    );
  }
  return 0;
}
