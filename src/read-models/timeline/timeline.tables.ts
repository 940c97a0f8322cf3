import { defineTable } from '../../read-model-store/read-model-store.js';

/**
 * The Nth article event (key `n:<N>`, counting from 1): where it is in the log, and the latest
 * `created` of the events up to it (the running maximum, so it never decreases with N even if the
 * log's clock stepped back: "known by time T" is the longest run of events all created by T).
 */
export interface TimelineEntry {
  /** The event's global position, as a decimal string (a cursor). */
  position: string;
  /** Epoch ms: the latest `created` among the first N events. */
  createdBy: number;
}

/** How many events the timeline holds, and the last entry (key `last`). */
export interface TimelineHead extends TimelineEntry {
  events: number;
}

export const TIMELINE = defineTable<TimelineEntry>('timeline');
export const TIMELINE_HEAD = defineTable<TimelineHead>('timeline_head');

export const HEAD_KEY = 'last';
export const entryKey = (n: number): string => `n:${n}`;
