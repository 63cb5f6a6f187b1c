/** Entry point for the .xlsx reader; the implementation lives in ./xlsx-read/. */
export * from './xlsx-read/index.js';
