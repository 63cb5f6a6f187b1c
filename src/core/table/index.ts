export * from './header.js';
export * from './types.js';
export * from './read.js';
