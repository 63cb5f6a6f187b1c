export * from './build.js';
export * from './render.js';
