export * from './types.js';
export * from './define.js';
export * from './vocab.js';
export * from './master.js';
export * from './report.js';
export * from './topics.js';
export * from './bulletin.js';
export { TEMPLATES, templateById } from './templates.js';
export * from './results.js';
