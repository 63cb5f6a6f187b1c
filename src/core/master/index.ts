export * from './types.js';
export * from './read.js';
export { checkMaster } from './checks.js';
