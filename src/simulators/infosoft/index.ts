export { startInfosoftSimulator, type InfosoftSimulator, type InfosoftSimulatorOptions } from './server.js';
export { readInfosoftSeedFile, parseInfosoftSeedLines } from './seed-file.js';
export type { InfosoftSeedRecord, InfosoftSeedAddress, InfosoftSeedTitle } from './seed-record.js';
