import type { SheetSpec, TemplateSpec } from './types.js';

/** Identity helpers that keep literal types, so records can be typed from the schema. */
export const defineSheet = <const S extends SheetSpec>(s: S): S => s;
export const defineTemplate = <const T extends TemplateSpec>(t: T): T => t;

export const PROJECT_ID_NOTE = '与「项目登记」中的项目编号一致，如 AY-2026-001';
