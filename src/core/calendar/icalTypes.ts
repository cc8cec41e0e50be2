/** Type-only names for ical.js classes (its typings export one default namespace). */
import type ICAL from 'ical.js';

export type Component = ICAL.Component;
export type Property = ICAL.Property;
export type Time = ICAL.Time;
export type Timezone = ICAL.Timezone;
export type Recur = ICAL.Recur;
export type RecurIterator = ICAL.RecurIterator;
export type Period = ICAL.Period;
export type Duration = ICAL.Duration;
