export {
  createWindwardClient,
  type WindwardClient,
  type WindwardClientConfig,
  type WindwardTruncation,
} from './client.js';
export { WINDWARD_FIELD_LIMITS } from './field-limits.js';
export { DEFAULT_WINDWARD_PATHS, type WindwardPaths } from './paths.js';
