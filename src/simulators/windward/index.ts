export { startWindwardSimulator, type WindwardSimulator, type WindwardSimulatorOptions } from './server.js';
export { readWindwardSeedFile } from './seed-file.js';
export type { WindwardSeedRecord } from './seed-record.js';
