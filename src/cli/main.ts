#!/usr/bin/env node
// The `customer-sync` command (DESIGN §5.1). Exit codes: 0 success, 1 failure, 2 usage error.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, ENVIRONMENT_VARIABLES } from '../config.js';
import { CliError, EXIT, parseCustomerNumber, withApp } from './context.js';
import { MAX_SURNAME_VARIETY } from '../simulators/surname-variety.js';
// Commands are loaded when run: the worker should not carry the web server, the simulators or the
// evaluation tools in memory (about 20 MB of resident memory).
const commands = {
  deadLetters: () => import('./commands/dead-letters.js'),
  demo: () => import('./commands/demo.js'),
  explain: () => import('./commands/explain.js'),
  matchEval: () => import('./commands/match-eval.js'),
  review: () => import('./commands/review.js'),
  links: () => import('./commands/links.js'),
  migrate: () => import('./commands/migrate.js'),
  sim: () => import('./commands/sim.js'),
  status: () => import('./commands/status.js'),
  sync: () => import('./commands/sync.js'),
  web: () => import('./commands/web.js'),
  worker: () => import('./commands/worker.js'),
};

function toInteger(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function toRate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

function toCustomerNumber(value: string): number {
  try {
    return parseCustomerNumber(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

let exitCode: number = EXIT.ok;
const run = (task: () => Promise<number>) => async () => {
  exitCode = await task();
};

export function buildProgram(): Command {
  const program = new Command('customer-sync')
    .description(
      'Keeps customers in sync from Infosoft InfoSystems (SOAP) to Windward System Five (REST WebAPI):\n' +
        'queued jobs read changed Infosoft customers, find or create them in Windward and record the link.',
    )
    .addHelpText('after', `\nConfiguration comes from config/*.json and these environment variables:\n  ${ENVIRONMENT_VARIABLES.join(', ')}\nSee README.md.`)
    .showHelpAfterError()
    .exitOverride();

  program.command('migrate').description('apply database migrations (also done at every process start)').action(run(async () => (await commands.migrate()).runMigrate()));
  program.command('worker').description('run the sync worker: consume jobs, poll Infosoft for changes (Procfile: worker)').action(run(async () => (await commands.worker()).runWorker()));
  program
    .command('web')
    .description('run the web process: queue dashboard, operator API and page, health and metrics (Procfile: web)')
    .option('--insecure-dev', 'run without DASHBOARD_USERNAME/PASSWORD (local development; loopback HOST only)')
    .action(async (options: { insecureDev?: boolean }) => {
      exitCode = await (await commands.web()).runWeb(options);
    });

  program
    .command('sim')
    .description('run the Infosoft and Windward simulators in the foreground; prints INFOSOFT_URL=… and WINDWARD_URL=…')
    .option('--infosoft-port <port>', 'Infosoft SOAP port (0 = any free port)', toInteger(0, 65535), 0)
    .option('--windward-port <port>', 'Windward REST port (0 = any free port)', toInteger(0, 65535), 0)
    .option('--customers <n>', 'generated Infosoft customers', toInteger(0), 500)
    .option('--overlap <rate>', 'share of them already in Windward', toRate, 0.3)
    .option('--seed <n>', 'random seed for generated data', toInteger(0), 1)
    .option(
      '--surname-variety <n>',
      `forms each generated surname can take: itself or a compound (Nordhagen); 1 = the 80 surnames as they are, ${MAX_SURNAME_VARIETY} at most (fewer namesakes: scripts/namesakes.ts)`,
      toInteger(1, MAX_SURNAME_VARIETY),
      1,
    )
    .option('--infosoft-seed <file.jsonl>', 'Infosoft customers from a JSON Lines file instead of generated ones')
    .option('--windward-seed <file.jsonl>', 'Windward customers from a JSON Lines file')
    .option('--latency-ms <ms>', 'latency added to every vendor call', toInteger(0), 0)
    .option('--fault-rate <rate>', 'share of calls answered with a fault (5xx, HTML, timeout, reset, malformed)', toRate, 0)
    .option('--lost-response-rate <rate>', 'share of writes committed whose response is then lost', toRate, 0)
    .action(async (options) => {
      exitCode = await (await commands.sim()).runSim(options);
    });

  program
    .command('sync-all')
    .description('enqueue every known and discoverable Infosoft customer')
    .option('--wait', 'wait until the queue has drained and print a summary')
    .option('--json', 'print one JSON document on stdout')
    .action(async (options) => {
      exitCode = await withApp(async (app) => (await commands.sync()).runSyncAll(app, options));
    });

  program
    .command('resync')
    .description('sync one customer now')
    .argument('<customerNumber>', 'Infosoft customer number', toCustomerNumber)
    .option('--wait', 'wait for the outcome')
    .option('--json', 'print one JSON document on stdout')
    .action(async (customerNumber: number, options) => {
      exitCode = await withApp(async (app) => (await commands.sync()).runResync(app, customerNumber, options));
    });

  program
    .command('status')
    .description('queue counts, open dead letters, the database in use (MB) and the sync log\'s length')
    .option('--json', 'print one JSON document on stdout')
    .action(async (options) => {
      exitCode = await withApp(async (app) => (await commands.status()).runStatus(app, options));
    });

  const deadLetters = program.command('dead-letters').description('customers whose sync gave up, with the reason');
  deadLetters
    .command('list')
    .option('--all', 'include retried, discarded and resolved ones')
    .option('--json', 'print one JSON document on stdout')
    .description('open dead letters')
    .action(async (options) => {
      exitCode = await withApp(async (app) => (await commands.deadLetters()).runDeadLettersList(app, options));
    });
  deadLetters
    .command('show')
    .argument('<id>', 'dead letter id')
    .option('--json', 'print one JSON document on stdout')
    .description('one dead letter in full')
    .action(async (id: string, options) => {
      exitCode = await withApp(async (app) => (await commands.deadLetters()).runDeadLettersShow(app, id, options));
    });
  deadLetters
    .command('retry')
    .argument('<id>', 'dead letter id')
    .option('--json', 'print one JSON document on stdout')
    .description('run the customer\'s sync again (after fixing the cause)')
    .action(async (id: string, options) => {
      exitCode = await withApp(async (app) => (await commands.deadLetters()).runDeadLettersRetry(app, id, options));
    });
  deadLetters
    .command('retry-all')
    .option('--json', 'print one JSON document on stdout')
    .description('retry every open dead letter')
    .action(async (options) => {
      exitCode = await withApp(async (app) => (await commands.deadLetters()).runDeadLettersRetryAll(app, options));
    });
  deadLetters
    .command('discard')
    .argument('<id>', 'dead letter id')
    .option('--json', 'print one JSON document on stdout')
    .description('drop a dead letter without retrying')
    .action(async (id: string, options) => {
      exitCode = await withApp(async (app) => (await commands.deadLetters()).runDeadLettersDiscard(app, id, options));
    });

  const links = program.command('links').description('the Infosoft ⇄ Windward mapping table');
  links
    .command('show')
    .argument('<customerNumber>', 'Infosoft customer number', toCustomerNumber)
    .option('--json', 'print one JSON document on stdout')
    .description("a customer's links and recent decisions")
    .action(async (customerNumber: number, options) => {
      exitCode = await withApp(async (app) => (await commands.links()).runLinksShow(app, customerNumber, options));
    });
  links
    .command('export')
    .option('--json', 'print one JSON document on stdout (default: CSV)')
    .description('every link')
    .action(async (options) => {
      exitCode = await withApp(async (app) => (await commands.links()).runLinksExport(app, options));
    });

  const review = program.command('review').description("the matcher's doubtful cases, for a person to decide");
  review
    .command('list')
    .option('--all', 'include decided and done items')
    .option('--json', 'print one JSON document on stdout')
    .description('open review items with their candidates')
    .action(async (options) => {
      exitCode = await withApp(async (app) => (await commands.review()).runReviewList(app, options));
    });
  review
    .command('decide')
    .argument('<id>', 'review item id', toInteger(1))
    .argument('<decision>', '"link" or "create" (match items), "dismiss" (conflict items)')
    .argument('[unique]', 'Windward Unique to link to (with "link")', toInteger(1))
    .option('--json', 'print one JSON document on stdout')
    .description('link the customer to a Windward customer, or create a new one; the sync applies it')
    .action(async (id: number, decision: string, unique: number | undefined, options) => {
      if (decision !== 'link' && decision !== 'create' && decision !== 'dismiss') {
        throw new CliError(`decision must be "link", "create" or "dismiss", not "${decision}"`, EXIT.usage);
      }
      exitCode = await withApp(async (app) => (await commands.review()).runReviewDecide(app, id, decision, unique ?? null, options));
    });

  program
    .command('explain')
    .argument('<customerNumber>', 'Infosoft customer number', toCustomerNumber)
    .option('--json', 'print one JSON document on stdout')
    .description("the last matcher decision for a customer, with each field's comparison level and weight")
    .action(async (customerNumber: number, options) => {
      exitCode = await withApp(async (app) => (await commands.explain()).runExplain(app, customerNumber, options));
    });

  program
    .command('match-eval')
    .description('run the duplicate matcher over two CSV files (header id,first_name,last_name,company,street,house_number,entrance,postal_code,city,country,phone,email,birth_date) and write incoming_id,existing_id,decision,score')
    .requiredOption('--existing <file.csv>', 'the customers already there (as in Windward)')
    .requiredOption('--incoming <file.csv>', 'the customers to match (as from Infosoft)')
    .requiredOption('--out <file.csv>', 'where to write one decision per incoming record')
    .option('--json', 'print the summary as one JSON document on stdout')
    .action(async (options) => {
      exitCode = await (await commands.matchEval()).runMatchEvalCommand(options);
    });

  program
    .command('demo')
    .description('start both simulators with generated customers and run a full sync (uses REDIS_URL or a private redis-server)')
    .option('--customers <n>', 'generated Infosoft customers', toInteger(1), 500)
    .option('--seed <n>', 'random seed for generated data', toInteger(0), 1)
    .option('--once', 'exit after the first full sync')
    .option('--json', 'print the summary as JSON on stdout')
    .addOption(new Option('--no-progress').hideHelp())
    .action(async (options) => {
      exitCode = await (await commands.demo()).runDemo({ customers: options.customers, once: Boolean(options.once), json: options.json, seed: options.seed });
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    exitCode = EXIT.ok;
    await buildProgram().parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.failure;
    }
    process.stderr.write(`error: ${(error as Error).message ?? String(error)}\n`);
    return EXIT.failure;
  }
}

// `customer-sync --help | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv).then((code) => {
  // Let stdout drain before exiting; open handles were closed by the commands.
  process.exitCode = code;
  setTimeout(() => process.exit(code), 50).unref();
});
