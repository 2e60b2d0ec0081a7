// How many namesakes a matcher lookup meets: customers filed under the same first-and-last-name
// blocking key (`n:`, see src/match/blocking.ts) as the customer looked up. At 100,000 customers
// they are most of the benchmark's candidates, and what they cost is most of what 100,000 costs
// beyond 20,000 (README, "Measured figures"). This compares the simulator's generated names with
// the name frequencies of a public dataset (febrl4's originals, drawn by febrl from name-frequency
// tables), so the benchmark's figure can be read against a less uniform population, and shows what
// the simulator's --surname-variety (npm run bench -- --surname-variety N) brings it to.
//
//   npx tsx scripts/namesakes.ts [--sizes 20000,100000]
//
// A dataset smaller than a size is scaled: for a fixed name distribution the expected number of
// namesakes grows with the population, (N − 1) × P(two customers share the key).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { meanNamesakes } from '../src/evaluation/namesakes.js';
import { matchParamsSchema, type MatchRecord } from '../src/match/index.js';
import { generateSimulatorData } from '../src/simulators/index.js';
import { emptyRecord, loadDataset } from '../test/bench/datasets.js';

function simulatorRecords(customers: number, surnameVariety: number): MatchRecord[] {
  return generateSimulatorData({ customers, seed: 1, surnameVariety }).infosoft.map((c) =>
    ({ ...emptyRecord(String(c.CustomerNumber)), firstName: c.FirstName, lastName: c.LastName }),
  );
}

/** The variety the bench's help suggests for a population like febrl's. */
const SURNAME_VARIETY_LIKE_FEBRL = 7;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '20000,100000' } } });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 2)) {
    console.error(`--sizes must be whole numbers of at least 2, separated by commas (got ${values.sizes})`);
    process.exit(2);
  }
  const params = matchParamsSchema.parse(JSON.parse(await readFile('config/matching.json', 'utf8')));
  const rows: Record<string, string>[] = [];
  for (const variety of [1, SURNAME_VARIETY_LIKE_FEBRL]) {
    for (const size of sizes) {
      const names = variety === 1 ? 'simulator: 85 first names × 80 surnames, uniform' : `simulator, --surname-variety ${variety}`;
      rows.push({ names, size: size.toLocaleString('en'), namesakes: meanNamesakes(simulatorRecords(size, variety), params).toFixed(2) });
    }
  }
  const febrl = (await loadDataset('febrl4')).existing.filter((r) => r.firstName !== '' && r.lastName !== '');
  const perRecord = meanNamesakes(febrl, params) / (febrl.length - 1);
  for (const size of sizes) {
    rows.push({ names: `febrl4 originals (${febrl.length.toLocaleString('en')} with both names), scaled`, size: size.toLocaleString('en'), namesakes: (perRecord * (size - 1)).toFixed(2) });
  }
  console.log('Namesakes per lookup: other customers under the same first-and-last-name key');
  console.table(rows);
}

await main();
