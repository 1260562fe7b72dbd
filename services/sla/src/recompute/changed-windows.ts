import type { BusinessCalendar } from '../business-time/business-calendar';
import { DAY_MS } from '../business-time/civil-date';

/** A UTC window `[fromMs, toMs)` in which two versions of a calendar may disagree. */
export interface ChangedWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

const HOUR_MS = 3_600_000;
/** More days than this (≈ 10 years of running clocks) are not compared: everything counts as changed. */
const MAX_DAYS = 3_660;
/** More windows than this are merged into one (the SQL filter tests each clock against every window). */
const MAX_WINDOWS = 64;

/**
 * Where a calendar change can move due times: the local days (within the span the live clocks
 * cover) whose open UTC ranges differ between the old and the new calendar, as merged windows.
 * A running clock whose `[running_since, max(due_at, next_fire_at)]` meets no window counts the
 * same business time under both versions, so its due times stay as they are and it needs no
 * recompute. An empty list: nothing changed; a switch to or from 24/7 changes everything.
 */
export function changedWindows(before: BusinessCalendar, after: BusinessCalendar, spanFromMs: number, spanToMs: number): ChangedWindow[] {
  const everything = [{ fromMs: spanFromMs - DAY_MS, toMs: spanToMs + DAY_MS }];
  if (before.rules.alwaysOpen || after.rules.alwaysOpen) return before.rules.alwaysOpen && after.rules.alwaysOpen ? [] : everything;
  // The local day of an instant lies within a day either side of its UTC day (offsets −12 h … +14 h).
  const firstDay = Math.floor(spanFromMs / DAY_MS) - 1;
  const lastDay = Math.floor(spanToMs / DAY_MS) + 1;
  if (lastDay - firstDay > MAX_DAYS) return everything;
  const windows: ChangedWindow[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const old = before.openRangesOfDay(day);
    const now = after.openRangesOfDay(day);
    if (sameRanges(old, now)) continue;
    // Both versions agree outside the union of their ranges of this day; an hour of slack either side.
    const all = [...old, ...now];
    const fromMs = Math.min(...all.map((r) => r[0])) - HOUR_MS;
    const toMs = Math.max(...all.map((r) => r[1])) + HOUR_MS;
    const last = windows[windows.length - 1];
    if (last && fromMs <= last.toMs) windows[windows.length - 1] = { fromMs: last.fromMs, toMs: Math.max(last.toMs, toMs) };
    else windows.push({ fromMs, toMs });
  }
  const first = windows[0];
  const end = windows[windows.length - 1];
  return windows.length > MAX_WINDOWS && first && end ? [{ fromMs: first.fromMs, toMs: end.toMs }] : windows;
}

function sameRanges(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i]?.[0] && r[1] === b[i]?.[1]);
}
