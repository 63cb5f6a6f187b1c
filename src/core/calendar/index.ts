export * from '../values/dates.js';
export * from './periods.js';
export * from './workdays.js';
export * from './schedule.js';
export { BUILTIN_HOLIDAYS, type HolidayData } from './builtin.js';
export * from './fraction.js';
