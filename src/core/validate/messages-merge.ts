import type { MessageDef } from './codes.js';

/** Messages of the merge (kpd merge), Chinese first. */
export const MERGE_MESSAGES = {} as const satisfies Record<string, MessageDef>;
