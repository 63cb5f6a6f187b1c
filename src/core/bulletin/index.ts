export * from './model.js';
export * from './status.js';
export * from './build.js';
export * from './render.js';
export * from './behind.js';
export * from './findings.js';
