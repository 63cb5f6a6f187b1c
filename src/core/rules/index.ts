export * from './agent.js';
export * from './satisfaction.js';
export * from './schedule.js';
export * from './unit.js';
export * from './documents.js';
export * from './ruleset.js';
export * from './sheet.js';
