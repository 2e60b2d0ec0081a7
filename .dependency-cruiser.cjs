// The dependency rule of DESIGN §3, checked on every `npm test`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-imports-nothing',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'match-is-pure',
      comment: 'The matcher may use domain types and pure libraries only: no I/O, no config, no logger.',
      severity: 'error',
      from: { path: '^src/(match|address)/' },
      to: { pathNot: ['^src/(domain|match|address)/', 'libphonenumber-js', 'zod'] },
    },
    {
      name: 'address-is-independent-of-match',
      severity: 'error',
      from: { path: '^src/address/' },
      to: { path: '^src/match/' },
    },
    {
      name: 'adapters-stay-out-of-the-core',
      comment: 'Remote clients and store must not depend on sync, queue, web or cli; they may implement the ports.',
      severity: 'error',
      from: { path: '^src/(infosoft|windward|store)/' },
      to: { path: '^src/(sync|queue|web|cli|app)', pathNot: '^src/sync/ports\\.ts$' },
    },
    {
      name: 'sync-depends-on-ports',
      comment: 'Use cases see adapters only through src/sync/ports.ts.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/(infosoft|windward|store|queue|web|cli|simulators|app)|bullmq|ioredis|better-sqlite3|soap|axios' },
    },
    {
      name: 'wire-formats-stay-in-their-adapter',
      severity: 'error',
      from: { pathNot: '^src/(infosoft|simulators/infosoft)/' },
      to: { path: '^src/infosoft/(wire|envelope)' },
    },
    {
      name: 'windward-wire-stays-in-its-adapter',
      severity: 'error',
      from: { pathNot: '^src/(windward|simulators/windward)/' },
      to: { path: '^src/windward/wire' },
    },
    {
      name: 'queue-knows-no-adapters',
      severity: 'error',
      from: { path: '^src/queue/' },
      to: { path: '^src/(infosoft|windward|store|web|cli|app)' },
    },
    {
      name: 'nothing-imports-the-composition-root-but-entry-points',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/app\\.ts$' },
    },
    {
      name: 'operator-actions-use-store-and-queue-only',
      severity: 'error',
      from: { path: '^src/operator/' },
      to: { path: '^src/(sync|infosoft|windward|web|cli|simulators|app)' },
    },
    {
      name: 'no-simulators-in-production-paths',
      severity: 'error',
      from: { path: '^src/(sync|queue|store|infosoft|windward|match|domain|web|operator)/' },
      to: { path: '^src/simulators/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
