export * from './model.js';
export * from './schedule.js';
export * from './build.js';
export * from './render.js';
